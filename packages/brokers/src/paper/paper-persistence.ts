import { storeSaveError } from './paper-errors.js';
import type { PaperSnapshot } from './paper-snapshot.js';
import type { PaperStore } from './paper-store.js';

/**
 * Saves a PaperBroker's snapshots one at a time, in order: commands wait for their save
 * (`saved`), fills and order changes on ticks are saved in the background and a failure there
 * is reported by the next `flush`; ticks that only move marks are saved by `flush` (and
 * `close`), not one by one. Without a store every save is a no-op.
 *
 * @example
 * ```ts
 * const persistence = new PaperPersistence(store, () => broker.snapshot());
 * persistence.markDirty();
 * await persistence.flush();
 * ```
 */
export class PaperPersistence {
  private dirty = false;
  /** Ticks moved marks and quotes since the last save (saved by flush, not after every tick). */
  private marksMoved = false;
  private saving: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly store: PaperStore | undefined,
    private readonly snapshot: () => PaperSnapshot,
  ) {}

  /** Something changed that a restart must see. */
  markDirty(): void {
    this.dirty = true;
  }

  /** Marks and quotes moved: a later flush saves them, so a restart starts from the last tick. */
  markTicks(): void {
    this.marksMoved = true;
  }

  /** Saves in the background when something changed since the last save. */
  saveIfDirty(): void {
    if (this.dirty) this.save().catch(() => undefined);
  }

  /** Saves now (a command's effect before it is acknowledged); BrokerUnavailableError on failure. */
  async saved(): Promise<void> {
    try {
      await this.save();
    } catch (error) {
      throw storeSaveError(error);
    }
  }

  /** Waits for every save so far; reports a background save that failed since the last flush. */
  async flush(): Promise<void> {
    if (this.dirty || this.marksMoved) await this.saved();
    await this.saving;
    const failure = this.failure;
    if (failure !== undefined) {
      this.failure = undefined;
      throw storeSaveError(failure);
    }
  }

  private save(): Promise<void> {
    this.dirty = false;
    this.marksMoved = false;
    const store = this.store;
    if (store === undefined) return this.saving;
    const snapshot = this.snapshot();
    const done = this.saving.then(() => store.save(snapshot));
    this.saving = done.catch((error: unknown) => {
      this.failure = error;
    });
    return done;
  }
}
