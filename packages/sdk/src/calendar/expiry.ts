import type { IsoDate } from '../time/iso-date.js';

/** Whether a contract is a weekly or a monthly (quarterlies are monthlies of their month). */
export type ExpiryKind = 'weekly' | 'monthly';

/** One expiry day of an underlying's derivatives. */
export interface Expiry {
  readonly underlying: string;
  readonly exchange: 'NFO' | 'BFO';
  readonly kind: ExpiryKind;
  /** The contract's last trading day (IST date), after any holiday shift. */
  readonly date: IsoDate;
  /** The day the weekday rule gives, before moving back over holidays. */
  readonly scheduledDate: IsoDate;
}
