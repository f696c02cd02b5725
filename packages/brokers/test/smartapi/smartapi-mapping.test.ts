import { describe, expect, it } from 'vitest';
import {
  BrokerPayloadError,
  BrokerUnavailableError,
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
  UnmappedValueError,
} from '../../src/errors/index.js';
import {
  candleChunks,
  exchangeFromSegment,
  mapPositions,
  mapScripRecord,
  mapWireOrder,
  orderStatusFromSmartApi,
  orderStatusFromUpdateCode,
  parseExpiry,
  parsePayload,
  parseSmartApiTime,
  PositionsDataSchema,
  productFromSmartApi,
  ScripRecordSchema,
  smartApiError,
  WireOrderSchema,
  wireNumber,
} from '../../src/smartapi/index.js';

const orderRow = {
  variety: 'NORMAL',
  ordertype: 'LIMIT',
  producttype: 'DELIVERY',
  duration: 'DAY',
  price: '194.00',
  triggerprice: '0',
  quantity: '10',
  disclosedquantity: '0',
  squareoff: '0',
  stoploss: '0',
  trailingstoploss: '0',
  tradingsymbol: 'SBIN-EQ',
  transactiontype: 'BUY',
  exchange: 'NSE',
  symboltoken: '3045',
  ordertag: 'pv1',
  instrumenttype: '',
  strikeprice: '-1',
  optiontype: '',
  expirydate: '',
  lotsize: '1',
  cancelsize: '0',
  averageprice: '194.00',
  filledshares: '4',
  unfilledshares: '6',
  orderid: '201020000000080',
  text: '',
  status: 'open',
  orderstatus: 'open',
  updatetime: '20-Oct-2020 13:10:59',
  exchtime: '20-Oct-2020 13:10:58',
  exchorderupdatetime: '20-Oct-2020 13:10:59',
  fillid: '',
  filltime: '',
  parentorderid: '',
  uniqueorderid: 'eb9a5b3c-0000-0000-0000-000000000000',
  exchangeorderid: '1100000000048358',
};

describe('SmartAPI order mapping', () => {
  it('reads the order book form (numbers as strings) and the details form (JSON numbers) alike', () => {
    const fromText = mapWireOrder(parsePayload(WireOrderSchema, orderRow, 'order'));
    const asNumbers = {
      ...orderRow,
      price: 194,
      quantity: 10,
      averageprice: 194,
      filledshares: 4,
      unfilledshares: 6,
    };
    const fromNumbers = mapWireOrder(parsePayload(WireOrderSchema, asNumbers, 'order'));
    expect(fromText).toEqual(fromNumbers);
    expect(fromText).toMatchObject({
      orderId: '201020000000080',
      exchangeOrderId: '1100000000048358',
      tag: 'pv1',
      instrument: 'NSE:SBIN',
      product: 'CNC',
      status: 'PARTIALLY_FILLED',
      filledQuantity: 4,
      pendingQuantity: 6,
      price: 194,
      updatedAt: Date.UTC(2020, 9, 20, 7, 40, 59),
      placedAt: Date.UTC(2020, 9, 20, 7, 40, 58),
    });
  });

  it('raises UnmappedValueError for a product or status it does not know', () => {
    const margin = parsePayload(WireOrderSchema, { ...orderRow, producttype: 'MARGIN' }, 'o');
    expect(() => mapWireOrder(margin)).toThrow(UnmappedValueError);
    const odd = parsePayload(WireOrderSchema, { ...orderRow, status: 'on hold' }, 'o');
    expect(() => mapWireOrder(odd)).toThrow(UnmappedValueError);
    expect(() => productFromSmartApi('BO')).toThrow(UnmappedValueError);
    expect(() => orderStatusFromUpdateCode('AB99')).toThrow(UnmappedValueError);
    expect(() => exchangeFromSegment('NYSE')).toThrow(UnmappedValueError);
  });

  it('maps statuses case-insensitively, AMO requests as PENDING', () => {
    expect(orderStatusFromSmartApi('Complete', 10)).toBe('FILLED');
    expect(orderStatusFromSmartApi('after market order req received', 0)).toBe('PENDING');
    expect(orderStatusFromUpdateCode('AB10')).toBe('TRIGGER_PENDING');
  });

  it('rejects non-numeric text instead of turning it into NaN', () => {
    expect(() => parsePayload(WireOrderSchema, { ...orderRow, price: 'abc' }, 'order')).toThrow(
      BrokerPayloadError,
    );
    expect(wireNumber.safeParse('').success).toBe(false);
    expect(wireNumber.parse(' 12.50 ')).toBe(12.5);
  });
});

describe('SmartAPI positions', () => {
  const row = {
    exchange: 'NFO',
    symboltoken: '57920',
    producttype: 'CARRYFORWARD',
    tradingsymbol: 'NIFTY30DEC25FUT',
    buyqty: '150',
    sellqty: '75',
    buyavgprice: '26000.00',
    sellavgprice: '26010.50',
    netqty: '75',
    ltp: '26005.00',
  };

  it('accepts the documented array and the {net, day} form, computing realised P&L if absent', () => {
    const fromArray = mapPositions(parsePayload(PositionsDataSchema, [row], 'positions'));
    expect(fromArray.net[0]).toMatchObject({
      instrument: 'NFO:NIFTY30DEC25FUT',
      product: 'NRML',
      quantity: 75,
      averagePrice: 26_000,
      lastPrice: 26_005,
    });
    expect(fromArray.net[0]?.realisedPnl.toNumber()).toBe(787.5);
    const split = mapPositions(
      parsePayload(PositionsDataSchema, { net: [row], day: [] }, 'positions'),
    );
    expect(split.net).toHaveLength(1);
    expect(split.day).toHaveLength(0);
    expect(mapPositions(null)).toEqual({ net: [], day: [] });
  });
});

describe('SmartAPI scrip master records', () => {
  const record = (r: Record<string, string>) =>
    parsePayload(
      ScripRecordSchema,
      {
        token: '1',
        symbol: 'X-EQ',
        name: 'X',
        expiry: '',
        strike: '-1.000000',
        lotsize: '1',
        instrumenttype: '',
        exch_seg: 'NSE',
        tick_size: '5.000000',
        ...r,
      },
      'scrip',
    );

  it('divides currency option strikes by 10^5 and other strikes by 100', () => {
    const cur = mapScripRecord(
      record({
        symbol: 'USDINR25DEC8300CE',
        name: 'USDINR',
        expiry: '26DEC2025',
        strike: '8300000.000000',
        instrumenttype: 'OPTCUR',
        exch_seg: 'CDS',
        tick_size: '0.250000',
      }),
    );
    expect(cur?.instrument).toMatchObject({ type: 'CE', strike: 83, tickSize: 0.0025 });
    expect(cur?.exchangeType).toBe(13);
  });

  it('skips NCDEX rows and raises UnmappedValueError for an unknown instrument type', () => {
    expect(mapScripRecord(record({ exch_seg: 'NCDEX', instrumenttype: 'FUTCOM' }))).toBeUndefined();
    expect(() => mapScripRecord(record({ instrumenttype: 'WARRANT' }))).toThrow(UnmappedValueError);
  });

  it('parses ddMMMyyyy expiries and IST times', () => {
    expect(parseExpiry('28MAR2024')).toBe('2024-03-28');
    expect(parseExpiry('28XYZ2024')).toBeUndefined();
    expect(parseSmartApiTime('21-Jun-2023 10:46:10')).toBe(Date.UTC(2023, 5, 21, 5, 16, 10));
    const today = Date.UTC(2025, 0, 2, 20, 0); // 01:30 IST on 3 Jan
    expect(parseSmartApiTime('13:10:59', today)).toBe(Date.UTC(2025, 0, 3, 7, 40, 59));
    expect(parseSmartApiTime('yesterday')).toBeUndefined();
  });
});

describe('SmartAPI candle chunks', () => {
  it('never exceeds the interval span and never overlaps', () => {
    const day = 86_400_000;
    const chunks = candleChunks('1d', 0, 4500 * day);
    expect(chunks).toHaveLength(3);
    for (const c of chunks) expect(c.to - c.from).toBeLessThanOrEqual(2000 * day);
    expect(chunks[1]!.from).toBe(chunks[0]!.to + 60_000);
    expect(() => candleChunks('1m', 10, 5)).toThrow(InputRejectedError);
  });
});

describe('SmartAPI error map', () => {
  const map = (httpStatus: number, code?: string, message = '', orderCall = false) =>
    smartApiError({
      httpStatus,
      ...(code === undefined ? {} : { code }),
      message,
      orderCall,
      route: 'r',
    });

  it('maps each documented code and status to its typed error', () => {
    for (const code of ['AG8001', 'AG8002', 'AG8003', 'AB8050', 'AB8051', 'AB1010', 'AB1011']) {
      expect(map(200, code)).toBeInstanceOf(TokenExpiredError);
    }
    expect(map(401)).toBeInstanceOf(TokenExpiredError);
    expect(map(403, undefined, 'Access denied because of exceeding access rate')).toBeInstanceOf(
      RateLimitedError,
    );
    expect(map(429)).toBeInstanceOf(RateLimitedError);
    expect(map(502)).toBeInstanceOf(BrokerUnavailableError);
    expect(map(200, 'AB1004')).toBeInstanceOf(BrokerUnavailableError);
    expect(map(200, 'AB1009', 'Symbol not found', true)).toBeInstanceOf(InputRejectedError);
    expect(map(200, 'AB2000', 'x', true)).toBeInstanceOf(OrderRejectedError);
    expect(map(200, 'AB2000', 'x', false)).toBeInstanceOf(InputRejectedError);
    expect(map(200, 'AB4036', 'margin', true)).toBeInstanceOf(InsufficientFundsError);
    expect(map(200, 'AG8002', 'Token Expired').brokerCode).toBe('AG8002');
  });
});
