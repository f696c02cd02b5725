import { parsePaperSnapshot, type PaperSnapshot } from './paper-snapshot.js';

/**
 * Where a PaperBroker keeps its state between runs. `load` resolves undefined when nothing was
 * saved yet; `save` replaces the previous snapshot as a whole (never half-written).
 *
 * @example
 * ```ts
 * const store: PaperStore = { load: async () => kv.get('paper'), save: async (s) => kv.set('paper', s) };
 * ```
 */
export interface PaperStore {
  load(): Promise<PaperSnapshot | undefined>;
  save(snapshot: PaperSnapshot): Promise<void>;
}

/**
 * A store in memory that serialises every snapshot to JSON and validates it on load, so it
 * behaves exactly like the file store (Decimals, frozen objects) without touching the disk.
 *
 * @example
 * ```ts
 * const store = new InMemoryPaperStore();
 * const first = new PaperBroker({ ticks, instruments, capital: 500_000, store });
 * // ... later, a new process continues with the same orders, positions and cash:
 * const second = new PaperBroker({ ticks, instruments, capital: 500_000, store });
 * ```
 */
export class InMemoryPaperStore implements PaperStore {
  private json: string | undefined;

  load(): Promise<PaperSnapshot | undefined> {
    return Promise.resolve(
      this.json === undefined ? undefined : parsePaperSnapshot(JSON.parse(this.json)),
    );
  }

  save(snapshot: PaperSnapshot): Promise<void> {
    this.json = JSON.stringify(snapshot);
    return Promise.resolve();
  }

  /** The last saved snapshot as JSON text, or undefined. */
  text(): string | undefined {
    return this.json;
  }
}
