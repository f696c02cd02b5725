import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  barFromKiteCandle,
  brokerOrderFromKite,
  fillFromKite,
  fundsFromKite,
  holdingFromKite,
  instrumentFromKite,
  isTradedKiteRow,
  KiteAutosliceSchema,
  KiteHistoricalSchema,
  KiteHoldingSchema,
  KiteLtpSchema,
  KiteMarginsSchema,
  KiteOhlcQuoteSchema,
  KiteOrderIdSchema,
  KiteOrderSchema,
  KitePositionsSchema,
  KiteProfileSchema,
  KiteQuoteSchema,
  KiteSegmentMarginSchema,
  KiteSessionSchema,
  KiteSuccessEnvelopeSchema,
  KiteTradeSchema,
  parseKite,
  parseKiteInstrumentsCsv,
  positionFromKite,
  tickFromKiteQuote,
} from '../../src/kite/index.js';
import { KITE_FIXTURES, readFixture, readJsonFixture } from './fixture-dir.js';

function data<S extends z.ZodType>(name: string, schema: S): z.output<S> {
  const envelope = parseKite(KiteSuccessEnvelopeSchema, readJsonFixture(name), name);
  return parseKite(schema, envelope.data, name);
}

const IST = (y: number, mo: number, d: number, h: number, mi: number, s = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s) - 19_800_000;

// Fixtures of Kite features the Broker port does not use (alerts, GTT, auctions, margin and
// charge calculators, contract notes, EDIS authorisation, portfolio summary): checked against
// the envelope only.
const ENVELOPE_ONLY = [
  'alerts_create.json',
  'alerts_create_ato.json',
  'alerts_delete.json',
  'alerts_get.json',
  'alerts_get_one.json',
  'alerts_history.json',
  'alerts_modify.json',
  'auctions_list.json',
  'basket_margins.json',
  'gtt_delete_order.json',
  'gtt_get_order.json',
  'gtt_get_orders.json',
  'gtt_modify_order.json',
  'gtt_place_order.json',
  'holdings_auth.json',
  'holdings_summary.json',
  'order_margins.json',
  'trigger_range.json',
  'virtual_contract_note.json',
];

const MAPPED: Record<string, () => void> = {
  'orders.json': () => {
    const orders = data('orders.json', z.array(KiteOrderSchema)).map(brokerOrderFromKite);
    expect(orders).toHaveLength(10);
    expect(orders[0]).toMatchObject({
      orderId: '100000000000000',
      instrument: 'CDS:USDINR21JUNFUT',
      status: 'CANCELLED',
      product: 'NRML',
      placedAt: IST(2021, 5, 31, 9, 18, 57),
      updatedAt: IST(2021, 5, 31, 9, 18, 58),
    });
    expect(orders[3]).toMatchObject({
      status: 'REJECTED',
      validity: 'TTL',
      variety: 'regular',
      tag: 'icebergord',
    });
    expect(orders[7]?.product).toBe('CNC'); // MTF
    expect(orders[9]).toMatchObject({
      instrument: 'NFO:NIFTY2580724400CE',
      status: 'FILLED',
      filledQuantity: 150,
    });
  },
  'order_info.json': () => {
    const history = data('order_info.json', z.array(KiteOrderSchema)).map(brokerOrderFromKite);
    expect(history.map((o) => o.status)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
      'OPEN',
      'OPEN',
      'OPEN',
      'OPEN',
      'OPEN',
    ]);
    expect(history[7]?.placedAt).toBe(IST(2017, 12, 29, 11, 8, 16));
  },
  'postback.json': () => {
    const order = brokerOrderFromKite(
      parseKite(KiteOrderSchema, readJsonFixture('postback.json'), 'postback'),
    );
    expect(order).toMatchObject({
      orderId: '220303000308932',
      status: 'FILLED',
      averagePrice: 470,
      instrument: 'NSE:SBIN',
    });
  },
  'order_response.json': () =>
    expect(data('order_response.json', KiteOrderIdSchema).order_id).toBe('151220000000000'),
  'order_modify.json': () =>
    expect(data('order_modify.json', KiteOrderIdSchema).order_id).toMatch(/^\d+$/),
  'order_cancel.json': () =>
    expect(data('order_cancel.json', KiteOrderIdSchema).order_id).toMatch(/^\d+$/),
  'autoslice_response.json': () => {
    const slice = data('autoslice_response.json', KiteAutosliceSchema);
    expect(slice.children).toHaveLength(4);
    expect(slice.children[2]).toMatchObject({ error: { error_type: 'MarginException' } });
  },
  'trades.json': () => {
    const fills = data('trades.json', z.array(KiteTradeSchema)).map(fillFromKite);
    expect(fills[0]).toMatchObject({
      id: '10000000',
      instrument: 'NSE:SBIN',
      price: 420.65,
      time: IST(2021, 5, 31, 9, 16, 39),
    });
    expect(fills[1]?.instrument).toBe('CDS:USDINR21JUNFUT');
  },
  'order_trades.json': () => {
    const fills = data('order_trades.json', z.array(KiteTradeSchema)).map(fillFromKite);
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({
      instrument: 'MCX:GOLDPETAL21JUNFUT',
      product: 'NRML',
      price: 4852,
    });
  },
  'positions.json': () => {
    const wire = data('positions.json', KitePositionsSchema);
    const net = wire.net.map(positionFromKite);
    expect(net[0]).toMatchObject({
      instrument: 'MCX:LEADMINI17DECFUT',
      quantity: 1,
      averagePrice: 161.05,
    });
    expect(net[2]?.product).toBe('MIS'); // CO
    const day = wire.day.map(positionFromKite);
    expect(day[0]).toMatchObject({
      instrument: 'MCX:GOLDGUINEA17DECFUT',
      quantity: -3,
      averagePrice: 23340,
    });
  },
  'holdings.json': () => {
    const holdings = data('holdings.json', z.array(KiteHoldingSchema)).map(holdingFromKite);
    expect(holdings[1]).toMatchObject({
      instrument: 'BSE:SBIN',
      quantity: 16,
      averagePrice: 801.78125,
      isin: 'INE062A01020',
    });
  },
  'holdings_compact.json': () => {
    const holdings = data('holdings_compact.json', z.array(KiteHoldingSchema)).map(holdingFromKite);
    expect(holdings[0]).toMatchObject({ instrument: 'NSE:63MOONS', quantity: 1, t1Quantity: 0 });
  },
  'margins.json': () => {
    const margins = data('margins.json', KiteMarginsSchema);
    expect(fundsFromKite(margins.equity)).toEqual({
      available: 99725.05000000002,
      used: 145706.55,
      net: 99725.05000000002,
    });
    expect(margins.commodity?.net).toBe(100661.7);
  },
  'margins_equity.json': () =>
    expect(fundsFromKite(data('margins_equity.json', KiteSegmentMarginSchema)).used).toBe(
      145706.55,
    ),
  'margin_commodity.json': () =>
    expect(data('margin_commodity.json', KiteSegmentMarginSchema).enabled).toBe(true),
  'quote.json': () => {
    const quotes = data('quote.json', z.record(z.string(), KiteQuoteSchema));
    const tick = tickFromKiteQuote('NSE:INFY', quotes['NSE:INFY']!);
    expect(tick).toMatchObject({
      price: 1412.95,
      bid: 0,
      ask: 1412.95,
      volume: 7360198,
      time: IST(2021, 6, 8, 15, 45, 56),
    });
  },
  'ohlc.json': () =>
    expect(
      data('ohlc.json', z.record(z.string(), KiteOhlcQuoteSchema))['NSE:INFY']?.ohlc.high,
    ).toBe(1085.9),
  'ltp.json': () =>
    expect(data('ltp.json', z.record(z.string(), KiteLtpSchema))['NSE:INFY']?.last_price).toBe(
      1074.35,
    ),
  'historical_minute.json': () => {
    const bars = data('historical_minute.json', KiteHistoricalSchema).candles.map((c) =>
      barFromKiteCandle('NSE:INFY', '1m', c),
    );
    expect(bars[0]).toMatchObject({
      time: IST(2017, 12, 15, 9, 15),
      open: 1704.5,
      high: 1705,
      low: 1699.25,
      close: 1702.8,
      volume: 2499,
    });
    expect(bars[0]?.oi).toBeUndefined();
  },
  'historical_oi.json': () => {
    const bars = data('historical_oi.json', KiteHistoricalSchema).candles.map((c) =>
      barFromKiteCandle('NFO:NIFTY19DECFUT', '1m', c),
    );
    expect(bars).toHaveLength(6);
    expect(bars[5]).toMatchObject({ time: IST(2019, 12, 4, 9, 20), close: 11999.6, oi: 13777050 });
  },
  'instruments_all.csv': () => {
    const rows = parseKiteInstrumentsCsv(readFixture('instruments_all.csv'));
    const instruments = rows.filter(isTradedKiteRow).map(instrumentFromKite);
    expect(instruments).toHaveLength(99);
    const option = instruments.find((i) => i.id === 'NFO:BANKNIFTY18JAN23500CE');
    expect(option).toMatchObject({
      type: 'CE',
      lotSize: 40,
      tickSize: 0.05,
      strike: 23500,
      expiry: '2018-01-25',
      brokerTokens: { kite: '12073986' },
    });
    expect(instruments.find((i) => i.id === 'BSE:COX&KINGS')?.name).toBe('COX & KINGS');
  },
  'instruments_nse.csv': () => {
    const instruments = parseKiteInstrumentsCsv(readFixture('instruments_nse.csv')).map(
      instrumentFromKite,
    );
    expect(instruments[0]).toMatchObject({
      id: 'NSE:CENTRALBK-BE',
      type: 'EQ',
      lotSize: 1,
      tickSize: 0.05,
    });
    expect(instruments[0]?.expiry).toBeUndefined();
  },
  'generate_session.json': () => {
    const session = data('generate_session.json', KiteSessionSchema);
    expect(session).toMatchObject({
      user_id: 'XX0000',
      access_token: 'XXXXXX',
      login_time: IST(2021, 1, 1, 16, 15, 14),
    });
  },
  'profile.json': () => expect(data('profile.json', KiteProfileSchema).user_id).toBe('AB1234'),
  'full_profile.json': () =>
    expect(data('full_profile.json', KiteProfileSchema).broker).toBe('ZERODHA'),
  'session_logout.json': () => expect(data('session_logout.json', z.literal(true))).toBe(true),
  'convert_position.json': () => expect(data('convert_position.json', z.literal(true))).toBe(true),
};

describe('every Kite fixture parses through the adapter schemas', () => {
  const files = readdirSync(KITE_FIXTURES).sort();

  it('covers every file in the fixture folder', () => {
    expect(files.filter((f) => !(f in MAPPED) && !ENVELOPE_ONLY.includes(f))).toEqual([]);
  });

  for (const file of files) {
    if (file in MAPPED) it(`${file} -> SDK types`, () => MAPPED[file]!());
    else
      it(`${file}: success envelope (feature outside the Broker port)`, () => {
        expect(parseKite(KiteSuccessEnvelopeSchema, readJsonFixture(file), file).status).toBe(
          'success',
        );
      });
  }
});
