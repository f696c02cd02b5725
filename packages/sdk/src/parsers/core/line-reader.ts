/**
 * Splits chunked text into lines (LF or CRLF); a line cut between two chunks is carried over.
 * Subclasses read one line at a time from the original string, by bounds, without copying.
 */
export abstract class LineReader {
  /** Lines consumed so far; while reading a line, its 1-based number. */
  protected lineNumber = 0;
  private carry = '';
  private started = false;

  /** Reads the complete lines of `chunk`; an unfinished last line waits for the next chunk. */
  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.reserve(estimateLines(text));
    }
    if (this.carry.length > 0) text = this.carry + text;
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      this.carry = text;
      return;
    }
    this.carry = last + 1 < text.length ? text.slice(last + 1) : '';
    this.readLines(text, last + 1);
  }

  /** Reads what is left after the last newline as a final line. */
  protected flushLines(): void {
    if (this.carry.length === 0) return;
    const text = this.carry;
    this.carry = '';
    this.readLines(text, text.length);
  }

  /** Told once, from the first chunk, about how many lines to expect (to size buffers). */
  protected reserve(_lines: number): void {}

  /** Reads one non-empty line `text[start, end)` (terminator excluded). */
  protected abstract readLine(text: string, start: number, end: number): void;

  private readLines(text: string, stop: number): void {
    let start = 0;
    while (start < stop) {
      let newline = text.indexOf('\n', start);
      if (newline < 0 || newline >= stop) newline = stop;
      let end = newline;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      this.lineNumber++;
      if (end > start) this.readLine(text, start, end);
      start = newline + 1;
    }
  }
}

/** Lines in `text`, estimated from the average length of lines in its first 4 KiB. */
function estimateLines(text: string): number {
  const sample = Math.min(text.length, 4096);
  let lines = 0;
  for (let p = text.indexOf('\n'); p >= 0 && p < sample; p = text.indexOf('\n', p + 1)) lines++;
  if (lines === 0) return 0;
  return Math.ceil((text.length / sample) * lines * 1.02) + 16;
}
