import fc from 'fast-check';
import { EXCHANGES, TIMEFRAMES, type Bar, type InstrumentId } from '../../src/model/index.js';

/** Trading symbols as NSE writes them: upper case and digits, inner spaces and & _ - . */
export const symbolArb = fc.stringMatching(/^[A-Z0-9](?:[A-Z0-9&_\-. ]{0,12}[A-Z0-9&_\-.])?$/);

export const instrumentIdArb: fc.Arbitrary<InstrumentId> = fc
  .tuple(fc.constantFrom(...EXCHANGES), symbolArb)
  .map(([exchange, symbol]): InstrumentId => `${exchange}:${symbol}`);

/** A positive price with a realistic spread of magnitudes (0.05 .. 1,000,000). */
export const priceArb = fc.double({
  min: 0.05,
  max: 1_000_000,
  noNaN: true,
  noDefaultInfinity: true,
});

/** Any valid bar: low <= open, close <= high; oi present or absent. */
export const barArb: fc.Arbitrary<Bar> = fc
  .record({
    instrument: instrumentIdArb,
    timeframe: fc.constantFrom(...TIMEFRAMES),
    time: fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }),
    low: priceArb,
    range: fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }),
    openAt: fc.double({ min: 0, max: 1, noNaN: true }),
    closeAt: fc.double({ min: 0, max: 1, noNaN: true }),
    volume: fc.oneof(
      fc.nat(),
      fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    ),
    oi: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ low, range, openAt, closeAt, oi, ...rest }) => {
    const high = low + range;
    // Clamp so that rounding in low + f * range can never leave [low, high].
    const within = (f: number): number => Math.min(high, Math.max(low, low + f * range));
    const bar: Bar = {
      kind: 'bar',
      ...rest,
      open: within(openAt),
      high,
      low,
      close: within(closeAt),
      ...(oi === undefined ? {} : { oi }),
    };
    return bar;
  });
