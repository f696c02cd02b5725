import type { InstrumentId, Order, PeriodPnl, PortfolioView, PositionView } from '@pravah/sdk';
import type { PaperVenue } from './paper-venue.js';

/**
 * The strategy's synchronous view of a paper account, with the backtester's semantics (equity
 * = cash + marked positions, P&L periods net of charges), so a strategy graph driven by a
 * PaperBroker sees what it would see in a backtest.
 *
 * @example
 * ```ts
 * const graph = createStrategyGraph(strategy, { clock, portfolio: broker.portfolio(), instruments, params, logger }, sink);
 * ```
 */
export class PaperPortfolio implements PortfolioView {
  constructor(private readonly venue: PaperVenue) {}

  cash(): number {
    return this.venue.books().cashAsNumber();
  }

  equity(): number {
    return this.venue.books().equity();
  }

  peakEquity(): number {
    return Math.max(this.venue.state().peakEquity, this.equity());
  }

  startOfDayEquity(): number {
    return this.venue.state().startOfDayEquity;
  }

  startOfWeekEquity(): number {
    return this.venue.state().startOfWeekEquity;
  }

  positionQuantity(instrument: InstrumentId): number {
    return this.venue.books().quantity(instrument);
  }

  position(instrument: InstrumentId): PositionView | undefined {
    return this.venue.books().position(instrument);
  }

  positions(): readonly PositionView[] {
    return this.venue.books().positions();
  }

  openOrders(instrument?: InstrumentId): readonly Order[] {
    return this.venue.openOrders(instrument);
  }

  today(): PeriodPnl {
    const s = this.venue.state();
    return {
      realised: this.venue.books().netRealised() - s.startOfDayRealised,
      marked: this.equity() - s.startOfDayEquity,
    };
  }

  thisWeek(): PeriodPnl {
    const s = this.venue.state();
    return {
      realised: this.venue.books().netRealised() - s.startOfWeekRealised,
      marked: this.equity() - s.startOfWeekEquity,
    };
  }
}
