import { ValidationError } from '@pravah/sdk';
import type { MisCutoffRule } from './types.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The IST `HH:MM` a cut-off rule gives for a session that closes at `sessionClose`. Throws a
 * ValidationError naming `sessionClose` when it is malformed or (for per-close rules) unknown.
 */
export function resolveCutoff(rule: MisCutoffRule, sessionClose: string): string {
  if ('at' in rule) return rule.at;
  if (!TIME.test(sessionClose)) {
    throw new ValidationError('session close', [
      { field: 'sessionClose', value: sessionClose, message: 'must be an IST time HH:MM' },
    ]);
  }
  const minutes =
    typeof rule.beforeClose === 'number' ? rule.beforeClose : rule.beforeClose[sessionClose];
  if (minutes === undefined) {
    const known = Object.keys(rule.beforeClose as Record<string, number>).join(', ');
    throw new ValidationError('session close', [
      {
        field: 'sessionClose',
        value: sessionClose,
        message: `the broker publishes cut-offs only for closes at ${known}`,
      },
    ]);
  }
  const close = Number(sessionClose.slice(0, 2)) * 60 + Number(sessionClose.slice(3, 5));
  const at = close - minutes;
  if (at < 0) {
    throw new ValidationError('session close', [
      {
        field: 'sessionClose',
        value: sessionClose,
        message: `is less than ${minutes} minutes after midnight`,
      },
    ]);
  }
  const hh = String(Math.floor(at / 60)).padStart(2, '0');
  const mm = String(at % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
