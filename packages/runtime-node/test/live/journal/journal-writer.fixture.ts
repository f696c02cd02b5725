// Child process for the SIGKILL test: appends records forever, printing each sequence number
// after append() returned (i.e. after fsync).
import { JournalFile } from '../../../src/live/journal/index.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: journal-writer.fixture.ts <file>');
const { journal } = JournalFile.open(file);
for (let i = 1; ; i++) {
  const seq = journal.append({ kind: 'halt', time: i, reason: 'x'.repeat(i % 300) });
  process.stdout.write(`${seq}\n`);
  if (i % 20 === 0) await new Promise((r) => setImmediate(r));
}
