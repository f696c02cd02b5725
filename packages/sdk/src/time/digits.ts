/**
 * Value of `count` ASCII digits of `text` starting at `at`, or -1 if any is not a digit.
 * Used instead of regular expressions on the hot parsing paths.
 */
export function readDigits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1; // also NaN past the end of the text
    value = value * 10 + c;
  }
  return value;
}
