import { open, readFile, rename, unlink } from 'node:fs/promises';
import { PravahError } from '@pravah/sdk';
import { parsePaperSnapshot, type PaperSnapshot } from './paper-snapshot.js';
import type { PaperStore } from './paper-store.js';

/** The store's file exists but is not a valid snapshot (truncated, edited, another format). */
export class PaperStoreCorruptError extends PravahError {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      'PAPER_STORE_CORRUPT',
      `The paper store ${path} is not a valid snapshot (${cause instanceof Error ? cause.message : String(cause)}): restore a backup or move the file away to start afresh`,
      { cause },
    );
  }
}

/**
 * A PaperStore in one JSON file, written atomically: the snapshot goes to a temporary file in
 * the same folder, is fsynced, then renamed over the old one, so a crash leaves either the old
 * or the new snapshot, never a mix.
 *
 * @example
 * ```ts
 * const store = new JsonFilePaperStore('/var/lib/pravah/paper.json');
 * const broker = new PaperBroker({ ticks, instruments, capital: 500_000, store });
 * ```
 */
export class JsonFilePaperStore implements PaperStore {
  private writes = 0;

  constructor(readonly path: string) {}

  async load(): Promise<PaperSnapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return parsePaperSnapshot(JSON.parse(text));
    } catch (error) {
      throw new PaperStoreCorruptError(this.path, error);
    }
  }

  async save(snapshot: PaperSnapshot): Promise<void> {
    const temp = `${this.path}.${process.pid}.${++this.writes}.tmp`;
    const file = await open(temp, 'w');
    try {
      await file.writeFile(JSON.stringify(snapshot), 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
