import { PravahError } from './pravah-error.js';

/** One problem found while validating input: where (path), what was there, and why it is wrong. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `lotSize` or `depth.buy.0.price`. */
  readonly field: string;
  /** The offending value as received (may be `undefined` when the field is missing). */
  readonly value: unknown;
  readonly message: string;
}

/**
 * Input failed validation. Names the offending field and value so the caller can fix it.
 *
 * @example
 * ```ts
 * try { parseInstrument({ id: 'XYZ:ABC' }) }
 * catch (e) { if (e instanceof ValidationError) console.log(e.field, e.value) }
 * ```
 */
export class ValidationError extends PravahError {
  readonly what: string;
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const detail = first
      ? `${first.field || '(root)'}: ${first.message} (got ${formatValue(first.value)})`
      : 'invalid';
    const more = issues.length > 1 ? ` and ${issues.length - 1} more issue(s)` : '';
    super('VALIDATION', `Invalid ${what}: ${detail}${more}`);
    this.what = what;
    this.issues = issues;
  }

  /** The first offending field (dotted path). */
  get field(): string {
    return this.issues[0]?.field ?? '';
  }

  /** The first offending value. */
  get value(): unknown {
    return this.issues[0]?.value;
  }
}

/**
 * Short, safe rendering of a value for an error message: strings quoted, long values cut to
 * about 60 characters, values JSON cannot render (cycles, bigint) named by their type.
 *
 * @example
 * ```ts
 * formatValue('abc'); // '"abc"'
 * formatValue(Number.NaN); // 'NaN'
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
