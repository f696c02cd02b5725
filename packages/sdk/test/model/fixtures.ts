// Valid example messages (as plain JSON-like input) shared by the model tests.
export const T0 = Date.UTC(2025, 10, 14, 3, 45); // 2025-11-14 09:15 IST

export const relianceInput = {
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  name: 'RELIANCE INDUSTRIES',
  lotSize: 1,
  tickSize: 0.1,
  isin: 'INE002A01018',
  brokerTokens: { kite: '738561', upstox: 'NSE_EQ|INE002A01018' },
} as const;

export const niftyCallInput = {
  id: 'NFO:NIFTY25DEC26000CE',
  exchange: 'NFO',
  symbol: 'NIFTY25DEC26000CE',
  type: 'CE',
  lotSize: 75,
  tickSize: 0.05,
  freezeQuantity: 1800,
  expiry: '2025-12-30',
  strike: 26000,
  optionType: 'CE',
  underlying: 'NSE:NIFTY 50',
} as const;

export const niftyFutureInput = {
  id: 'NFO:NIFTY25DECFUT',
  exchange: 'NFO',
  symbol: 'NIFTY25DECFUT',
  type: 'FUT',
  lotSize: 75,
  tickSize: 0.1,
  expiry: '2025-12-30',
  underlying: 'NIFTY',
} as const;

export const barInput = {
  kind: 'bar',
  instrument: 'NSE:INFY',
  timeframe: '1m',
  time: T0,
  open: 1500,
  high: 1505.5,
  low: 1498.2,
  close: 1503,
  volume: 12_000,
} as const;

export const tickInput = {
  kind: 'tick',
  instrument: 'NFO:NIFTY25NOVFUT',
  time: T0 + 1_250,
  price: 25_990.5,
  quantity: 75,
  volume: 1_250_000,
  bid: 25_990,
  ask: 25_991,
  oi: 14_000_000,
  depth: {
    buy: [
      { price: 25_990, quantity: 150, orders: 2 },
      { price: 25_989.5, quantity: 75, orders: 1 },
    ],
    sell: [{ price: 25_991, quantity: 300, orders: 3 }],
  },
} as const;

export const signalInput = {
  kind: 'signal',
  instrument: 'NSE:INFY',
  time: T0 + 60_000,
  direction: 'long',
  confidence: 0.7,
  price: 1503,
  stop: 1490,
  target: 1530,
  reason: 'sma(10) crossed above sma(30)',
} as const;

export const targetInput = {
  kind: 'target',
  instrument: 'NSE:INFY',
  time: T0 + 60_000,
  quantity: 100,
  product: 'MIS',
  price: 1503,
  stop: 1490,
  target: 1530,
  confidence: 0.7,
  reason: 'risk 1% to the stop',
  signal: signalInput,
} as const;

export const intentInput = {
  kind: 'intent',
  id: 'sma-1',
  instrument: 'NSE:INFY',
  time: T0 + 60_000,
  side: 'BUY',
  quantity: 100,
  orderType: 'LIMIT',
  price: 1503,
  product: 'MIS',
  validity: 'DAY',
  ttlMs: 120_000,
  reduceOnly: false,
  confidence: 0.7,
  rewardRisk: 2.07,
  reason: 'enter long',
} as const;

export const orderInput = {
  kind: 'order',
  id: 'sma-1',
  intent: intentInput,
  status: 'PARTIALLY_FILLED',
  filledQuantity: 40,
  averagePrice: 1502.9,
  history: [
    { status: 'PENDING', time: T0 + 60_000, filledQuantity: 0 },
    { status: 'OPEN', time: T0 + 60_050, filledQuantity: 0 },
    { status: 'PARTIALLY_FILLED', time: T0 + 120_000, filledQuantity: 40, reason: 'volume cap' },
  ],
  venueOrderId: '250101000123456',
} as const;

export const chargesInput = {
  brokerage: '20',
  stt: '0',
  exchangeTxn: '1.79',
  ipft: '0.01',
  sebi: '0.06',
  stampDuty: '0.18',
  gst: '3.93',
  total: '25.97',
} as const;

export const fillInput = {
  kind: 'fill',
  id: 'sma-1-f1',
  orderId: 'sma-1',
  instrument: 'NSE:INFY',
  time: T0 + 120_000,
  side: 'BUY',
  quantity: 40,
  price: 1502.9,
  product: 'MIS',
  rawPrice: 1502.5,
  charges: chargesInput,
  reason: 'limit touched',
} as const;

export const positionInput = {
  instrument: 'NSE:INFY',
  product: 'MIS',
  quantity: 40,
  averagePrice: 1502.9,
  realisedPnl: '0',
  lastPrice: 1504,
} as const;

export const tradeInput = {
  instrument: 'NSE:INFY',
  side: 'short',
  quantity: 40,
  entryTime: T0 + 120_000,
  entryPrice: 1502.9,
  exitTime: T0 + 600_000,
  exitPrice: 1490.4,
  grossPnl: '500',
  charges: '51.2',
  pnl: '448.8',
} as const;

const blockedIntent = { ...intentInput, id: 'sma-2', quantity: 500 } as const;

export const riskInput = {
  kind: 'risk',
  time: T0 + 60_000,
  guard: 'maxOrderValue',
  action: 'shrunk',
  instrument: 'NSE:INFY',
  intent: blockedIntent,
  replacement: { ...blockedIntent, quantity: 300 },
  reason: 'order value 751,500 above 5% of equity; shrunk to 300',
} as const;
