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

/**
 * The strategy lists no instruments and the runtime was given none: a live run must know what
 * to subscribe to.
 *
 * @example
 * ```ts
 * createRuntime({ strategy: smaCrossover, universe: ['NSE:INFY'], ... }); // avoids it
 * ```
 */
export class EmptyUniverseError extends PravahError {
  constructor(readonly strategy: string) {
    super(
      'LIVE_EMPTY_UNIVERSE',
      `strategy "${strategy}" has an empty universe: pass universe (e.g. ["NSE:INFY"]) in the config or to createRuntime`,
    );
  }
}
