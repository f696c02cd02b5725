import type { Calendar, InstrumentId, MisBroker, TradingSession } from '@pravah/sdk';
import { splitInstrumentId } from '@pravah/sdk';

/** Where the runtime stands in the trading day of its instruments' segment. */
export interface SessionState {
  /** Today's session, undefined on holidays and weekends. */
  readonly session: TradingSession | undefined;
  /** True in pre-open and the continuous market (orders may be placed). */
  readonly orderEntry: boolean;
  /** True in the continuous market. */
  readonly inSession: boolean;
  /** When the runtime squares MIS positions off (the broker's cut-off minus the lead). */
  readonly squareOffAt: number | undefined;
}

/**
 * Reads the session state of an instrument's segment at a time from the calendar: holidays and
 * weekends have no session; the MIS square-off is the broker's published cut-off minus a lead,
 * so the runtime closes its own positions before the broker does (and charges for it).
 *
 * @example
 * ```ts
 * const state = sessionState(nseCalendar, 'NSE:INFY', Date.now(), 'zerodha', 60_000);
 * if (!state.inSession) return; // idle
 * ```
 */
export function sessionState(
  calendar: Calendar,
  instrument: InstrumentId,
  now: number,
  misBroker: MisBroker,
  squareOffLeadMs: number,
): SessionState {
  const { exchange } = splitInstrumentId(instrument);
  const session = calendar.session(now, exchange);
  if (session === undefined) {
    return { session, orderEntry: false, inSession: false, squareOffAt: undefined };
  }
  const inSession = session.continuous.some((i) => now >= i.start && now < i.end);
  const preOpen =
    session.preOpen !== undefined && now >= session.preOpen.start && now < session.open;
  let squareOffAt: number | undefined;
  try {
    squareOffAt = calendar.misSquareOffTime(now, exchange, misBroker) - squareOffLeadMs;
  } catch {
    // Sessions without a published cut-off (muhurat): square off before the close.
    squareOffAt = session.close - squareOffLeadMs;
  }
  return { session, orderEntry: inSession || preOpen, inSession, squareOffAt };
}
