import { z } from 'zod';

/** Version of the BacktestResult JSON layout; bumped on any incompatible change. */
export const BACKTEST_RESULT_SCHEMA_VERSION = 1;

const isoIst = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/, 'must be ISO 8601 with +05:30');
const money = z.number().finite();
const statusEnum = z.enum(['green', 'amber', 'red']);

const ChargesJsonSchema = z.object({
  brokerage: money,
  stt: money,
  exchangeTxn: money,
  ipft: money,
  sebi: money,
  stampDuty: money,
  gst: money,
  total: money,
});

export const TradeJsonSchema = z.object({
  instrument: z.string(),
  product: z.enum(['MIS', 'CNC', 'NRML']),
  side: z.enum(['long', 'short']),
  quantity: z.number().int().positive(),
  entryTime: isoIst,
  entryPrice: z.number().positive(),
  exitTime: isoIst,
  exitPrice: z.number().positive(),
  grossPnl: money,
  charges: money,
  pnl: money,
});

export const OrderJsonSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  side: z.enum(['BUY', 'SELL']),
  quantity: z.number().int().positive(),
  orderType: z.enum(['MARKET', 'LIMIT', 'SL', 'SL-M']),
  price: z.number().optional(),
  triggerPrice: z.number().optional(),
  product: z.enum(['MIS', 'CNC', 'NRML']),
  validity: z.enum(['DAY', 'IOC']),
  reason: z.string(),
  status: z.string(),
  filledQuantity: z.number().int().nonnegative(),
  averagePrice: z.number().nonnegative(),
  createdAt: isoIst,
  history: z.array(
    z.object({
      status: z.string(),
      time: isoIst,
      reason: z.string().optional(),
      filledQuantity: z.number().int(),
    }),
  ),
});

export const FillJsonSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  instrument: z.string(),
  time: isoIst,
  side: z.enum(['BUY', 'SELL']),
  quantity: z.number().int().positive(),
  price: z.number().positive(),
  rawPrice: z.number().positive(),
  product: z.enum(['MIS', 'CNC', 'NRML']),
  reason: z.string().optional(),
  charges: ChargesJsonSchema,
});

const BootstrapSchema = z
  .object({
    mean: z.number(),
    lower: z.number(),
    upper: z.number(),
    level: z.number(),
    probabilityTargetMet: z.number().min(0).max(1),
    samples: z.number().int(),
  })
  .nullable();

export const GradeJsonSchema = z.object({
  badge: statusEnum,
  checks: z.array(
    z.object({ name: z.string(), value: z.number(), threshold: z.number(), status: statusEnum }),
  ),
  weeks: z.array(z.object({ weekStart: z.string(), return: z.number(), drawdown: z.number() })),
  confidence: z.object({
    net: BootstrapSchema,
    gross: BootstrapSchema,
    weeks: z.number().int(),
    tooShort: z.boolean(),
  }),
  options: z.record(z.string(), z.unknown()),
});

export const MetricsJsonSchema = z.object({
  initialCapital: money,
  finalEquity: money,
  netPnl: money,
  grossPnl: money,
  totalCharges: money,
  totalReturn: z.number(),
  annualisedReturn: z.number(),
  volatility: z.number(),
  sharpe: z.number(),
  sortino: z.number(),
  calmar: z.number(),
  maxDrawdown: z.number().min(0),
  maxDrawdownPeak: isoIst.nullable(),
  maxDrawdownTrough: isoIst.nullable(),
  maxDrawdownRecovery: isoIst.nullable(),
  trades: z.number().int().nonnegative(),
  winRate: z.number().min(0).max(1),
  profitFactor: z.number().nullable(),
  expectancy: z.number(),
  averageHoldingMinutes: z.number(),
  exposure: z.number().min(0).max(1),
  turnover: z.number().min(0),
  chargesShareOfGrossPnl: z.number().nullable(),
  tradingDays: z.number().int().nonnegative(),
});

/** The JSON a backtest produces: what `--json` writes and reports read. */
export const BacktestResultSchema = z.object({
  schemaVersion: z.literal(BACKTEST_RESULT_SCHEMA_VERSION),
  strategy: z.object({ name: z.string(), params: z.unknown() }),
  run: z.object({
    from: isoIst.nullable(),
    to: isoIst.nullable(),
    initialCapital: money,
    seed: z.number().int(),
    plan: z.string(),
    slippage: z.string(),
    latencyMs: z.number().nonnegative(),
    events: z.number().int().nonnegative(),
    instruments: z.array(z.string()),
  }),
  metrics: MetricsJsonSchema,
  grade: GradeJsonSchema,
  chargesByComponent: ChargesJsonSchema,
  trades: z.array(TradeJsonSchema),
  orders: z.array(OrderJsonSchema),
  fills: z.array(FillJsonSchema),
  openPositions: z.array(
    z.object({
      instrument: z.string(),
      product: z.string(),
      quantity: z.number().int(),
      averagePrice: z.number(),
      lastPrice: z.number(),
    }),
  ),
  riskEvents: z.array(
    z.object({
      time: isoIst,
      guard: z.string(),
      action: z.string(),
      instrument: z.string().optional(),
      reason: z.string(),
    }),
  ),
  equityCurve: z.array(z.object({ time: z.number().int(), equity: z.number() })),
  dailyReturns: z.array(z.object({ date: z.string(), return: z.number() })),
  weeklyReturns: z.array(z.object({ weekStart: z.string(), return: z.number() })),
});

/** A backtest's result as plain JSON data: times as ISO strings with +05:30 (the equity curve keeps epoch ms), money in rupees rounded to the paisa. */
export type BacktestResult = z.infer<typeof BacktestResultSchema>;
export type TradeJson = z.infer<typeof TradeJsonSchema>;
export type OrderJson = z.infer<typeof OrderJsonSchema>;
export type FillJson = z.infer<typeof FillJsonSchema>;
