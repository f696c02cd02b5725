import { EXCHANGE_TXN_SCHEDULE } from './exchange-txn.js';
import { IPFT_SCHEDULE } from './ipft.js';
import { SEBI_SCHEDULE } from './sebi.js';
import { STAMP_DUTY_SCHEDULE } from './stamp-duty.js';
import { STT_ON_EXERCISE_SCHEDULE, STT_SCHEDULE } from './stt.js';
import type { RateSchedule } from './types.js';

/** Every statutory and exchange rate schedule, in the order the rate table lists them. */
export const RATE_SCHEDULES: readonly RateSchedule[] = [
  STT_SCHEDULE,
  STT_ON_EXERCISE_SCHEDULE,
  EXCHANGE_TXN_SCHEDULE,
  IPFT_SCHEDULE,
  SEBI_SCHEDULE,
  STAMP_DUTY_SCHEDULE,
];
