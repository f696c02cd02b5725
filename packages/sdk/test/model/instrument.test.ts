import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import {
  EXCHANGES,
  EXCHANGE_INSTRUMENT_TYPES,
  InstrumentIdSchema,
  instrumentId,
  instrumentIdProblem,
  parseInstrument,
  splitInstrumentId,
} from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { instrumentIdArb } from './arbitraries.js';
import { niftyCallInput, niftyFutureInput, relianceInput } from './fixtures.js';

describe('instrument ids', () => {
  it('accepts real NSE symbols, including & - . and inner spaces', () => {
    for (const id of [
      'NSE:RELIANCE',
      'NSE:M&M',
      'NSE:BAJAJ-AUTO',
      'NSE:NIFTY 50',
      'NFO:NIFTY25DEC26000CE',
      'BSE:500325',
      'MCX:GOLDM25DECFUT',
    ]) {
      expect(instrumentIdProblem(id), id).toBeUndefined();
      expect(InstrumentIdSchema.parse(id)).toBe(id);
    }
  });

  it('names the problem: missing colon, unknown exchange, bad symbol', () => {
    expect(instrumentIdProblem('RELIANCE')).toBe(
      'must be EXCHANGE:TRADINGSYMBOL, e.g. NSE:RELIANCE',
    );
    expect(instrumentIdProblem('NYSE:IBM')).toBe(
      'unknown exchange "NYSE": use one of NSE, BSE, NFO, BFO, MCX, CDS, BCD',
    );
    expect(instrumentIdProblem('nse:INFY')).toMatch(/^unknown exchange "nse"/);
    for (const symbol of ['', 'infy', ' INFY', 'INFY ', 'IN$FY', '-INFY']) {
      expect(instrumentIdProblem(`NSE:${symbol}`), symbol).toMatch(
        /^trading symbol ".*" must be upper-case/,
      );
    }
  });

  it('builds and splits ids', () => {
    expect(instrumentId('NSE', 'M&M')).toBe('NSE:M&M');
    expect(splitInstrumentId('NSE:NIFTY 50')).toEqual({ exchange: 'NSE', symbol: 'NIFTY 50' });
    expectValidationError(() => instrumentId('NSE', 'bad symbol'), '', 'NSE:bad symbol');
  });

  it('property: every generated id is valid and splits back into its parts', () => {
    fc.assert(
      fc.property(instrumentIdArb, (id) => {
        expect(instrumentIdProblem(id)).toBeUndefined();
        const { exchange, symbol } = splitInstrumentId(id);
        expect(instrumentId(exchange, symbol)).toBe(id);
      }),
      { numRuns: 200 },
    );
  });

  it('property: an exchange outside the list is always reported as unknown', () => {
    const unknownExchange = fc
      .stringMatching(/^[A-Za-z]{1,6}$/)
      .filter((e) => !(EXCHANGES as readonly string[]).includes(e));
    fc.assert(
      fc.property(unknownExchange, (exchange) => {
        expect(instrumentIdProblem(`${exchange}:RELIANCE`)).toMatch(
          `unknown exchange "${exchange}"`,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseInstrument', () => {
  it('parses an equity, an option and a future, deep-frozen', () => {
    const reliance = parseInstrument(relianceInput);
    expect(reliance).toEqual(relianceInput);
    expect(Object.isFrozen(reliance)).toBe(true);
    expect(Object.isFrozen(reliance.brokerTokens)).toBe(true);
    expect(parseInstrument(niftyCallInput)).toEqual(niftyCallInput);
    expect(parseInstrument(niftyFutureInput)).toEqual(niftyFutureInput);
  });

  it('does not freeze or change the caller input', () => {
    const input = structuredClone(relianceInput) as Record<string, unknown>;
    parseInstrument(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.brokerTokens)).toBe(false);
  });

  it('drops keys that hold undefined', () => {
    const parsed = parseInstrument({ ...relianceInput, name: undefined });
    expect(Object.keys(parsed)).not.toContain('name');
  });

  it('rejects an unknown exchange, naming the id and the exchange', () => {
    const error = expectValidationError(
      () => parseInstrument({ ...relianceInput, id: 'NYSE:RELIANCE', exchange: 'NYSE' }),
      'id',
      'NYSE:RELIANCE',
    );
    expect(error.issues.map((i) => [i.field, i.value])).toEqual([
      ['id', 'NYSE:RELIANCE'],
      ['exchange', 'NYSE'],
    ]);
    expect(error.message).toContain('unknown exchange "NYSE"');
  });

  it('rejects an id that does not match exchange and symbol', () => {
    expectValidationError(
      () => parseInstrument({ ...relianceInput, id: 'NSE:TCS' }),
      'id',
      'NSE:TCS',
    );
  });

  it('rejects bad lot size, tick size and freeze quantity', () => {
    expectValidationError(() => parseInstrument({ ...relianceInput, lotSize: 0 }), 'lotSize', 0);
    expectValidationError(
      () => parseInstrument({ ...relianceInput, lotSize: 1.5 }),
      'lotSize',
      1.5,
    );
    expectValidationError(
      () => parseInstrument({ ...relianceInput, tickSize: '0.05' }),
      'tickSize',
      '0.05',
    );
    expectValidationError(
      () => parseInstrument({ ...niftyCallInput, freezeQuantity: 50 }),
      'freezeQuantity',
      50,
    );
  });

  it('rejects an option without strike or expiry, and a mismatching option type', () => {
    const { strike: _strike, ...noStrike } = niftyCallInput;
    expectValidationError(() => parseInstrument(noStrike), 'strike', undefined);
    const { expiry: _expiry, ...noExpiry } = niftyCallInput;
    expectValidationError(() => parseInstrument(noExpiry), 'expiry', undefined);
    expectValidationError(
      () => parseInstrument({ ...niftyCallInput, optionType: 'PE' }),
      'optionType',
      'PE',
    );
    expectValidationError(
      () => parseInstrument({ ...niftyCallInput, expiry: '30-12-2025' }),
      'expiry',
      '30-12-2025',
    );
  });

  it('rejects a future without expiry and option fields on non-options', () => {
    const { expiry: _expiry, ...noExpiry } = niftyFutureInput;
    expectValidationError(() => parseInstrument(noExpiry), 'expiry', undefined);
    expectValidationError(
      () => parseInstrument({ ...niftyFutureInput, strike: 26000 }),
      'strike',
      26000,
    );
    expectValidationError(
      () => parseInstrument({ ...relianceInput, optionType: 'CE' }),
      'optionType',
      'CE',
    );
    expectValidationError(
      () => parseInstrument({ ...relianceInput, expiry: '2025-12-30' }),
      'expiry',
      '2025-12-30',
    );
  });

  it('rejects a type the exchange does not list', () => {
    const error = expectValidationError(
      () => parseInstrument({ ...relianceInput, type: 'FUT', expiry: '2025-12-30' }),
      'type',
      'FUT',
    );
    expect(error.message).toContain('NSE does not list FUT instruments (only EQ, IDX)');
    expectValidationError(
      () => parseInstrument({ ...niftyFutureInput, type: 'EQ', expiry: undefined }),
      'type',
      'EQ',
    );
    expect(EXCHANGE_INSTRUMENT_TYPES.MCX).toContain('IDX');
  });

  it('throws ValidationError (not a zod error) for non-objects', () => {
    expect(() => parseInstrument(null)).toThrow(ValidationError);
    expect(() => parseInstrument('NSE:RELIANCE')).toThrow(/Invalid instrument: \(root\)/);
  });
});
