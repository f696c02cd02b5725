import type { Instrument, InstrumentId } from '@pravah/sdk';

/**
 * Kite instrument token <-> `EXCHANGE:TRADINGSYMBOL`, both ways, built from instruments that
 * carry `brokerTokens.kite`. Ticks arrive by token; orders and candles need one or the other.
 *
 * @example
 * ```ts
 * const map = KiteInstrumentMap.from(instruments);
 * map.idOf(408065);        // 'NSE:INFY'
 * map.tokenOf('NSE:INFY'); // 408065
 * ```
 */
export class KiteInstrumentMap {
  private readonly byToken = new Map<number, InstrumentId>();
  private readonly byId = new Map<InstrumentId, number>();

  /** Builds a map from SDK instruments; those without a Kite token are left out. */
  static from(instruments: Iterable<Instrument>): KiteInstrumentMap {
    const map = new KiteInstrumentMap();
    for (const instrument of instruments) {
      const token = instrument.brokerTokens?.kite;
      if (token !== undefined) map.add(Number(token), instrument.id);
    }
    return map;
  }

  /** Adds (or replaces) one pair. */
  add(token: number, id: InstrumentId): void {
    this.byToken.set(token, id);
    this.byId.set(id, token);
  }

  idOf(token: number): InstrumentId | undefined {
    return this.byToken.get(token);
  }

  tokenOf(id: InstrumentId): number | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byToken.size;
  }
}
