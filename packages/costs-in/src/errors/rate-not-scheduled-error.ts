import { PravahError } from '@pravah/sdk';

/** What {@link RateNotScheduledError} is built from. */
export interface RateNotScheduledDetails {
  /** The input field to change: `tradeDate` when rows exist on other dates, else the field that chose the schedule. */
  readonly field: string;
  readonly value: unknown;
  /** The charge that has no rate, e.g. `exchangeTxn`, `brokerage`, `dp`. */
  readonly component: string;
  /** What was looked up, e.g. `NSE equity-options` or `plan "zerodha" equity-delivery`. */
  readonly scope: string;
  /** The dates the schedule covers, e.g. `2023-04-01 onwards`, or `no rows`. */
  readonly coverage: string;
  /** Where a missing rate would be added. */
  readonly fix: string;
}

/**
 * No rate is in force for a charge on the trade date (or the schedule has no row at all for the
 * segment). Names the input field and value, the charge, the dates that are covered, and where to
 * add a row. Rates are data: a new budget or circular is a new dated row, never a code change.
 *
 * @example
 * ```ts
 * try { charges({ ...order, exchange: 'NFO', tradeDate: '2022-05-10' }, { plan: zerodha() }) }
 * catch (e) { if (e instanceof RateNotScheduledError) console.log(e.field, e.value, e.component) }
 * ```
 */
export class RateNotScheduledError extends PravahError {
  readonly field: string;
  readonly value: unknown;
  readonly component: string;
  readonly scope: string;
  readonly coverage: string;

  constructor(details: RateNotScheduledDetails) {
    super(
      'RATE_NOT_SCHEDULED',
      `No ${details.component} rate for ${details.scope} on ${String(details.value)} ` +
        `(${details.field}): the schedule covers ${details.coverage}. ` +
        `Use a ${details.field} inside it, or ${details.fix}.`,
    );
    this.field = details.field;
    this.value = details.value;
    this.component = details.component;
    this.scope = details.scope;
    this.coverage = details.coverage;
  }
}
