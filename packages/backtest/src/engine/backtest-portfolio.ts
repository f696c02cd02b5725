import type { InstrumentId, Order, PeriodPnl, PortfolioView, PositionView } from '@pravah/sdk';
import type { SimulatedExchange } from '../exchange/simulated-exchange.js';
import type { Ledger } from '../ledger/ledger.js';
import type { DrawdownTracker } from './drawdown-tracker.js';

/** Period anchors the engine moves at IST day and week boundaries. */
export interface PeriodAnchors {
  startOfDayEquity: number;
  startOfWeekEquity: number;
  startOfDayRealised: number;
  startOfWeekRealised: number;
}

/**
 * The strategy's read-only view of the backtest's books: a thin adapter over the ledger, the
 * exchange and the drawdown tracker. P&L periods are net of charges.
 */
export class BacktestPortfolio implements PortfolioView {
  constructor(
    private readonly ledger: Ledger,
    private readonly exchange: SimulatedExchange,
    private readonly drawdown: DrawdownTracker,
    private readonly anchors: PeriodAnchors,
  ) {}

  cash(): number {
    return this.ledger.cashAsNumber();
  }

  equity(): number {
    return this.ledger.equity();
  }

  peakEquity(): number {
    return Math.max(this.drawdown.peakEquity(), this.ledger.equity());
  }

  startOfDayEquity(): number {
    return this.anchors.startOfDayEquity;
  }

  startOfWeekEquity(): number {
    return this.anchors.startOfWeekEquity;
  }

  positionQuantity(instrument: InstrumentId): number {
    return this.ledger.quantity(instrument);
  }

  position(instrument: InstrumentId): PositionView | undefined {
    return this.ledger.position(instrument);
  }

  positions(): readonly PositionView[] {
    return this.ledger.positions();
  }

  openOrders(instrument?: InstrumentId): readonly Order[] {
    return this.exchange.openOrders(instrument);
  }

  today(): PeriodPnl {
    return {
      realised: this.netRealised() - this.anchors.startOfDayRealised,
      marked: this.ledger.equity() - this.anchors.startOfDayEquity,
    };
  }

  thisWeek(): PeriodPnl {
    return {
      realised: this.netRealised() - this.anchors.startOfWeekRealised,
      marked: this.ledger.equity() - this.anchors.startOfWeekEquity,
    };
  }

  /** Realised P&L net of all charges paid so far. */
  netRealised(): number {
    return this.ledger.netRealised();
  }
}
