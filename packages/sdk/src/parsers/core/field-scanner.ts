// Hand-rolled field scanning over one line of a string with charCodeAt: no split(), no
// per-field substring on the happy path. Numbers with up to 15 significant digits are read
// as integer / 10^k, which is correctly rounded and so equals Number() on the same text.

const COMMA = 44;
const SPACE = 32;
const TAB = 9;
const DOT = 46;
const QUOTE = 34;

/** Why the last field could not be read. */
export const FIELD_OK = 0;
export const FIELD_MISSING = 1;
export const FIELD_EMPTY = 2;
export const FIELD_NOT_NUMBER = 3;
export const FIELD_BAD_TIME = 4;

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Reads comma-separated fields of the current line; one instance is reused for every line. */
export class FieldScanner {
  text = '';
  /** Next unread position in the current line. */
  pos = 0;
  /** End of the current line (exclusive, without the line terminator). */
  end = 0;
  /** Start of the current line. */
  lineStart = 0;
  /** Bounds of the last field read (trimmed), for error messages. */
  fieldStart = 0;
  fieldEnd = 0;
  /** Set once the line's last field has been consumed. */
  done = false;
  /** FIELD_OK or why the last field failed. */
  problem = FIELD_OK;
  /**
   * The number read by the last successful {@link FieldScanner.number} call. Returned through a
   * field because a double returned from a call that is not inlined is boxed (an allocation).
   */
  value = 0.5;

  setLine(text: string, start: number, end: number): void {
    this.text = text;
    this.lineStart = start;
    this.pos = start;
    this.end = end;
    this.done = false;
    this.problem = FIELD_OK;
  }

  /** Text of the last field read (or attempted). */
  lastField(): string {
    return this.text.slice(this.fieldStart, this.fieldEnd);
  }

  /** The whole current line. */
  lineText(): string {
    return this.text.slice(this.lineStart, this.end);
  }

  /** Number of comma-separated columns of the current line (slow path, for error messages). */
  columnCount(): number {
    let count = 1;
    for (
      let p = this.text.indexOf(',', this.lineStart);
      p >= 0 && p < this.end;
      p = this.text.indexOf(',', p + 1)
    ) {
      count++;
    }
    return count;
  }

  /**
   * Reads a decimal number field into `value`; false (with `problem` set) when the field is
   * not a number. The common shape (`digits[.digits]`, maybe after spaces, then a comma or the
   * end of the line) is read here, small enough to be inlined into a parser's row loop; signs,
   * exponents, quotes, padding after the number and errors go to the slow path.
   */
  number(): boolean {
    const s = this.text;
    let p = this.pos;
    let c = s.charCodeAt(p);
    while (c === SPACE) c = s.charCodeAt(++p);
    const start = p;
    let value = 0;
    // The character at `end` is a line terminator or past the string, so the digit loops stop
    // there without a bounds check.
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = s.charCodeAt(++p);
    }
    let digits = p - start;
    let fraction = 0;
    if (c === DOT) {
      const fractionStart = ++p;
      c = s.charCodeAt(p);
      while (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        c = s.charCodeAt(++p);
      }
      fraction = p - fractionStart;
      digits += fraction;
    }
    if (digits === 0 || digits > 15 || p > this.end) return this.slowNumber(start);
    if (c === COMMA) this.pos = p + 1;
    else if (p === this.end) {
      this.pos = p;
      this.done = true;
    } else return this.slowNumber(start);
    this.value = fraction === 0 ? value : value / POW10[fraction]!;
    return true;
  }

  /** Exactly `count` digits at the cursor as an integer, or -1. Does not skip separators. */
  digits(count: number): number {
    const s = this.text;
    let p = this.pos;
    const stop = p + count;
    if (stop > this.end) return -1;
    let value = 0;
    for (; p < stop; p++) {
      const d = s.charCodeAt(p) - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    this.pos = p;
    return value;
  }

  /** Consumes `code` when it is the next character. */
  accept(code: number): boolean {
    if (this.pos < this.end && this.text.charCodeAt(this.pos) === code) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Skips spaces and tabs. */
  skipSpaces(): void {
    const s = this.text;
    let p = this.pos;
    while (p < this.end) {
      const c = s.charCodeAt(p);
      if (c !== SPACE && c !== TAB) break;
      p++;
    }
    this.pos = p;
  }

  /**
   * Ends a field read piecewise: skips trailing spaces, then consumes the comma or reaches the
   * end of the line. False when something else follows.
   */
  endField(): boolean {
    this.skipSpaces();
    if (this.pos >= this.end) {
      this.done = true;
      return true;
    }
    if (this.text.charCodeAt(this.pos) === COMMA) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Reads a text field, trimmed; a field in double quotes is unquoted. */
  string(): string {
    if (this.done) {
      this.missing();
      return '';
    }
    this.skipSpaces();
    const s = this.text;
    if (this.pos < this.end && s.charCodeAt(this.pos) === QUOTE) return this.quoted();
    const start = this.pos;
    let comma = s.indexOf(',', start);
    if (comma < 0 || comma >= this.end) comma = this.end;
    let stop = comma;
    while (stop > start && (s.charCodeAt(stop - 1) === SPACE || s.charCodeAt(stop - 1) === TAB))
      stop--;
    this.fieldStart = start;
    this.fieldEnd = stop;
    if (comma < this.end) this.pos = comma + 1;
    else {
      this.pos = this.end;
      this.done = true;
    }
    return s.slice(start, stop);
  }

  /** Skips a field. */
  skip(): void {
    if (this.done) return;
    const s = this.text;
    if (s.charCodeAt(this.pos) === QUOTE) {
      this.quoted();
      return;
    }
    const comma = s.indexOf(',', this.pos);
    if (comma < 0 || comma >= this.end) {
      this.pos = this.end;
      this.done = true;
    } else this.pos = comma + 1;
  }

  /** Marks the current field as failed for a reason the caller decided (e.g. a bad time). */
  fail(problem: number, start: number): number {
    const s = this.text;
    let comma = s.indexOf(',', start);
    if (comma < 0 || comma >= this.end) comma = this.end;
    let stop = comma;
    while (stop > start && (s.charCodeAt(stop - 1) === SPACE || s.charCodeAt(stop - 1) === TAB))
      stop--;
    this.fieldStart = start;
    this.fieldEnd = stop;
    this.problem = problem;
    if (comma < this.end) this.pos = comma + 1;
    else {
      this.pos = this.end;
      this.done = true;
    }
    return Number.NaN;
  }

  private missing(): false {
    this.fieldStart = this.end;
    this.fieldEnd = this.end;
    this.problem = FIELD_MISSING;
    return false;
  }

  private quoted(): string {
    const s = this.text;
    const start = this.pos + 1;
    let p = start;
    let out = '';
    let from = start;
    for (;;) {
      const q = s.indexOf('"', p);
      if (q < 0 || q >= this.end) {
        this.fieldStart = this.pos;
        this.fieldEnd = this.end;
        this.pos = this.end;
        this.done = true;
        this.problem = FIELD_NOT_NUMBER;
        return s.slice(start, this.end);
      }
      if (q + 1 < this.end && s.charCodeAt(q + 1) === QUOTE) {
        out += s.slice(from, q + 1);
        p = q + 2;
        from = p;
        continue;
      }
      out += s.slice(from, q);
      this.fieldStart = start;
      this.fieldEnd = q;
      this.pos = q + 1;
      if (!this.endField()) {
        this.problem = FIELD_NOT_NUMBER;
        this.skip();
      }
      return out.trim();
    }
  }

  private slowNumber(start: number): boolean {
    if (this.done) return this.missing();
    const s = this.text;
    this.problem = FIELD_OK;
    let first = start;
    while (first < this.end && (s.charCodeAt(first) === SPACE || s.charCodeAt(first) === TAB))
      first++;
    start = first;
    if (start < this.end && s.charCodeAt(start) === QUOTE) {
      this.pos = start;
      const inner = this.quoted();
      return this.checkNumber(inner);
    }
    this.fail(FIELD_OK, start);
    return this.checkNumber(s.slice(this.fieldStart, this.fieldEnd));
  }

  private checkNumber(text: string): boolean {
    if (this.problem !== FIELD_OK) return false;
    if (text.length === 0) {
      this.problem = FIELD_EMPTY;
      return false;
    }
    const value = NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value)) {
      this.problem = FIELD_NOT_NUMBER;
      return false;
    }
    this.value = value;
    return true;
  }
}

/** Human wording of a FIELD_* problem. */
export function describeProblem(problem: number, expected: string): string {
  switch (problem) {
    case FIELD_MISSING:
      return 'column missing (the row has too few columns)';
    case FIELD_EMPTY:
      return `empty, expected ${expected}`;
    case FIELD_BAD_TIME:
      return `not a valid timestamp, expected ${expected}`;
    default:
      return `not ${expected}`;
  }
}
