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
  brokerOrderFromKite,
  epochToKiteTime,
  exchangeFromKite,
  instrumentTypeFromKite,
  intervalOfTimeframe,
  kiteErrorOf,
  KiteOrderSchema,
  kiteTimeToEpoch,
  orderStatusFromKite,
  parseKite,
  parseKiteInstrumentsCsv,
  productFromKite,
  varietyFromKite,
} from '../../src/kite/index.js';
import { readJsonFixture } from './fixture-dir.js';

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

const envelope = (type: string, message = 'm'): string =>
  JSON.stringify({ status: 'error', message, data: null, error_type: type });

describe('Kite enumerations', () => {
  it('maps every documented order status', () => {
    const cases: [string, number, string][] = [
      ['PUT ORDER REQ RECEIVED', 0, 'PENDING'],
      ['VALIDATION PENDING', 0, 'PENDING'],
      ['OPEN PENDING', 0, 'PENDING'],
      ['AMO REQ RECEIVED', 0, 'PENDING'],
      ['OPEN', 0, 'OPEN'],
      ['OPEN', 3, 'PARTIALLY_FILLED'],
      ['MODIFY VALIDATION PENDING', 0, 'OPEN'],
      ['MODIFY PENDING', 2, 'PARTIALLY_FILLED'],
      ['MODIFIED', 0, 'OPEN'],
      ['CANCEL PENDING', 0, 'OPEN'],
      ['TRIGGER PENDING', 0, 'TRIGGER_PENDING'],
      ['COMPLETE', 5, 'FILLED'],
      ['CANCELLED', 2, 'CANCELLED'],
      ['REJECTED', 0, 'REJECTED'],
    ];
    for (const [kite, filled, sdk] of cases) expect(orderStatusFromKite(kite, filled)).toBe(sdk);
  });

  it('raises UnmappedValueError for values it does not know, never casting', () => {
    const error = caught(() => orderStatusFromKite('LAPSED', 0));
    expect(error).toBeInstanceOf(UnmappedValueError);
    expect(error).toMatchObject({ field: 'order status', value: 'LAPSED', broker: 'kite' });
    expect(() => productFromKite('XYZ')).toThrow(UnmappedValueError);
    expect(() => varietyFromKite('gtt')).toThrow(UnmappedValueError);
    expect(() => exchangeFromKite('NSEIX')).toThrow(UnmappedValueError);
    expect(() => instrumentTypeFromKite('WARRANT', 'NSE')).toThrow(UnmappedValueError);
  });

  it('maps the documented aliases: CO/BO -> MIS, MTF -> CNC, iceberg/auction -> regular, indices -> IDX', () => {
    expect(productFromKite('CO')).toBe('MIS');
    expect(productFromKite('MTF')).toBe('CNC');
    expect(varietyFromKite('iceberg')).toBe('regular');
    expect(varietyFromKite('amo')).toBe('amo');
    expect(instrumentTypeFromKite('EQ', 'INDICES')).toBe('IDX');
    expect(intervalOfTimeframe('60m')).toBe('60minute');
    expect(intervalOfTimeframe('1s')).toBeUndefined();
  });

  it('an order with an unknown status fails with UnmappedValueError, not a cast', () => {
    const wire = parseKite(
      KiteOrderSchema,
      { ...(readJsonFixture('postback.json') as object), status: 'NEW STATUS' },
      'postback',
    );
    expect(() => brokerOrderFromKite(wire)).toThrow(UnmappedValueError);
  });
});

describe('Kite wire checks', () => {
  it('reads +0530 and naive IST timestamps; formats IST for requests', () => {
    expect(kiteTimeToEpoch('2017-12-15T09:15:00+0530')).toBe(Date.UTC(2017, 11, 15, 3, 45));
    expect(kiteTimeToEpoch('2017-12-15T09:15:00+05:30')).toBe(Date.UTC(2017, 11, 15, 3, 45));
    expect(kiteTimeToEpoch('2017-12-15T04:15:00+0000')).toBe(Date.UTC(2017, 11, 15, 4, 15));
    expect(kiteTimeToEpoch('2021-05-31 09:16:39')).toBe(Date.UTC(2021, 4, 31, 3, 46, 39));
    expect(kiteTimeToEpoch('31/05/2021')).toBeUndefined();
    expect(epochToKiteTime(Date.UTC(2024, 0, 26, 3, 45))).toBe('2024-01-26 09:15:00');
  });

  it('a malformed body fails with BrokerPayloadError naming the field', () => {
    const bad = {
      ...(readJsonFixture('postback.json') as object),
      quantity: 'ten',
      order_timestamp: 'yesterday',
    };
    const error = caught(() => parseKite(KiteOrderSchema, bad, 'postback'));
    expect(error).toBeInstanceOf(BrokerPayloadError);
    expect((error as BrokerPayloadError).issues.join(' ')).toMatch(/quantity/);
    expect((error as BrokerPayloadError).issues.join(' ')).toMatch(/order_timestamp/);
  });

  it('rejects an instruments CSV with a different header or a bad number', () => {
    expect(() => parseKiteInstrumentsCsv('token,symbol\n1,A\n')).toThrow(BrokerPayloadError);
    const header =
      'instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange';
    expect(() => parseKiteInstrumentsCsv(`${header}\n1,0,A,,0,,0,x,1,EQ,NSE,NSE\n`)).toThrow(
      /tick_size/,
    );
    const quoted = parseKiteInstrumentsCsv(
      `${header}\n256265,1001,NIFTY 50,"NIFTY, 50",0,,0,0.05,1,EQ,INDICES,NSE\n`,
    );
    expect(quoted[0]).toMatchObject({
      name: 'NIFTY, 50',
      segment: 'INDICES',
      instrumentToken: 256265,
    });
  });
});

describe('Kite error envelopes', () => {
  const headers = new Headers();
  it.each([
    [403, 'TokenException', TokenExpiredError],
    [400, 'InputException', InputRejectedError],
    [400, 'OrderException', OrderRejectedError],
    [400, 'MarginException', InsufficientFundsError],
    [503, 'NetworkException', BrokerUnavailableError],
    [502, 'DataException', BrokerUnavailableError],
    [500, 'GeneralException', BrokerUnavailableError],
    [400, 'GeneralException', InputRejectedError],
  ])('HTTP %i %s -> %o', (status, type, expected) => {
    const error = kiteErrorOf(status, envelope(type, 'why'), headers);
    expect(error).toBeInstanceOf(expected);
    expect(error).toMatchObject({
      broker: 'kite',
      brokerCode: type,
      brokerMessage: 'why',
      httpStatus: status,
    });
  });

  it('a 403 without an envelope is still an expired token; a 504 HTML page is unavailable', () => {
    expect(kiteErrorOf(403, 'Forbidden', headers)).toBeInstanceOf(TokenExpiredError);
    expect(kiteErrorOf(504, '<html>gateway</html>', headers)).toBeInstanceOf(
      BrokerUnavailableError,
    );
  });

  it('429 reads Retry-After (seconds), defaulting to one second', () => {
    const withHeader = kiteErrorOf(
      429,
      envelope('NetworkException'),
      new Headers({ 'Retry-After': '3' }),
    );
    expect(withHeader).toBeInstanceOf(RateLimitedError);
    expect((withHeader as RateLimitedError).retryAfterMs).toBe(3000);
    expect((kiteErrorOf(429, 'Too many requests', headers) as RateLimitedError).retryAfterMs).toBe(
      1000,
    );
  });
});
