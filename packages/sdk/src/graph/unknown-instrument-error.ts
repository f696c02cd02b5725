import { PravahError } from '../errors/pravah-error.js';

/**
 * An instrument id that the run's instrument registry does not know.
 *
 * @example
 * ```ts
 * try { ctx.instruments.get('NSE:TCS') }
 * catch (e) { if (e instanceof UnknownInstrumentError) console.error(e.instrument) }
 * ```
 */
export class UnknownInstrumentError extends PravahError {
  readonly instrument: string;

  constructor(instrument: string) {
    super(
      'UNKNOWN_INSTRUMENT',
      `Unknown instrument "${instrument}": add it to the strategy's universe or the run's instrument list`,
    );
    this.instrument = instrument;
  }
}
