import { ResampleConfigError } from './errors.js';

/**
 * The daily session that buckets are aligned to, as IST wall-clock times `HH:MM`.
 * The default is NSE/BSE equity and F&O normal market, 09:15 to 15:30.
 */
export interface SessionWindow {
  readonly open: string;
  readonly close: string;
}

/** NSE normal market hours, the default session of {@link resample}. */
export const NSE_NORMAL_SESSION: SessionWindow = { open: '09:15', close: '15:30' };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Milliseconds after IST midnight of an `HH:MM` time, validated. */
function offsetMs(field: string, value: unknown): number {
  const match = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (!match) throw new ResampleConfigError(field, value, 'is not an IST time HH:MM (e.g. 09:15)');
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}

/** A session window as millisecond offsets from IST midnight. */
export interface SessionOffsets {
  readonly openMs: number;
  readonly closeMs: number;
}

export function sessionOffsets(session: SessionWindow): SessionOffsets {
  const openMs = offsetMs('session.open', session.open);
  const closeMs = offsetMs('session.close', session.close);
  if (closeMs <= openMs) {
    throw new ResampleConfigError(
      'session.close',
      session.close,
      `is not after session.open ${session.open}`,
    );
  }
  return { openMs, closeMs };
}
