import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PravahError } from '@pravah/sdk';
import { parsePaperSnapshot, type PaperSnapshot } from './paper-snapshot.js';
import type { PaperStore } from './paper-store.js';

/**
 * The store's file exists but is not a valid snapshot (truncated, edited, another format).
 *
 * @example
 * ```ts
 * try { await store.load(); } catch (e) { if (e instanceof PaperStoreCorruptError) console.error(e.path); }
 * ```
 */
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

/** Makes the rename itself durable (POSIX); folders cannot be opened for sync on Windows. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort: the snapshot itself is already fsynced.
  } finally {
    await handle?.close();
  }
}

/**
 * A PaperStore in one JSON file, written atomically: the snapshot goes to a temporary file in
 * the same folder, is fsynced, then renamed over the old one (and the folder fsynced), so a
 * crash leaves either the old or the new snapshot, never a mix.
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
    await syncFolder(dirname(this.path));
  }
}
