import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Bar, InstrumentId, Timeframe } from '../../src/model/index.js';
import {
  BarResampler,
  OutOfOrderBarError,
  ResampleConfigError,
  resample,
  resampleBars,
  type ResampleUpdate,
} from '../../src/resample/index.js';
import {
  NSE_DATA,
  istDay,
  istToEpoch,
  niftyEndLabelledBars,
  readNiftyMonth,
  readStockMinutes2016,
} from '../indicators/_data.js';

const MINUTE = 60_000;
const IST = 19_800_000;
const DAY = 86_400_000;

function minuteBar(instrument: InstrumentId, time: number, close: number, volume = 100): Bar {
  return {
    kind: 'bar',
    instrument,
    timeframe: '1m',
    time,
    open: close - 1,
    high: close + 2,
    low: close - 3,
    close,
    volume,
  };
}

/** IST wall clock of an epoch time, "HH:MM". */
function clock(time: number): string {
  const m = Math.floor(((((time + IST) % DAY) + DAY) % DAY) / MINUTE);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Batch aggregation written here independently of the SDK: bucket = session minute grid from
 * 09:15 (minute 555) to 15:30 (minute 930), outside minutes dropped; daily = IST midnight.
 */
function batchAggregate(bars: readonly Bar[], timeframe: Timeframe, shiftMs = 0): Bar[] {
  const size = { '3m': 3, '5m': 5, '10m': 10, '15m': 15, '30m': 30, '60m': 60, '1d': 0 }[
    timeframe as '3m'
  ];
  const groups = new Map<string, Bar[]>();
  for (const bar of bars) {
    const t = bar.time - shiftMs;
    const day = istDay(t);
    const minuteOfDay = Math.round((t + IST - day * DAY) / MINUTE);
    if (minuteOfDay < 555 || minuteOfDay >= 930) continue;
    const start =
      timeframe === '1d'
        ? day * DAY - IST
        : day * DAY - IST + (555 + Math.floor((minuteOfDay - 555) / size) * size) * MINUTE;
    const key = `${bar.instrument}|${start}`;
    const group = groups.get(key) ?? [];
    group.push(bar);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({
    kind: 'bar',
    instrument: group[0]!.instrument,
    timeframe,
    time: Number(key.split('|')[1]),
    open: group[0]!.open,
    high: Math.max(...group.map((b) => b.high)),
    low: Math.min(...group.map((b) => b.low)),
    close: group.at(-1)!.close,
    volume: group.reduce((s, b) => s + b.volume, 0),
  }));
}

const byInstrumentTime = (a: Bar, b: Bar) =>
  a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : a.time - b.time;

describe('resample: alignment and labels', () => {
  const day = (h: number, m: number) => istToEpoch(2024, 6, 3, h, m);
  const session = Array.from({ length: 375 }, (_, i) =>
    minuteBar('NSE:ABC', day(9, 15) + i * MINUTE, 100 + i),
  );

  it('60-minute bars run 09:15-10:15, ..., and the last one 15:15-15:30 is shorter', () => {
    const hourly = resampleBars(session, '60m');
    expect(hourly.map((b) => clock(b.time))).toEqual([
      '09:15',
      '10:15',
      '11:15',
      '12:15',
      '13:15',
      '14:15',
      '15:15',
    ]);
    expect(hourly[0]).toEqual({
      kind: 'bar',
      instrument: 'NSE:ABC',
      timeframe: '60m',
      time: day(9, 15),
      open: 99,
      high: 100 + 59 + 2,
      low: 100 - 3,
      close: 159,
      volume: 6000,
    });
    const last = hourly[6]!;
    expect([last.open, last.close, last.volume]).toEqual([99 + 360, 100 + 374, 1500]);
  });

  it('every intraday timeframe gives ceil(375 / size) bars per full session', () => {
    const expected: [Timeframe, number][] = [
      ['3m', 125],
      ['5m', 75],
      ['10m', 38],
      ['15m', 25],
      ['30m', 13],
      ['60m', 7],
      ['1d', 1],
    ];
    for (const [tf, count] of expected) expect(resampleBars(session, tf)).toHaveLength(count);
  });

  it('daily bars are labelled IST midnight and equal the session OHLCV', () => {
    const [daily] = resampleBars(session, '1d');
    expect(daily).toEqual({
      kind: 'bar',
      instrument: 'NSE:ABC',
      timeframe: '1d',
      time: istToEpoch(2024, 6, 3, 0, 0),
      open: 99,
      high: 476,
      low: 97,
      close: 474,
      volume: 37_500,
    });
  });

  it("sourceLabel 'end' shifts minutes back: 09:16-labelled is the 09:15 minute", () => {
    const endLabelled = session.map((b) => ({ ...b, time: b.time + MINUTE }));
    expect(resampleBars(endLabelled, '15m', { sourceLabel: 'end' })).toEqual(
      resampleBars(session, '15m'),
    );
    // Read as start-labelled, the same data is misaligned: 09:16 lands in the first bucket
    // and the 15:30-labelled minute is dropped as post-close.
    expect(resampleBars(endLabelled, '15m')[0]!.volume).toBe(1400);
  });

  it("outsideSession 'keep' buckets pre-open and post-close minutes on the extended grid", () => {
    const extra = [
      minuteBar('NSE:ABC', day(9, 8), 50),
      ...session,
      minuteBar('NSE:ABC', day(15, 30), 60),
      minuteBar('NSE:ABC', day(15, 31), 61),
    ];
    const dropped = resampleBars(extra, '15m');
    expect(dropped).toEqual(resampleBars(session, '15m'));
    const kept = resampleBars(extra, '15m', { outsideSession: 'keep' });
    expect(kept.map((b) => clock(b.time))).toEqual([
      '09:00',
      ...dropped.map((b) => clock(b.time)),
      '15:30',
    ]);
    expect(kept.at(-1)!.volume).toBe(200);
    const keptHourly = resampleBars(extra, '60m', { outsideSession: 'keep' });
    expect(keptHourly.map((b) => clock(b.time))).toEqual([
      '08:15',
      '09:15',
      '10:15',
      '11:15',
      '12:15',
      '13:15',
      '14:15',
      '15:15',
      '15:30',
    ]);
    const [daily] = resampleBars(extra, '1d', { outsideSession: 'keep' });
    expect([daily!.open, daily!.close, daily!.volume]).toEqual([49, 61, 37_800]);
  });

  it('a custom session (muhurat trading, 18:15-19:15 IST) aligns buckets to its own open', () => {
    const muhurat = Array.from({ length: 60 }, (_, i) =>
      minuteBar('NSE:ABC', istToEpoch(2024, 11, 1, 18, 15) + i * MINUTE, 10 + i),
    );
    const bars = resampleBars(muhurat, '30m', { session: { open: '18:15', close: '19:15' } });
    expect(bars.map((b) => clock(b.time))).toEqual(['18:15', '18:45']);
    expect(resampleBars(muhurat, '30m')).toEqual([]);
  });

  it('keeps open interest: the last value seen in the bucket', () => {
    const withOi = session.slice(0, 15).map((b, i) => (i % 4 === 0 ? { ...b, oi: 1000 + i } : b));
    expect(resampleBars(withOi, '15m')[0]!.oi).toBe(1012);
    expect('oi' in resampleBars(session.slice(0, 15), '15m')[0]!).toBe(false);
  });

  it('resamples 5-minute sources into 15-minute bars, and refuses sources that do not divide the target', () => {
    const fives = resampleBars(session, '5m');
    expect(resampleBars(fives, '15m')).toEqual(resampleBars(session, '15m').map((b) => ({ ...b })));
    expect(() => resampleBars(resampleBars(session, '10m'), '15m')).toThrow(ResampleConfigError);
    expect(() => resampleBars(session, '1m')).toThrow(ResampleConfigError);
    expect(() => resampleBars(resampleBars(session, '1d'), '1d')).toThrow(ResampleConfigError);
  });
});

describe('resample: completion', () => {
  const t = (h: number, m: number) => istToEpoch(2024, 6, 3, h, m);

  it('a bucket completes on the source bar that reaches its end, without waiting for the next one', () => {
    const source = new Subject<Bar>();
    const seen: Bar[] = [];
    source.pipe(resample('15m')).subscribe((b) => seen.push(b));
    for (let i = 0; i < 14; i++) source.next(minuteBar('NSE:ABC', t(9, 15) + i * MINUTE, 100));
    expect(seen).toHaveLength(0);
    source.next(minuteBar('NSE:ABC', t(9, 29), 101));
    expect(seen.map((b) => clock(b.time))).toEqual(['09:15']);
  });

  it('a missing last minute completes on the next bar, a post-close minute, or the next session', () => {
    const done: string[] = [];
    const r = new BarResampler(
      '15m',
      {},
      (bar, complete) => complete && done.push(clock(bar.time)),
    );
    r.push(minuteBar('NSE:ABC', t(9, 15), 1));
    r.push(minuteBar('NSE:ABC', t(9, 31), 1)); // 09:15 bucket lacked 09:29
    expect(done).toEqual(['09:15']);
    r.push(minuteBar('NSE:ABC', t(15, 20), 1));
    r.push(minuteBar('NSE:ABC', t(15, 30), 1)); // post-close, dropped, but proves 15:15 final
    expect(done).toEqual(['09:15', '09:30', '15:15']);
    r.push(minuteBar('NSE:ABC', istToEpoch(2024, 6, 4, 9, 15), 1));
    r.flush();
    expect(done).toEqual(['09:15', '09:30', '15:15', '09:15']);
  });

  it('emitForming: one update per source bar, forming snapshots then the complete bar', async () => {
    const minutes = Array.from({ length: 7 }, (_, i) =>
      minuteBar('NSE:ABC', t(9, 15) + i * MINUTE, 100 + i),
    );
    const updates: ResampleUpdate[] = await lastValueFrom(
      from(minutes).pipe(resample('5m', { emitForming: true }), toArray()),
    );
    expect(updates.map((u) => [clock(u.bar.time), u.complete, u.bar.close, u.bar.volume])).toEqual([
      ['09:15', false, 100, 100],
      ['09:15', false, 101, 200],
      ['09:15', false, 102, 300],
      ['09:15', false, 103, 400],
      ['09:15', true, 104, 500],
      ['09:20', false, 105, 100],
      ['09:20', false, 106, 200],
      ['09:20', true, 106, 200], // source completed: the forming bar is final
    ]);
  });

  it('keeps buckets per instrument', () => {
    const a = Array.from({ length: 10 }, (_, i) =>
      minuteBar('NSE:AAA', t(9, 15) + i * MINUTE, 10 + i),
    );
    const b = Array.from({ length: 10 }, (_, i) =>
      minuteBar('NSE:BBB', t(9, 15) + i * MINUTE, 500 - i, 7),
    );
    const merged = a.flatMap((x, i) => [x, b[i]!]);
    const out = resampleBars(merged, '5m');
    expect(out.map((x) => `${x.instrument}@${clock(x.time)}:${x.open}-${x.close}`)).toEqual([
      'NSE:AAA@09:15:9-14',
      'NSE:BBB@09:15:499-496',
      'NSE:AAA@09:20:14-19',
      'NSE:BBB@09:20:494-491',
    ]);
  });

  it('rejects out-of-order and duplicate bars per instrument with a typed error', () => {
    const first = minuteBar('NSE:ABC', t(9, 20), 1);
    for (const bad of [minuteBar('NSE:ABC', t(9, 19), 1), minuteBar('NSE:ABC', t(9, 20), 1)]) {
      let caught: unknown;
      try {
        resampleBars([first, bad], '5m');
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(OutOfOrderBarError);
      expect((caught as OutOfOrderBarError).value).toBe(bad.time);
      expect((caught as OutOfOrderBarError).instrument).toBe('NSE:ABC');
    }
    // Another instrument at an earlier time is fine.
    expect(resampleBars([first, minuteBar('NSE:XYZ', t(9, 19), 1)], '5m')).toHaveLength(2);
  });

  it('the operator reports errors through the stream and rejects bad options when built', async () => {
    const bad = from([minuteBar('NSE:ABC', t(9, 20), 1), minuteBar('NSE:ABC', t(9, 19), 1)]).pipe(
      resample('5m'),
    );
    await expect(lastValueFrom(bad)).rejects.toBeInstanceOf(OutOfOrderBarError);
    expect(() => resample('7m' as Timeframe)).toThrow(ResampleConfigError);
    expect(() => resample('5m', { session: { open: '9:15', close: '15:30' } })).toThrow(
      /session.open/,
    );
    expect(() => resample('5m', { session: { open: '15:30', close: '09:15' } })).toThrow(
      ResampleConfigError,
    );
  });
});

describe('resample: streaming equals batch aggregation (property)', () => {
  const instruments: InstrumentId[] = ['NSE:AAA', 'NSE:BBB', 'NFO:NIFTY24JUNFUT'];
  // Minutes over three IST days, 09:00-16:00 so that pre-open and post-close minutes occur.
  const minuteArb = fc.record({
    day: fc.integer({ min: 0, max: 2 }),
    minute: fc.integer({ min: 540, max: 959 }),
  });
  const streamArb = fc
    .array(
      fc.record({
        instrument: fc.constantFrom(...instruments),
        at: minuteArb,
        price: fc.integer({ min: 20, max: 2000 }),
        wick: fc.nat(10),
        volume: fc.nat(5000),
      }),
      { maxLength: 400 },
    )
    .map((rows) => {
      const seen = new Set<string>();
      const bars: Bar[] = [];
      for (const r of rows) {
        const time = istToEpoch(2024, 6, 3 + r.at.day, 0, 0) + r.at.minute * MINUTE;
        const key = `${r.instrument}|${time}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const close = r.price * 0.05;
        bars.push({
          kind: 'bar',
          instrument: r.instrument,
          timeframe: '1m',
          time,
          open: close + 0.05,
          high: close + 0.05 + r.wick * 0.05,
          low: close - r.wick * 0.05,
          close,
          volume: r.volume,
        });
      }
      // A feed: time-ordered, equal times in arbitrary instrument order.
      return bars.sort((a, b) => a.time - b.time);
    });
  const timeframeArb = fc.constantFrom<Timeframe>('3m', '5m', '10m', '15m', '30m', '60m', '1d');

  it('completed bars equal a batch aggregation of the same bars', async () => {
    await fc.assert(
      fc.asyncProperty(
        streamArb,
        timeframeArb,
        fc.boolean(),
        async (bars, timeframe, endLabelled) => {
          const options = endLabelled ? { sourceLabel: 'end' as const } : {};
          const streamed = await lastValueFrom(
            from(bars).pipe(resample(timeframe, options), toArray()),
          );
          const expected = batchAggregate(bars, timeframe, endLabelled ? MINUTE : 0);
          expect([...streamed].sort(byInstrumentTime)).toEqual(expected.sort(byInstrumentTime));
          expect(resampleBars(bars, timeframe, options)).toEqual(streamed);
          // Per instrument, completed bars come out in time order.
          for (const instrument of instruments) {
            const times = streamed.filter((b) => b.instrument === instrument).map((b) => b.time);
            expect(times).toEqual([...times].sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with emitForming, each forming snapshot equals the aggregation of the bucket so far', async () => {
    await fc.assert(
      fc.asyncProperty(streamArb, timeframeArb, async (bars, timeframe) => {
        const updates = await lastValueFrom(
          from(bars).pipe(resample(timeframe, { emitForming: true }), toArray()),
        );
        const completed = updates.filter((u) => u.complete).map((u) => u.bar);
        expect(completed).toEqual(resampleBars(bars, timeframe));
        const seenSoFar: Bar[] = [];
        let u = 0;
        for (const bar of bars) {
          seenSoFar.push(bar);
          const mine = batchAggregate(
            seenSoFar.filter((b) => b.instrument === bar.instrument),
            timeframe,
          );
          const kept = batchAggregate([bar], timeframe).length === 1;
          if (!kept) continue;
          // Skip completions of an earlier bucket triggered by this bar.
          while (
            updates[u]!.bar.instrument !== bar.instrument ||
            updates[u]!.bar.time !== mine.at(-1)!.time
          )
            u++;
          expect(updates[u]!.bar).toEqual(mine.at(-1));
          u++;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('resample: real data', () => {
  const files = readdirSync(new URL('nifty_index_1min/', NSE_DATA)).sort();
  const nifty = niftyEndLabelledBars(
    files.flatMap(readNiftyMonth).sort((a, b) => a.endTime - b.endTime),
  );

  it('end-labelled NIFTY minutes to 15-minute bars: 25 per full session, first 09:15, last 15:15', () => {
    expect(nifty).toHaveLength(194_423);
    const fifteen = resampleBars(nifty, '15m', { sourceLabel: 'end' });
    const inSession = new Map<number, number>();
    for (const bar of nifty) {
      const clockEnd = clock(bar.time);
      if (clockEnd >= '09:16' && clockEnd <= '15:30')
        inSession.set(istDay(bar.time), (inSession.get(istDay(bar.time)) ?? 0) + 1);
    }
    const fullDays = [...inSession].filter(([, n]) => n === 375).map(([d]) => d);
    // 517 sessions in the files; the two muhurat sessions (evening) have no 09:15-15:30 minute.
    expect(new Set(nifty.map((b) => istDay(b.time))).size).toBe(517);
    expect(inSession.size).toBe(515);
    expect(fullDays).toHaveLength(510);
    const perDay = new Map<number, Bar[]>();
    for (const bar of fifteen)
      perDay.set(istDay(bar.time), [...(perDay.get(istDay(bar.time)) ?? []), bar]);
    for (const day of fullDays) {
      const bars = perDay.get(day)!;
      expect(bars).toHaveLength(25);
      expect(clock(bars[0]!.time)).toBe('09:15');
      expect(clock(bars[24]!.time)).toBe('15:15');
    }
    // The first bar of the data set, checked by hand against the file (2021-01-01).
    const first = fifteen[0]!;
    const rows = nifty.filter(
      (b) => b.time > istToEpoch(2021, 1, 1, 9, 15) && b.time <= istToEpoch(2021, 1, 1, 9, 30),
    );
    expect(rows).toHaveLength(15);
    expect(first).toEqual({
      kind: 'bar',
      instrument: 'NSE:NIFTY 50',
      timeframe: '15m',
      time: istToEpoch(2021, 1, 1, 9, 15),
      open: rows[0]!.open,
      high: Math.max(...rows.map((r) => r.high)),
      low: Math.min(...rows.map((r) => r.low)),
      close: rows[14]!.close,
      volume: 0,
    });
    expect(fifteen).toEqual(batchAggregate(nifty, '15m', MINUTE));
  });

  it('daily bars from NIFTY minutes equal each session OHLC (pre-open and post-close minutes excluded)', () => {
    const daily = resampleBars(nifty, '1d', { sourceLabel: 'end' });
    expect(daily).toHaveLength(515);
    for (const bar of daily.slice(0, 40)) {
      const session = nifty.filter(
        (b) =>
          istDay(b.time - MINUTE) === istDay(bar.time) &&
          clock(b.time) >= '09:16' &&
          clock(b.time) <= '15:30',
      );
      expect(bar.time).toBe(istDay(bar.time) * DAY - IST);
      expect([bar.open, bar.high, bar.low, bar.close]).toEqual([
        session[0]!.open,
        Math.max(...session.map((b) => b.high)),
        Math.min(...session.map((b) => b.low)),
        session.at(-1)!.close,
      ]);
    }
  });

  it('the muhurat sessions resample with their own session window', () => {
    for (const date of [istToEpoch(2021, 11, 4, 0, 0), istToEpoch(2022, 10, 24, 0, 0)]) {
      const evening = nifty.filter((b) => istDay(b.time) === istDay(date));
      expect(evening).toHaveLength(63);
      const bars = resampleBars(evening, '15m', {
        sourceLabel: 'end',
        session: { open: '18:15', close: '19:15' },
      });
      expect(bars.map((b) => clock(b.time))).toEqual(['18:15', '18:30', '18:45', '19:00']);
      // Same as the batch aggregation of the in-window minutes moved to the 09:15 grid.
      const inWindow = evening.filter((b) => clock(b.time) > '18:15' && clock(b.time) <= '19:15');
      expect(inWindow).toHaveLength(60);
      expect(bars).toEqual(
        batchAggregate(
          inWindow.map((b) => ({ ...b, time: b.time - 9 * 60 * MINUTE })),
          '15m',
          MINUTE,
        ).map((b) => ({
          ...b,
          time: b.time + 9 * 60 * MINUTE,
        })),
      );
    }
  });

  it('start-labelled 2016 stock minutes (sorted) to 15-minute and daily bars', () => {
    const infy = readStockMinutes2016('INFY');
    const fifteen = resampleBars(infy, '15m');
    expect(fifteen).toHaveLength(18 * 25);
    expect(fifteen).toEqual(batchAggregate(infy, '15m'));
    const daily = resampleBars(infy, '1d');
    expect(daily).toHaveLength(18);
    expect(daily.reduce((s, b) => s + b.volume, 0)).toBe(infy.reduce((s, b) => s + b.volume, 0));
    // In the file's own order some rows are out of order: resampling refuses rather than
    // mis-bucket them.
    expect(() => resampleBars(readStockMinutes2016('INFY', 'file'), '15m')).toThrow(
      OutOfOrderBarError,
    );
  });
});
