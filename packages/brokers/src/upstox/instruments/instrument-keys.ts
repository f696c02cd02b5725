import type { Instrument, InstrumentId } from '@pravah/sdk';
import { InputRejectedError } from '../../errors/broker-errors.js';

/**
 * Two-way map between SDK instrument ids and Upstox instrument keys (`NSE_EQ|INE002A01018`),
 * filled from the instruments master or given up front.
 *
 * @example
 * ```ts
 * const keys = new UpstoxInstrumentKeys({ 'NSE:RELIANCE': 'NSE_EQ|INE002A01018' });
 * keys.keyOf('NSE:RELIANCE'); // 'NSE_EQ|INE002A01018'
 * ```
 */
export class UpstoxInstrumentKeys {
  private readonly byId = new Map<InstrumentId, string>();
  private readonly byKey = new Map<string, InstrumentId>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [id, key] of Object.entries(initial)) this.set(id as InstrumentId, key);
  }

  /** Number of known instruments. */
  get size(): number {
    return this.byId.size;
  }

  set(id: InstrumentId, key: string): void {
    this.byId.set(id, key);
    this.byKey.set(key, id);
  }

  /** Adds every instrument that carries an Upstox key. */
  addAll(instruments: readonly Instrument[]): void {
    for (const instrument of instruments) {
      const key = instrument.brokerTokens?.['upstox'];
      if (key !== undefined) this.set(instrument.id, key);
    }
  }

  has(id: InstrumentId): boolean {
    return this.byId.has(id);
  }

  /** The instrument key; throws {@link InputRejectedError} for an instrument Upstox does not list. */
  keyOf(id: InstrumentId): string {
    const key = this.byId.get(id);
    if (key === undefined) {
      throw new InputRejectedError(
        `no Upstox instrument key for ${id}: check the symbol against the instruments master`,
        { broker: 'upstox' },
      );
    }
    return key;
  }

  /** The SDK id of an instrument key, when known. */
  idOf(key: string): InstrumentId | undefined {
    return this.byKey.get(key);
  }
}
