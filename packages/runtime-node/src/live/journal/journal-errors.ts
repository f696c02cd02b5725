import { PravahError } from '@pravah/sdk';

/**
 * A journal line other than the last one failed its length or CRC check, or the sequence
 * numbers skip: the file was damaged after it was written. Nothing is replayed; restore the
 * file from a backup or reconcile by hand with the broker's order book.
 *
 * @example
 * ```ts
 * try { openJournal(path); } catch (e) { if (e instanceof JournalCorruptError) e.line; }
 * ```
 */
export class JournalCorruptError extends PravahError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(
      'LIVE_JOURNAL_CORRUPT',
      `journal ${file} is damaged at line ${line} (${problem}): restore it from a backup, or move it away and reconcile with the broker's order book by hand`,
    );
  }
}
