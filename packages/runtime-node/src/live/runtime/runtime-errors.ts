import { PravahError } from '@pravah/sdk';

/**
 * An instrument of the strategy's universe is not in the broker's instrument master.
 *
 * @example
 * ```ts
 * throw new UnknownLiveInstrumentError('NSE:NOPE', 'kite');
 * ```
 */
export class UnknownLiveInstrumentError extends PravahError {
  constructor(
    readonly instrument: string,
    readonly broker: string,
  ) {
    super(
      'LIVE_UNKNOWN_INSTRUMENT',
      `${instrument} is in the strategy's universe but not in ${broker}'s instrument list: fix the universe (EXCHANGE:TRADINGSYMBOL as the broker lists it)`,
    );
  }
}
