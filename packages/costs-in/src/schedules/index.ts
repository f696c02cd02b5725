export {
  SEGMENTS,
  VENUES,
  SCHEDULED_COMPONENTS,
  type Segment,
  type Venue,
  type ScheduledComponent,
  type PayingSide,
  type Confidence,
  type IsoDate,
  type RateRow,
  type RateSchedule,
  type GstRow,
  type GstBasisItem,
} from './types.js';
export { STT_SCHEDULE, STT_ON_EXERCISE_SCHEDULE } from './stt.js';
export { EXCHANGE_TXN_SCHEDULE } from './exchange-txn.js';
export { IPFT_SCHEDULE } from './ipft.js';
export { SEBI_SCHEDULE } from './sebi.js';
export { STAMP_DUTY_SCHEDULE } from './stamp-duty.js';
export { GST_SCHEDULE } from './gst.js';
export { RATE_SCHEDULES } from './rate-schedules.js';
export { rateInForce, gstInForce, type IndexedRow } from './rate-in-force.js';
export { renderRateTable } from './rate-table.js';
