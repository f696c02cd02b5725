/** IANA name of India Standard Time, as date-fns-tz and `Intl` know it. */
export const IST_TIME_ZONE = 'Asia/Kolkata';

/**
 * IST is UTC+05:30 with no daylight saving (unchanged since 1945-10-15), so a fixed offset is
 * exact for every date Pravah handles; the tests check it against date-fns-tz.
 */
export const IST_OFFSET_MS = 19_800_000;

/** Milliseconds in one minute. */
export const MS_PER_MINUTE = 60_000;

/** Milliseconds in one (civil) day. */
export const MS_PER_DAY = 86_400_000;
