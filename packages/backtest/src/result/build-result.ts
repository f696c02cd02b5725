import { CHARGE_COMPONENTS, ZERO_CHARGES, type Charges, type Fill, type Order } from '@pravah/sdk';
import type { BacktestRecord } from '../engine/backtest-engine.js';
import { formatIstIso, istDateOfDay } from '../engine/ist-day.js';
import { WeeklyTargetEvaluator, type WeeklyTargetOptions } from '../evaluator/index.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { decimalToNumber } from '../money/decimal-to-number.js';
import { paisa, PaiseSum } from './paise-sum.js';
import {
  BACKTEST_RESULT_SCHEMA_VERSION,
  type BacktestResult,
  type FillJson,
  type OrderJson,
} from './backtest-result.js';

/** Context of the run that the record alone does not carry. */
export interface ResultContext {
  readonly strategyName: string;
  readonly initialCapital: number;
  readonly seed: number;
  readonly plan: string;
  readonly slippage: string;
  readonly latencyMs: number;
  readonly grading?: WeeklyTargetOptions;
}

const price = (x: number): number => Math.round(x * 10_000) / 10_000;
const iso = (t: number | undefined): string | null => (t === undefined ? null : formatIstIso(t));

function chargesJson(c: Charges): FillJson['charges'] {
  return {
    brokerage: paisa(c.brokerage),
    stt: paisa(c.stt),
    exchangeTxn: paisa(c.exchangeTxn),
    ipft: paisa(c.ipft),
    sebi: paisa(c.sebi),
    stampDuty: paisa(c.stampDuty),
    gst: paisa(c.gst),
    total: paisa(c.total),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Built key by key rather than by spreading optional parts: tens of thousands of orders and
// fills per run, and no throwaway objects. Keys are added in the order JSON output must keep.
function orderJson(o: Order): OrderJson {
  const i = o.intent;
  const json = {
    id: o.id,
    instrument: i.instrument,
    side: i.side,
    quantity: i.quantity,
    orderType: i.orderType,
  } as Mutable<OrderJson>;
  if (i.price !== undefined) json.price = i.price;
  if (i.triggerPrice !== undefined) json.triggerPrice = i.triggerPrice;
  json.product = i.product;
  json.validity = i.validity;
  json.reason = i.reason;
  json.status = o.status;
  json.filledQuantity = o.filledQuantity;
  json.averagePrice = price(o.averagePrice);
  json.createdAt = formatIstIso(i.time);
  const history: OrderJson['history'] = [];
  for (const h of o.history) {
    const entry = { status: h.status, time: formatIstIso(h.time) } as Mutable<
      OrderJson['history'][number]
    >;
    if (h.reason !== undefined) entry.reason = h.reason;
    entry.filledQuantity = h.filledQuantity;
    history.push(entry);
  }
  json.history = history;
  return json;
}

function fillJson(f: Fill): FillJson {
  const json = {
    id: f.id,
    orderId: f.orderId,
    instrument: f.instrument,
    time: formatIstIso(f.time),
    side: f.side,
    quantity: f.quantity,
    price: f.price,
    rawPrice: f.rawPrice,
    product: f.product,
  } as Mutable<FillJson>;
  if (f.reason !== undefined) json.reason = f.reason;
  json.charges = chargesJson(f.charges ?? ZERO_CHARGES);
  return json;
}

/**
 * Turns a finished run's record into the BacktestResult JSON: metrics, the weekly grade, and
 * every order, fill and trade. Pure and deterministic: the same record gives the same bytes.
 */
export function buildResult(record: BacktestRecord, ctx: ResultContext): BacktestResult {
  const { ledger } = record;
  const finalEquity = ledger.equity();
  const trades = record.closings.map((c) => {
    const pnl = c.grossPnl.sub(c.charges);
    return {
      instrument: c.instrument,
      product: c.product,
      side: c.side,
      quantity: c.quantity,
      entryTime: formatIstIso(c.entryTime),
      entryPrice: price(c.entryPrice),
      exitTime: formatIstIso(c.exitTime),
      exitPrice: c.exitPrice,
      grossPnl: paisa(c.grossPnl),
      charges: paisa(c.charges),
      pnl: paisa(pnl),
      holdingMs: c.exitTime - c.entryTime,
      pnlNumber: decimalToNumber(pnl),
    };
  });

  // Gross curve = net curve + charges paid up to each point.
  const byTime = [...record.fills].sort((a, b) => a.time - b.time);
  const paid = new PaiseSum();
  let k = 0;
  const grossEquityCurve = record.equityCurve.map((p) => {
    while (k < byTime.length && byTime[k]!.time <= p.time) {
      const charges = byTime[k++]!.charges;
      if (charges !== undefined) paid.add(charges.total);
    }
    return { time: p.time, equity: p.equity + paid.rupees() };
  });
  const equityCurve = record.equityCurve.map((p) => ({ time: p.time, equity: price(p.equity) }));
  const grade = new WeeklyTargetEvaluator(ctx.grading).evaluate({
    equityCurve: record.equityCurve,
    grossEquityCurve,
    initialCapital: ctx.initialCapital,
  });

  const metrics = computeMetrics({
    initialCapital: ctx.initialCapital,
    finalEquity,
    totalCharges: ledger.totalCharges(),
    turnover: ledger.totalTurnover(),
    dailyEquity: record.dailyCloses.map((d) => d.equity),
    trades: trades.map((t) => ({ pnl: t.pnlNumber, holdingMs: t.holdingMs })),
    drawdown: {
      maxDrawdown: record.drawdown.maxDrawdown,
      peak: iso(record.drawdown.peakTime),
      trough: iso(record.drawdown.troughTime),
      recovery: iso(record.drawdown.recoveryTime),
    },
    exposure: record.exposure,
  });

  const totals = Object.fromEntries(CHARGE_COMPONENTS.map((c) => [c, new PaiseSum()])) as Record<
    string,
    PaiseSum
  >;
  const total = new PaiseSum();
  for (const f of record.fills) {
    if (!f.charges) continue;
    for (const c of CHARGE_COMPONENTS) totals[c]!.add(f.charges[c]);
    total.add(f.charges.total);
  }

  let previous = ctx.initialCapital;
  const dailyReturns = record.dailyCloses.map((d) => {
    const r = previous === 0 ? 0 : d.equity / previous - 1;
    previous = d.equity;
    return { date: istDateOfDay(d.day), return: Math.round(r * 1e8) / 1e8 };
  });

  return {
    schemaVersion: BACKTEST_RESULT_SCHEMA_VERSION,
    strategy: { name: ctx.strategyName, params: record.params },
    run: {
      from: iso(record.firstTime),
      to: iso(record.lastTime),
      initialCapital: ctx.initialCapital,
      seed: ctx.seed,
      plan: ctx.plan,
      slippage: ctx.slippage,
      latencyMs: ctx.latencyMs,
      events: record.events,
      instruments: record.instruments.map((i) => i.id),
    },
    metrics,
    grade: {
      ...grade,
      checks: [...grade.checks],
      weeks: [...grade.weeks],
      options: { ...grade.options },
    },
    chargesByComponent: {
      brokerage: paisa(totals['brokerage']!.total()),
      stt: paisa(totals['stt']!.total()),
      exchangeTxn: paisa(totals['exchangeTxn']!.total()),
      ipft: paisa(totals['ipft']!.total()),
      sebi: paisa(totals['sebi']!.total()),
      stampDuty: paisa(totals['stampDuty']!.total()),
      gst: paisa(totals['gst']!.total()),
      total: paisa(total.total()),
    },
    trades: trades.map(({ holdingMs: _h, pnlNumber: _p, ...t }) => t),
    orders: record.orders.map(orderJson),
    fills: record.fills.map(fillJson),
    openPositions: ledger.positions().map((p) => ({
      instrument: p.instrument,
      product: p.product,
      quantity: p.quantity,
      averagePrice: price(p.averagePrice),
      lastPrice: p.lastPrice,
    })),
    riskEvents: record.riskEvents.map((r) => ({
      time: formatIstIso(r.time),
      guard: r.guard,
      action: r.action,
      ...(r.instrument !== undefined ? { instrument: r.instrument } : {}),
      reason: r.reason,
    })),
    equityCurve,
    dailyReturns,
    weeklyReturns: grade.weeks.map((w) => ({ weekStart: w.weekStart, return: w.return })),
  };
}
