import fc from 'fast-check';
import { map } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  classicVote,
  classicVoteMembers,
  knownAt,
  lastPrice,
  parseSignalEvent,
  thresholdSignal,
  weightedVote,
  type Direction,
  type MarketEvent,
  type Signal,
  type SignalEvent,
} from '../../src/index.js';
import { dailyBars } from './_data.js';
import { INFY, TCS, closes, ctx, marbles, runSync } from './_helpers.js';

/** Member voting long above `long` and (optionally) short below `short`, on the price. */
const above = (long: number, short = 0, confidence = 1): Signal =>
  thresholdSignal({
    indicator: 'price',
    mode: 'momentum',
    upper: long,
    exitUpper: long,
    lower: short,
    exitLower: short,
    allowShort: true,
    confidence,
  });

const trio = (minConfidence?: number, allowShort?: boolean) =>
  weightedVote({
    members: [
      { name: 'A', weight: 50, signal: above(100, 90) },
      { name: 'B', weight: 30, signal: above(102, 92) },
      { name: 'C', weight: 20, signal: above(104, 94) },
    ],
    ...(minConfidence === undefined ? {} : { minConfidence }),
    ...(allowShort === undefined ? {} : { allowShort }),
  });

const summary = (out: readonly SignalEvent[]) =>
  out.map((s) => `${s.direction} ${s.confidence}@${s.price}`);

describe('weightedVote', () => {
  it('adopts a direction at >= minConfidence weighted agreement and holds it in between', () => {
    // 101: A long 0.5 (not enough); 103: A+B 0.8 long; 105: 1.0 (no change); 101: 0.5 long vs
    // 0.5 flat (hold); 99: everyone flat 1.0
    const out = runSync(trio(), closes(INFY, [101, 103, 105, 101, 99]));
    expect(summary(out)).toEqual(['long 0.8@103', 'flat 1@99']);
    expect(out[0]!.reason).toBe('vote: long 0.8 >= 0.6 (A 0.5, B 0.3; flat 0.2)');
    expect(out[1]!.reason).toBe('vote: flat 1 >= 0.6 (A 0.5, B 0.3, C 0.2)');
  });

  it('counts 25% + 20% + 15% as 60% despite floating-point rounding', () => {
    const vote = weightedVote({
      members: [
        { weight: 25, signal: above(100) },
        { weight: 20, signal: above(100) },
        { weight: 15, signal: above(100) },
        { weight: 25, signal: above(200) },
        { weight: 10, signal: above(200) },
        { weight: 5, signal: above(200) },
      ],
    });
    expect(summary(runSync(vote, closes(INFY, [101])))).toEqual(['long 0.6@101']);
  });

  it('counts short votes as flat unless allowShort', () => {
    // 89: all short. Without shorts that is a unanimous flat (no change from the start).
    expect(runSync(trio(), closes(INFY, [95, 89]))).toEqual([]);
    const out = runSync(trio(0.6, true), closes(INFY, [95, 93, 89]));
    // 95: all flat; 93: C short 0.2; 89: all short 1.0
    expect(summary(out)).toEqual(['short 1@89']);
  });

  it('keeps its direction on a tie for the best score', () => {
    const vote = weightedVote({
      members: [
        { weight: 1, signal: above(100) },
        { weight: 1, signal: above(110) },
      ],
      minConfidence: 0.5,
    });
    // 105: long 0.5 vs flat 0.5: tie, stays flat; 111: long 1
    expect(summary(runSync(vote, closes(INFY, [105, 111, 105])))).toEqual(['long 1@111']);
  });

  it('weights each vote by the member`s confidence', () => {
    const vote = weightedVote({
      members: [
        { weight: 1, signal: above(100, 0, 0.5) },
        { weight: 1, signal: above(110) },
      ],
      minConfidence: 0.6,
    });
    // 111: both vote long, but the first one's confidence 0.5 halves its half: 0.25 + 0.5
    const out = runSync(vote, closes(INFY, [111]));
    expect(summary(out)).toEqual(['long 0.75@111']);
  });

  it('takes stop and target from the heaviest agreeing member whose stop fits the price', () => {
    const withLevels =
      (stop: number, target: number): Signal =>
      () =>
      (events) =>
        events.pipe(
          map((e): SignalEvent => ({
            kind: 'signal',
            instrument: e.instrument,
            time: knownAt(e),
            direction: 'long',
            confidence: 1,
            price: lastPrice(e),
            stop,
            target,
            reason: 'test',
          })),
        );
    const vote = weightedVote({
      members: [
        { weight: 3, signal: withLevels(120, 130) }, // stop above the price: unusable
        { weight: 2, signal: withLevels(95, 99) }, // target below the price: stop only
        { weight: 1, signal: withLevels(90, 110) },
      ],
    });
    const [signal] = runSync(vote, closes(INFY, [100]));
    expect(signal).toMatchObject({ direction: 'long', stop: 95 });
    expect(signal).not.toHaveProperty('target');
    parseSignalEvent(signal);
  });

  it('keeps a tally per instrument', () => {
    const [a0, a1] = closes(INFY, [103, 99]);
    const [b0] = closes(TCS, [103]);
    const out = runSync(trio(), [a0!, b0!, a1!]);
    expect(out.map((s) => `${s.instrument} ${s.direction}`)).toEqual([
      'NSE:INFY long',
      'NSE:TCS long',
      'NSE:INFY flat',
    ]);
  });

  it('is a marble-testable operator', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a, b, c] = closes(INFY, [101, 103, 99]);
      expectObservable(cold('a-b-c|', { a: a!, b: b!, c: c! }).pipe(trio()(ctx))).toBe('--x-y|', {
        x: expect.objectContaining({ direction: 'long', confidence: 0.8 }) as SignalEvent,
        y: expect.objectContaining({ direction: 'flat', confidence: 1 }) as SignalEvent,
      });
    });
  });

  it('passes a member`s error on', () => {
    const failing: Signal = () => () => {
      throw new Error('member broke');
    };
    expect(() =>
      runSync(weightedVote({ members: [{ weight: 1, signal: failing }] }), closes(INFY, [1])),
    ).toThrow('member broke');
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    const make = (o: object) => () =>
      weightedVote({ members: [{ weight: 1, signal: above(1) }], ...o });
    expect(make({ members: [] })).toThrow(ValidationError);
    expect(make({ members: [] })).toThrow(/members/);
    expect(make({ members: [{ weight: 0, signal: above(1) }] })).toThrow(/members\.0\.weight/);
    expect(make({ members: [{ weight: 1, signal: 'rsi' }] })).toThrow(/members\.0\.signal/);
    expect(make({ minConfidence: 0 })).toThrow(/minConfidence/);
    expect(make({ minConfidence: 1.5 })).toThrow(/minConfidence/);
  });

  const prices = fc.array(fc.integer({ min: 85, max: 110 }), { maxLength: 80 });

  it('equals a plain tally of the members run alone, and two instances agree', () => {
    fc.assert(
      fc.property(prices, fc.boolean(), (xs, allowShort) => {
        const events = closes(INFY, xs);
        const vote = trio(0.6, allowShort);
        const out = runSync(vote, events);
        expect(runSync(vote, events)).toEqual(out);
        expect(runSync(trio(0.6, allowShort), events)).toEqual(out);
        const members = [above(100, 90), above(102, 92), above(104, 94)];
        expect(summary(out)).toEqual(
          referenceVote(
            members.map((m) => runSync(m, events)),
            [0.5, 0.3, 0.2],
            0.6,
            allowShort,
            events,
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('gives each instrument the signals it gets alone when instruments interleave', () => {
    fc.assert(
      fc.property(prices, prices, (a, b) => {
        const infy = closes(INFY, a);
        const tcs = closes(TCS, b);
        const merged = [...infy, ...tcs].sort(
          (x, y) => x.time - y.time || (x.instrument < y.instrument ? -1 : 1),
        );
        const together = runSync(trio(), merged);
        expect(together.filter((s) => s.instrument === INFY)).toEqual(runSync(trio(), infy));
        expect(together.filter((s) => s.instrument === TCS)).toEqual(runSync(trio(), tcs));
      }),
      { numRuns: 100 },
    );
  });

  it('classicVote on RELIANCE daily bars 2020-2025 equals a tally of its six members run alone', () => {
    const bars = dailyBars('RELIANCE');
    expect(bars).toHaveLength(1241);
    const out = runSync(classicVote(), bars);
    const members = classicVoteMembers();
    const total = members.reduce((s, m) => s + m.weight, 0);
    const alone = members.map((m) => runSync(m.signal, bars));
    expect(summary(out)).toEqual(
      referenceVote(
        alone,
        members.map((m) => m.weight / total),
        0.6,
        false,
        bars,
      ),
    );
    expect(out).toHaveLength(EXPECTED_RELIANCE_CLASSIC_SIGNALS);
    for (const s of out) {
      parseSignalEvent(s);
      expect(s.confidence).toBeGreaterThanOrEqual(0.6 - 1e-9);
    }
    expect(out[0]!.reason).toMatch(/^classic vote: long 0\.\d+ >= 0\.6 \(/);
    const withShorts = runSync(classicVote({ allowShort: true }), bars);
    expect(withShorts.some((s) => s.direction === 'short')).toBe(true);
  });
});

const EXPECTED_RELIANCE_CLASSIC_SIGNALS = 10;

/**
 * The vote rules written out plainly from each member's own output: per event, every member's
 * latest opinion; adopt the best-scoring direction at >= min if it is strictly best.
 */
function referenceVote(
  memberOutputs: readonly SignalEvent[][],
  weights: readonly number[],
  min: number,
  allowShort: boolean,
  events: readonly MarketEvent[],
): string[] {
  const out: string[] = [];
  const latest: (SignalEvent | undefined)[] = memberOutputs.map(() => undefined);
  const cursors = memberOutputs.map(() => 0);
  let current: Direction = 'flat';
  for (const event of events) {
    const time = knownAt(event);
    memberOutputs.forEach((signals, m) => {
      while (signals[cursors[m]!]?.time === time) latest[m] = signals[cursors[m]!++];
    });
    const scores: Record<Direction, number> = { long: 0, short: 0, flat: 0 };
    latest.forEach((s, m) => {
      let d: Direction = s?.direction ?? 'flat';
      if (d === 'short' && !allowShort) d = 'flat';
      scores[d] += weights[m]! * (s?.confidence ?? 1);
    });
    const [best, second] = (['long', 'short', 'flat'] as const)
      .map((d) => [d, scores[d]] as const)
      .sort((x, y) => y[1] - x[1]);
    if (best![1] - second![1] > 1e-9 && best![1] >= min - 1e-9 && best![0] !== current) {
      current = best![0];
      out.push(`${current} ${Math.min(1, best![1])}@${lastPrice(event)}`);
    }
  }
  return out;
}
