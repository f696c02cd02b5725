import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { parseWith } from '@pravah/sdk';
import { JournalCorruptError } from './journal-errors.js';
import { decodeJournalLine, encodeJournalLine } from './journal-line.js';
import { JournalRecordSchema, type JournalRecord, type JournalSink } from './journal-record.js';

/** What {@link JournalFile.open} found in an existing file. */
export interface JournalReplay {
  readonly records: readonly JournalRecord[];
  /** Bytes of a torn last line that were ignored and cut off (0 when the file was clean). */
  readonly tornBytes: number;
}

/**
 * Append-only JSON-lines journal. Every `append` writes one line with `writeSync` and
 * `fsyncSync`s it before returning, so a record that was appended survives a SIGKILL or a power
 * cut. On open, the file is checked line by line: a torn last line (a crash mid-write) is
 * ignored and cut off; damage anywhere else throws a {@link JournalCorruptError}.
 *
 * @example
 * ```ts
 * const { journal, replay } = JournalFile.open('run.journal');
 * for (const record of replay.records) manager.replay(record);
 * journal.append({ kind: 'halt', time: Date.now(), reason: 'max rejections' });
 * journal.close();
 * ```
 */
export class JournalFile implements JournalSink {
  private fd: number | undefined;

  private constructor(
    readonly path: string,
    fd: number,
    private seq: number,
  ) {
    this.fd = fd;
  }

  /** Opens (or creates) a journal, returning it and the records already in it. */
  static open(path: string): { journal: JournalFile; replay: JournalReplay } {
    const existed = existsSync(path);
    const fd = openSync(path, existed ? 'r+' : 'a+');
    try {
      const { records, goodBytes, tornBytes, lastSeq } = existed
        ? readRecords(path)
        : { records: [], goodBytes: 0, tornBytes: 0, lastSeq: 0 };
      if (tornBytes > 0) {
        ftruncateSync(fd, goodBytes);
        fsyncSync(fd);
      }
      closeSync(fd);
      const appendFd = openSync(path, 'a');
      fsyncSync(appendFd);
      return { journal: new JournalFile(path, appendFd, lastSeq), replay: { records, tornBytes } };
    } catch (error) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      throw error;
    }
  }

  /** Sequence number of the last record written. */
  get lastSequence(): number {
    return this.seq;
  }

  append(record: JournalRecord): number {
    if (this.fd === undefined) {
      throw new Error(`journal ${this.path} is closed: records after stop() are not kept`);
    }
    this.seq += 1;
    writeSync(this.fd, encodeJournalLine(this.seq, JSON.stringify(record)));
    fsyncSync(this.fd);
    return this.seq;
  }

  /** Flushes and closes the file. Idempotent. */
  close(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }
}

function readRecords(path: string): {
  records: JournalRecord[];
  goodBytes: number;
  tornBytes: number;
  lastSeq: number;
} {
  const text = readFileSync(path, 'utf8');
  const records: JournalRecord[] = [];
  let offset = 0;
  let lastSeq = 0;
  let lineNumber = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    lineNumber++;
    if (end < 0) break; // no newline: a torn last write
    const line = text.slice(offset, end);
    const decoded = decodeJournalLine(line);
    const isLast = end + 1 >= text.length;
    if (!decoded.ok) {
      if (isLast) break; // a torn write that happened to end in a newline byte
      throw new JournalCorruptError(path, lineNumber, decoded.problem);
    }
    if (decoded.seq !== lastSeq + 1) {
      throw new JournalCorruptError(path, lineNumber, `sequence ${decoded.seq} after ${lastSeq}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(decoded.body);
    } catch (error) {
      throw new JournalCorruptError(path, lineNumber, `body is not JSON: ${String(error)}`);
    }
    records.push(
      parseWith(JournalRecordSchema, body, `journal record ${decoded.seq}`) as JournalRecord,
    );
    lastSeq = decoded.seq;
    offset = end + 1;
  }
  const goodBytes = Buffer.byteLength(text.slice(0, offset), 'utf8');
  const tornBytes = Buffer.byteLength(text, 'utf8') - goodBytes;
  return { records, goodBytes, tornBytes, lastSeq };
}
