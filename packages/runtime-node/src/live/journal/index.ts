export { JournalFile, type JournalReplay } from './journal-file.js';
export { JournalCorruptError } from './journal-errors.js';
export { encodeJournalLine, decodeJournalLine, type DecodedLine } from './journal-line.js';
export {
  JournalRecordSchema,
  type JournalRecord,
  type JournalRecordKind,
  type JournalSink,
} from './journal-record.js';
