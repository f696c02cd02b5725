export { IST_TIME_ZONE, IST_OFFSET_MS, MS_PER_MINUTE, MS_PER_DAY } from './constants.js';
export { TimeInputError } from './time-input-error.js';
export { type IsoDate, type DateInput, toIsoDate, addIstDays } from './iso-date.js';
export { type IstParts, type IstPartsInput, toIst, fromIstParts } from './ist-parts.js';
export { istDateTime, istTimeOfDayMs } from './ist-date-time.js';
export { istDate, istMinuteOfDay, istDayStart } from './ist-date.js';
export { istWeekStart, istWeekKey } from './ist-week.js';
export { formatIst, IST_ISO_PATTERN } from './format-ist.js';
export { parseIstNaive } from './parse-ist-naive.js';
