import fc from 'fast-check';
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  openingRangeBreakout,
  parseIstNaive,
  parseSignalEvent,
  perInstrument,
  silentLogger,
  staticContext,
  type Bar,
  type InstrumentId,
  type SignalEvent,
} from '../../src/index.js';
import { stockMinuteBars2016 } from './_data.js';
import { FixedAtr } from './_indicators.js';
import { INFY, TCS, ctx, marbles, runSync, tick } from './_helpers.js';

/** A 5-minute bar at IST `date hh:mm`. */
function bar5(
  at: string,
  open: number,
  high: number,
  low: number,
  close: number,
  instrument: InstrumentId = INFY,
): Bar {
  const time = parseIstNaive(at.length === 5 ? `2024-01-01 ${at}` : at);
  return { kind: 'bar', instrument, timeframe: '5m', time, open, high, low, close, volume: 100 };
}

/** Range 98..103 from 09:15 to 09:30 (three 5-minute bars). */
const range = (instrument: InstrumentId = INFY, date = '2024-01-01') => [
  bar5(`${date} 09:15`, 100, 102, 99, 101, instrument),
  bar5(`${date} 09:20`, 101, 103, 98, 102, instrument),
  bar5(`${date} 09:25`, 102, 101.5, 100, 101, instrument),
];

const orb = (extra: Partial<Parameters<typeof openingRangeBreakout>[0]> = {}) =>
  openingRangeBreakout({ minutes: 15, ...extra });

const summary = (out: readonly SignalEvent[]) =>
  out.map(
    (s) =>
      `${s.direction}@${s.price}${s.stop === undefined ? '' : ` stop ${s.stop} target ${s.target!}`}`,
  );

describe('openingRangeBreakout', () => {
  it('goes long on a close above the range high, stop at the low, target at 2R; flat at the target', () => {
    const events = [
      ...range(),
      bar5('09:30', 101, 103.5, 101, 102.5), // high pierces, close inside: no breakout
      bar5('09:35', 102.5, 104.5, 102, 104),
      bar5('09:40', 104, 110, 103, 109),
      bar5('09:45', 109, 116, 108, 115),
      bar5('09:50', 115, 118, 114, 117.5), // entries used up
    ];
    const out = runSync(orb(), events);
    expect(summary(out)).toEqual(['long@104 stop 98 target 116', 'flat@115']);
    expect(out[0]).toEqual({
      kind: 'signal',
      instrument: INFY,
      time: parseIstNaive('2024-01-01 09:40'),
      direction: 'long',
      confidence: 1,
      price: 104,
      stop: 98,
      target: 116,
      reason: 'ORB: close 104 > range high 103 (09:15-09:30 range 98-103): long', // ATR(14) not ready yet
    });
    expect(out[1]!.reason).toBe('ORB: high 116 >= target 116: flat');
  });

  it('exits at the stop, and assumes the stop first when one bar spans stop and target', () => {
    const stopped = runSync(orb(), [
      ...range(),
      bar5('09:30', 102, 104, 102, 104),
      bar5('09:35', 104, 104, 97.9, 99),
    ]);
    expect(summary(stopped)).toEqual(['long@104 stop 98 target 116', 'flat@99']);
    expect(stopped[1]!.reason).toBe('ORB: low 97.9 <= stop 98: flat');
    const both = runSync(orb(), [
      ...range(),
      bar5('09:30', 102, 104, 102, 104),
      bar5('09:35', 104, 117, 97, 110),
    ]);
    expect(both[1]!.reason).toBe('ORB: low 97 <= stop 98: flat');
  });

  it('takes another breakout after an exit only up to maxEntriesPerSession', () => {
    const events = [
      ...range(),
      bar5('09:30', 102, 104, 102, 104),
      bar5('09:35', 104, 104, 97, 99), // stop
      bar5('09:40', 99, 105, 99, 105),
    ];
    expect(summary(runSync(orb(), events))).toEqual(['long@104 stop 98 target 116', 'flat@99']);
    expect(summary(runSync(orb({ maxEntriesPerSession: 2 }), events))).toEqual([
      'long@104 stop 98 target 116',
      'flat@99',
      'long@105 stop 98 target 119',
    ]);
  });

  it('shorts below the range low only with allowShort', () => {
    const events = [...range(), bar5('09:30', 100, 100, 96, 97)];
    expect(runSync(orb(), events)).toEqual([]);
    expect(summary(runSync(orb({ allowShort: true }), events))).toEqual([
      'short@97 stop 103 target 85',
    ]);
  });

  it('resets every IST session and closes an open opinion on the next session`s first event', () => {
    const events = [
      ...range(),
      bar5('09:30', 102, 104, 102, 104),
      bar5('2024-01-02 09:05', 100, 200, 90, 150), // pre-open print: closes the trade, not the range
      ...range(INFY, '2024-01-02'),
      bar5('2024-01-02 09:30', 101, 103.5, 101, 102.9),
      bar5('2024-01-02 09:35', 103.4, 104, 103, 103.5),
    ];
    const out = runSync(orb(), events);
    expect(summary(out)).toEqual([
      'long@104 stop 98 target 116',
      'flat@150',
      'long@103.5 stop 98 target 114.5',
    ]);
    expect(out[1]!.reason).toBe('ORB: new session 2024-01-02: flat');
    expect(out[1]!.time).toBe(parseIstNaive('2024-01-02 09:10'));
  });

  it('applies the ATR filter and buffer from the ATR at the end of the range', () => {
    const events = [
      ...range(),
      bar5('09:30', 102, 104, 102, 103.5),
      bar5('09:35', 103.5, 105, 103, 104.5),
    ];
    const atr =
      (value: number, warmup = 0) =>
      () =>
        new FixedAtr(value, warmup);
    // width 5: with ATR 2 a 0.5 ATR buffer puts the trigger at 104
    const buffered = runSync(orb({ atr: atr(2), atrMultiple: 0.5 }), events);
    expect(summary(buffered)).toEqual(['long@104.5 stop 98 target 117.5']);
    expect(buffered[0]!.reason).toBe(
      'ORB: close 104.5 > range high 103 (09:15-09:30 range 98-103, 2.5 ATR): long',
    );
    expect(runSync(orb({ atr: atr(4), minRangeAtr: 2 }), events)).toEqual([]); // 5 < 8
    expect(runSync(orb({ atr: atr(4), maxRangeAtr: 1 }), events)).toEqual([]); // 5 > 4
    expect(runSync(orb({ atr: atr(2), minRangeAtr: 2, maxRangeAtr: 3 }), events)).toHaveLength(1);
    expect(runSync(orb({ atr: atr(2, 3), minRangeAtr: 1 }), events)).toEqual([]); // ATR not ready
    expect(runSync(orb({ atr: atr(2, 3) }), events)).toHaveLength(1); // no ATR option: no ATR needed
  });

  it('reports a session it does not trade on the logger, with the reason', () => {
    const logged: [string, Record<string, unknown> | undefined][] = [];
    const logger = {
      ...silentLogger,
      debug: (m: string, f?: Record<string, unknown>) => void logged.push([m, f]),
    };
    const logging = staticContext({ params: {}, instruments: [], logger });
    const out: SignalEvent[] = [];
    from([...range(), bar5('09:30', 102, 104, 102, 104)])
      .pipe(orb({ atr: () => new FixedAtr(4), minRangeAtr: 2 })(logging))
      .subscribe((s) => out.push(s));
    expect(out).toEqual([]);
    expect(logged).toEqual([
      [
        'ORB: session not traded',
        { instrument: INFY, date: '2024-01-01', reason: 'range narrower than 2 ATR' },
      ],
    ]);
  });

  it('is flat from flatAfter, by the time the event is known', () => {
    const events = [
      ...range(),
      bar5('09:30', 102, 104, 102, 104),
      bar5('09:55', 104, 105, 103, 104.5), // known at 10:00
      bar5('10:05', 104, 106, 104, 106),
    ];
    const out = runSync(orb({ flatAfter: '10:00' }), events);
    expect(summary(out)).toEqual(['long@104 stop 98 target 116', 'flat@104.5']);
    expect(out[1]!.reason).toBe('ORB: 10:00 reached: flat');
  });

  it('does not trade a session without bars in the range window', () => {
    expect(
      runSync(orb(), [bar5('09:45', 100, 101, 99, 100), bar5('09:50', 100, 110, 100, 110)]),
    ).toEqual([]);
  });

  it('works on ticks', () => {
    const t = (hhmm: string, price: number) =>
      tick(INFY, parseIstNaive(`2024-01-01 ${hhmm}`), price);
    const out = runSync(orb({ minutes: 5 }), [
      t('09:15', 100),
      t('09:17', 101),
      t('09:19', 99),
      t('09:20', 101.5),
      t('09:21', 102),
    ]);
    expect(summary(out)).toEqual(['long@101.5 stop 99 target 106.5']);
    expect(out[0]!.time).toBe(parseIstNaive('2024-01-01 09:20'));
  });

  it('is a marble-testable operator', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a, b, c] = range();
      const d = bar5('09:30', 102, 104, 102, 104);
      expectObservable(cold('abc-d|', { a: a!, b: b!, c: c!, d }).pipe(orb()(ctx))).toBe('----x|', {
        x: expect.objectContaining({ direction: 'long', stop: 98, target: 116 }) as SignalEvent,
      });
    });
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    const make = (o: object) => () => openingRangeBreakout({ minutes: 15, ...o });
    expect(make({ minutes: 0 })).toThrow(ValidationError);
    expect(make({ minutes: 7.5 })).toThrow(/minutes/);
    expect(make({ sessionStart: '9:15' })).toThrow(/sessionStart/);
    expect(make({ minRangeAtr: 2, maxRangeAtr: 1 })).toThrow(/maxRangeAtr/);
    expect(make({ flatAfter: '09:20' })).toThrow(/flatAfter/);
    expect(make({ targetMultiple: 0 })).toThrow(/targetMultiple/);
    expect(make({ atr: 14 })).toThrow(/atr/);
  });

  describe('on RELIANCE and the other 2016 stocks, 1-minute', () => {
    const symbols = ['RELIANCE', 'INFY', 'ITC', 'LT', 'TATAMOTORS'] as const;
    const barsBySymbol = new Map(symbols.map((s) => [s, stockMinuteBars2016(s)]));
    const options = {
      minutes: 15,
      atrPeriod: 14,
      minRangeAtr: 1,
      allowShort: true,
      flatAfter: '15:15',
    } as const;

    it('enters only after 09:30 beyond that session`s 09:15-09:29 range, with it as the stop', () => {
      const bars = barsBySymbol.get('RELIANCE')!;
      const out = runSync(openingRangeBreakout(options), bars);
      expect(out.filter((s) => s.direction !== 'flat')).toHaveLength(EXPECTED_RELIANCE_ENTRIES);
      for (const s of out) {
        parseSignalEvent(s);
        if (s.direction === 'flat') continue;
        const day = s.time - ((s.time + 19_800_000) % 86_400_000);
        const window = bars.filter(
          (b) => b.time >= day + 555 * 60_000 && b.time < day + 570 * 60_000,
        );
        expect(window).toHaveLength(15);
        const high = Math.max(...window.map((b) => b.high));
        const low = Math.min(...window.map((b) => b.low));
        expect(s.time).toBeGreaterThan(day + 570 * 60_000);
        expect(s.stop).toBe(s.direction === 'long' ? low : high);
        expect(s.direction === 'long' ? s.price > high : s.price < low).toBe(true);
      }
      // every entry is closed (stop, target, 15:15 or next session) before the next one
      const directions = out.map((s) => s.direction);
      directions.forEach((d, i) => {
        if (d !== 'flat') expect(directions[i + 1] ?? 'flat').toBe('flat');
      });
      expect(out.filter((s) => s.reason.includes('15:15 reached'))).not.toHaveLength(0);
    });

    it('gives every stock its own signals when all are interleaved in time order', () => {
      const all = [...barsBySymbol.values()].flat().sort((a, b) => a.time - b.time);
      const together = runSync(openingRangeBreakout(options), all);
      expect(
        runSync(
          perInstrument(() => openingRangeBreakout(options)),
          all,
        ),
      ).toEqual(together);
      for (const [symbol, bars] of barsBySymbol) {
        const alone = runSync(openingRangeBreakout(options), bars);
        expect(together.filter((s) => s.instrument === `NSE:${symbol}`)).toEqual(alone);
      }
      expect(together.length).toBeGreaterThan(50);
    });
  });

  it('two instances give equal outputs, and opinions are valid, on random sessions', () => {
    const sessions = fc.array(
      fc.array(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 20 })), {
        minLength: 1,
        maxLength: 40,
      }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(sessions, fc.boolean(), (days, allowShort) => {
        const events: Bar[] = [];
        days.forEach((moves, d) => {
          let price = 1000;
          moves.forEach(([move, spread], i) => {
            const open = price;
            price = Math.max(1, price + move / 2);
            const time = parseIstNaive(`2024-01-0${d + 1} 09:15`) + i * 5 * 60_000;
            const high = Math.max(open, price) + spread / 4;
            const low = Math.max(0.05, Math.min(open, price) - spread / 4);
            events.push({
              kind: 'bar',
              instrument: TCS,
              timeframe: '5m',
              time,
              open,
              high,
              low,
              close: price,
              volume: 1,
            });
          });
        });
        const make = () =>
          openingRangeBreakout({ minutes: 15, atrPeriod: 3, allowShort, maxEntriesPerSession: 2 });
        const shared = make();
        const first = runSync(shared, events);
        expect(runSync(shared, events)).toEqual(first);
        expect(runSync(make(), events)).toEqual(first);
        for (const s of first) parseSignalEvent(s);
        expect(first.filter((s) => s.direction !== 'flat').length).toBeLessThanOrEqual(
          2 * days.length,
        );
      }),
      { numRuns: 150 },
    );
  });
});

const EXPECTED_RELIANCE_ENTRIES = 16;
