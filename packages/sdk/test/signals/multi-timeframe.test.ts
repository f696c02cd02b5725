import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Sma,
  ValidationError,
  crossoverSignal,
  knownAt,
  multiTimeframe,
  parseIstNaive,
  parseSignalEvent,
  resampleBars,
  thresholdSignal,
  type Bar,
  type InstrumentId,
  type MarketEvent,
  type SignalEvent,
  type Timeframe,
} from '../../src/index.js';
import { niftyMinuteBars } from './_data.js';
import { Level } from './_indicators.js';
import { INFY, TCS, ctx, marbles, runSync } from './_helpers.js';

function barAt(instrument: InstrumentId, timeframe: Timeframe, at: string, close: number): Bar {
  return {
    kind: 'bar',
    instrument,
    timeframe,
    time: parseIstNaive(at),
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
  };
}
/** A daily bar labelled at IST midnight of `date` (known at the next midnight). */
const day = (date: string, close: number, instrument: InstrumentId = INFY) =>
  barAt(instrument, '1d', date, close);
const q = (at: string, close: number, instrument: InstrumentId = INFY) =>
  barAt(instrument, '15m', at, close);

/** Daily gate: long above 1000, short below 900. */
const gate = thresholdSignal({
  indicator: 'price',
  mode: 'momentum',
  upper: 1000,
  exitUpper: 1000,
  lower: 900,
  exitLower: 900,
  allowShort: true,
  name: 'daily trend',
});
const cross = (allowShort = false) =>
  crossoverSignal({ fast: 'price', slow: () => new Level(100), allowShort });
const gated = (extra: Partial<Parameters<typeof multiTimeframe>[0]> = {}) =>
  multiTimeframe({ signal: cross(), gate, gateTimeframe: '1d', ...extra });

const byKnownAt = (events: readonly MarketEvent[]) =>
  [...events].sort(
    (a, b) =>
      knownAt(a) - knownAt(b) ||
      (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0),
  );
const byOpenTime = (events: readonly MarketEvent[]) => [...events].sort((a, b) => a.time - b.time);

/** The long is blocked on day 1 and taken on day 2 once day 1's daily close is known. */
const scenario = [
  q('2024-01-01 09:15', 99),
  q('2024-01-01 09:30', 101), // signal long, gate unknown: blocked
  day('2024-01-01', 1100), // known 2024-01-02 00:00
  q('2024-01-02 09:15', 102), // gate long: the long passes
  day('2024-01-02', 800), // known 2024-01-03 00:00: gate short
  q('2024-01-03 09:15', 103), // gate short blocks the long
  q('2024-01-03 09:30', 99),
];

describe('multiTimeframe', () => {
  it('takes a blocked long once the daily gate, known from the next day, allows it', () => {
    const out = runSync(gated(), byKnownAt(scenario));
    expect(out.map((s) => `${s.direction}@${s.price}`)).toEqual(['long@102', 'flat@103']);
    expect(out[0]).toEqual({
      kind: 'signal',
      instrument: INFY,
      time: parseIstNaive('2024-01-02 09:30'),
      direction: 'long',
      confidence: 1,
      price: 102,
      reason: 'mtf: 1d gate long: crossover: fast crossed above slow (101 > 100): long',
    });
    expect(out[1]!.reason).toBe('mtf: 1d gate short blocks long');
  });

  it('cannot look ahead: a feed ordered by open time gives the same signals', () => {
    const early = byOpenTime(scenario);
    expect(early[0]).toMatchObject({ timeframe: '1d' }); // the daily bar comes before its own day
    expect(runSync(gated(), early)).toEqual(runSync(gated(), byKnownAt(scenario)));
  });

  it('with gateExits false the gate filters entries only', () => {
    const out = runSync(gated({ gateExits: false }), byKnownAt(scenario));
    // the long is held through the short gate; the signal's own cross below closes it
    expect(out.map((s) => `${s.direction}@${s.price}`)).toEqual(['long@102', 'flat@99']);
    expect(out[1]!.reason).toBe(
      'mtf: 1d gate short: crossover: fast crossed below slow (99 < 100): flat',
    );
  });

  it('passes shorts only under a short gate, with the signal`s own confidence and levels', () => {
    const events = byKnownAt([
      day('2023-12-31', 850), // gate short from 2024-01-01
      q('2024-01-01 09:15', 101),
      q('2024-01-01 09:30', 99), // short passes
      q('2024-01-01 09:45', 101), // long blocked: flat
    ]);
    const out = runSync(gated({ signal: cross(true) }), events);
    expect(out.map((s) => `${s.direction}@${s.price}`)).toEqual(['short@99', 'flat@101']);
    expect(out[1]!.reason).toBe('mtf: 1d gate short blocks long');
  });

  it('feeds only signalTimeframe bars to the signal when given', () => {
    const minute = (at: string, close: number) => barAt(INFY, '1m', at, close);
    const events = byKnownAt([
      ...scenario,
      minute('2024-01-02 09:40', 90),
      minute('2024-01-02 09:41', 110),
    ]);
    const everything = runSync(gated(), events);
    const fifteenOnly = runSync(gated({ signalTimeframe: '15m' }), events);
    expect(fifteenOnly).toEqual(runSync(gated(), byKnownAt(scenario)));
    expect(everything).not.toEqual(fifteenOnly);
  });

  it('keeps levels that still fit the price and drops the others', () => {
    const withLevels = multiTimeframe({
      signal: crossoverSignal({ fast: 'price', slow: () => new Level(100) }),
      gate: crossoverSignal({ fast: 'price', slow: () => new Level(1000), emitInitial: true }),
      gateTimeframe: '1d',
    });
    const out = runSync(
      withLevels,
      byKnownAt([day('2023-12-31', 1100), q('2024-01-01 09:15', 99), q('2024-01-01 09:30', 101)]),
    );
    expect(out.map((s) => s.direction)).toEqual(['long']);
    expect(out[0]).not.toHaveProperty('stop');
  });

  it('is a marble-testable operator', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a, b, c, d] = byKnownAt(scenario);
      expectObservable(cold('abcd|', { a: a!, b: b!, c: c!, d: d! }).pipe(gated()(ctx))).toBe(
        '---x|',
        {
          x: expect.objectContaining({ direction: 'long', price: 102 }) as SignalEvent,
        },
      );
    });
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    const make = (o: object) => () =>
      multiTimeframe({ signal: cross(), gate, gateTimeframe: '1d', ...o });
    expect(make({ gateTimeframe: '1w' })).toThrow(ValidationError);
    expect(make({ gateTimeframe: '1w' })).toThrow(/gateTimeframe/);
    expect(make({ signal: undefined })).toThrow(/signal/);
    expect(make({ signalTimeframe: '1d' })).toThrow(/signalTimeframe/);
  });

  /** Random days: a daily close around the gate levels and a few 15-minute closes around 100. */
  const days = fc.array(
    fc.record({
      daily: fc.integer({ min: 850, max: 1050 }),
      quarters: fc.array(fc.integer({ min: 97, max: 103 }), { minLength: 1, maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 6 },
  );
  const build = (
    spec: { daily: number; quarters: number[] }[],
    instrument: InstrumentId = INFY,
  ): Bar[] =>
    spec.flatMap(({ daily, quarters }, d) => {
      const date = `2024-01-${String(d + 1).padStart(2, '0')}`;
      return [
        ...quarters.map((c, i) =>
          barAt(
            instrument,
            '15m',
            `${date} ${String(9 + Math.floor((15 + 15 * i) / 60)).padStart(2, '0')}:${String((15 + 15 * i) % 60).padStart(2, '0')}`,
            c,
          ),
        ),
        day(date, daily, instrument),
      ];
    });

  it('properties: no look-ahead, cut-after-T invariance, equal instances, per-instrument independence', () => {
    fc.assert(
      fc.property(days, days, fc.boolean(), fc.nat(), (a, b, allowShort, cutIndex) => {
        const make = () => gated({ signal: cross(allowShort) });
        const events = byKnownAt(build(a));
        const out = runSync(make(), events);
        expect(runSync(make(), byOpenTime(events))).toEqual(out);
        const shared = make();
        expect(runSync(shared, events)).toEqual(out);
        expect(runSync(shared, events)).toEqual(out);
        const cut = knownAt(events[cutIndex % events.length]!);
        const prefix = events.filter((e) => knownAt(e) <= cut);
        expect(runSync(make(), prefix)).toEqual(out.filter((s) => s.time <= cut));
        const other = byKnownAt(build(b, TCS));
        const together = runSync(make(), byKnownAt([...events, ...other]));
        expect(together.filter((s) => s.instrument === INFY)).toEqual(out);
        expect(together.filter((s) => s.instrument === TCS)).toEqual(runSync(make(), other));
        for (const s of out) parseSignalEvent(s);
      }),
      { numRuns: 150 },
    );
  });

  it('NIFTY Q1 2021: 15-minute SMA 10/30 longs only while the last known daily close is above its SMA 10', () => {
    const minutes = ['2021_JAN', '2021_FEB', '2021_MAR'].flatMap(niftyMinuteBars);
    const quarters = resampleBars(minutes, '15m');
    const daily = resampleBars(minutes, '1d');
    expect(daily).toHaveLength(61);
    const feed = byKnownAt([...quarters, ...daily]);
    const signal = multiTimeframe({
      signal: crossoverSignal({
        fast: () => new Sma(10),
        slow: () => new Sma(30),
        name: 'SMA 10/30',
      }),
      gate: crossoverSignal({
        fast: 'price',
        slow: () => new Sma(10),
        emitInitial: true,
        name: 'daily vs SMA10',
      }),
      gateTimeframe: '1d',
      signalTimeframe: '15m',
    });
    const out = runSync(signal, feed);
    const ungated = runSync(
      crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }),
      quarters,
    );
    expect(out.filter((s) => s.direction === 'long')).toHaveLength(EXPECTED_GATED_LONGS);
    expect(ungated.filter((s) => s.direction === 'long')).toHaveLength(EXPECTED_UNGATED_LONGS);
    const sma = new Sma(10);
    const dailyTrend = daily.map((d) => ({
      knownAt: knownAt(d),
      up: d.close > (sma.update(d.close) ?? Infinity),
    }));
    for (const s of out.filter((x) => x.direction === 'long')) {
      const known = dailyTrend.filter((d) => d.knownAt <= s.time);
      expect(known.at(-1)?.up).toBe(true);
      parseSignalEvent(s);
    }
  });
});

const EXPECTED_GATED_LONGS = 14;
const EXPECTED_UNGATED_LONGS = 22;
