import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeJournalLine,
  encodeJournalLine,
  JournalCorruptError,
  JournalFile,
  type JournalRecord,
} from '../../../src/live/journal/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => path.join(dir, `j${++n}.journal`);
const halt = (i: number): JournalRecord => ({ kind: 'halt', time: i, reason: `r${i} ₹ é` });

describe('JournalFile', () => {
  it('appends records that a reopen replays in order, and keeps counting sequences', () => {
    const file = fresh();
    const { journal, replay } = JournalFile.open(file);
    expect(replay.records).toEqual([]);
    expect(journal.append(halt(1))).toBe(1);
    expect(journal.append(halt(2))).toBe(2);
    journal.close();
    const again = JournalFile.open(file);
    expect(again.replay.records).toEqual([halt(1), halt(2)]);
    expect(again.journal.append(halt(3))).toBe(3);
    again.journal.close();
    expect(JournalFile.open(file).replay.records.map((r) => (r as { time: number }).time)).toEqual([
      1, 2, 3,
    ]);
  });

  it('writes one JSON object per line with the body length and CRC', () => {
    const line = encodeJournalLine(7, '{"kind":"stop","time":1,"reason":"x"}');
    const parsed = JSON.parse(line) as { seq: number; len: number; body: unknown };
    expect(parsed.seq).toBe(7);
    expect(parsed.len).toBe(37);
    expect(decodeJournalLine(line.trimEnd())).toEqual({
      ok: true,
      seq: 7,
      body: '{"kind":"stop","time":1,"reason":"x"}',
    });
    expect(decodeJournalLine(line.trimEnd().replace('"x"', '"y"'))).toEqual({
      ok: false,
      problem: 'CRC mismatch',
    });
  });

  it('ignores and cuts off a torn last line, then appends cleanly after it', () => {
    const file = fresh();
    const { journal } = JournalFile.open(file);
    journal.append(halt(1));
    journal.append(halt(2));
    journal.close();
    const full = encodeJournalLine(3, JSON.stringify(halt(3)));
    appendFileSync(file, full.slice(0, 25));
    const reopened = JournalFile.open(file);
    expect(reopened.replay.records).toEqual([halt(1), halt(2)]);
    expect(reopened.replay.tornBytes).toBe(25);
    expect(reopened.journal.append(halt(3))).toBe(3);
    reopened.journal.close();
    expect(JournalFile.open(file).replay.records).toHaveLength(3);
  });

  it('refuses a journal damaged before its last line, naming the line', () => {
    const file = fresh();
    const { journal } = JournalFile.open(file);
    for (let i = 1; i <= 3; i++) journal.append(halt(i));
    journal.close();
    const text = readFileSync(file, 'utf8').replace('"r2', '"R2');
    writeFileSync(file, text);
    expect(() => JournalFile.open(file)).toThrow(JournalCorruptError);
    try {
      JournalFile.open(file);
    } catch (error) {
      expect((error as JournalCorruptError).line).toBe(2);
    }
  });

  it('refuses a record of an unknown shape with a typed error', () => {
    const file = fresh();
    writeFileSync(file, encodeJournalLine(1, '{"kind":"mystery"}'));
    expect(() => JournalFile.open(file)).toThrow(/journal record 1/);
  });

  it('loses no acknowledged record when its writer is SIGKILLed mid-stream (3 runs)', async () => {
    for (let run = 0; run < 3; run++) {
      const file = fresh();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'journal-writer.fixture.ts'), file],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let acknowledged = 0;
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        const last = chunk.trim().split('\n').at(-1);
        if (last !== undefined && last !== '') acknowledged = Math.max(acknowledged, Number(last));
        if (acknowledged >= 50 + run * 40) child.kill('SIGKILL');
      });
      await new Promise((resolve) => child.on('exit', resolve));
      const { journal, replay } = JournalFile.open(file);
      journal.close();
      // Every record the writer reported as appended is there, in order, with no gap.
      expect(replay.records.length).toBeGreaterThanOrEqual(acknowledged);
      replay.records.forEach((r, i) => expect((r as { time: number }).time).toBe(i + 1));
    }
  }, 60_000);
});
