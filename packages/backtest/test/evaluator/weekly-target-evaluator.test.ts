import { describe, expect, it } from 'vitest';
import { ValidationError } from '@pravah/sdk';
import { WeeklyTargetEvaluator } from '../../src/evaluator/index.js';
import { percentile } from '../../src/metrics/statistics.js';

/** Wednesday 12:00 IST of the week starting Monday 2024-01-01, plus `week` weeks and `hours`. */
const at = (week: number, hours = 0): number =>
  Date.UTC(2024, 0, 3, 6, 30) + week * 7 * 86_400_000 + hours * 3_600_000;

/** A curve with one point per week compounding the given weekly returns (percent). */
function weekly(returns: number[], base = 100_000): { time: number; equity: number }[] {
  let equity = base;
  return returns.map((r, week) => {
    equity *= 1 + r / 100;
    return { time: at(week), equity };
  });
}

const check = (grade: ReturnType<WeeklyTargetEvaluator['evaluate']>, name: string) =>
  grade.checks.find((c) => c.name === name)!;

describe('WeeklyTargetEvaluator', () => {
  const evaluator = new WeeklyTargetEvaluator();

  it('grades a steady 1.5% a week over 10 weeks green on every check', () => {
    const grade = evaluator.evaluate({
      equityCurve: weekly(Array<number>(10).fill(1.5)),
      initialCapital: 100_000,
    });
    expect(grade.badge).toBe('green');
    expect(grade.weeks).toHaveLength(10);
    expect(grade.weeks[0]).toEqual({
      weekStart: '2024-01-01',
      return: expect.closeTo(1.5, 9),
      drawdown: 0,
    });
    expect(check(grade, 'meanWeeklyReturn').value).toBeCloseTo(1.5, 9);
    expect(grade.confidence.net?.lower).toBeCloseTo(1.5, 9);
    expect(grade.confidence.net?.probabilityTargetMet).toBe(1);
  });

  it.each([
    [1.0, 'green'],
    [0.9, 'amber'],
    [0.75, 'amber'],
    [0.749, 'red'],
  ])('mean weekly return %f%% is %s', (r, status) => {
    const grade = evaluator.evaluate({
      equityCurve: weekly(Array<number>(8).fill(r)),
      initialCapital: 100_000,
    });
    expect(check(grade, 'meanWeeklyReturn').status).toBe(status);
  });

  it.each([
    [10, 'green'],
    [12.5, 'amber'],
    [12.6, 'red'],
  ])('max drawdown %f%% is %s', (dd, status) => {
    // Up 20% in week 0, then down dd% from that peak in week 1 (spread over two points), then recover.
    const peak = 120_000;
    const curve = [
      { time: at(0), equity: peak },
      { time: at(1), equity: peak * (1 - dd / 200) },
      { time: at(1, 1), equity: peak * (1 - dd / 100) },
      ...Array.from({ length: 7 }, (_, i) => ({ time: at(i + 2), equity: peak * 1.2 })),
    ];
    const grade = evaluator.evaluate({ equityCurve: curve, initialCapital: 100_000 });
    expect(check(grade, 'maxDrawdown').value).toBeCloseTo(dd, 9);
    expect(check(grade, 'maxDrawdown').status).toBe(status);
  });

  it('measures a weekly drawdown from the previous week close, inside the week', () => {
    const curve = [
      { time: at(0), equity: 100_000 },
      { time: at(1), equity: 104_000 }, // new peak inside week 1
      { time: at(1, 1), equity: 101_400 }, // −2.5% from that peak
      { time: at(1, 2), equity: 103_000 },
    ];
    const grade = evaluator.evaluate({ equityCurve: curve, initialCapital: 100_000 });
    expect(grade.weeks.map((w) => w.drawdown)).toEqual([0, expect.closeTo(-2.5, 9)]);
    expect(grade.weeks[1]?.return).toBeCloseTo(3, 9);
  });

  it('takes the 5th percentile of weekly drawdowns with numpy linear interpolation', () => {
    expect(percentile([-4, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5)).toBeCloseTo(-2.5, 12); // rank 0.5
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    // Week drawdowns: one −4% week among ten: p5 = −4 + (−0 − −4)·0.45 = −2.2 → green at −3.
    const returns = [2, -4, 2, 2, 2, 2, 2, 2, 2, 2];
    const grade = evaluator.evaluate({
      equityCurve: weekly(returns).flatMap((p) => [p]),
      initialCapital: 100_000,
    });
    const p95 = check(grade, 'p95WeeklyDrawdown');
    expect(p95.value).toBeCloseTo(-4 * 0.55, 9);
    expect(p95.status).toBe('green');
  });

  it.each([
    [-3, 'green'],
    [-3.75, 'amber'],
    [-3.8, 'red'],
  ])('p95 weekly drawdown %f%% is %s', (dd, status) => {
    // Every week dips dd% below the previous close and closes flat, so every drawdown equals dd.
    const curve = Array.from({ length: 8 }, (_, w) => [
      { time: at(w), equity: 100_000 * (1 + dd / 100) },
      { time: at(w, 1), equity: 100_000 },
    ]).flat();
    const grade = evaluator.evaluate({ equityCurve: curve, initialCapital: 100_000 });
    expect(check(grade, 'p95WeeklyDrawdown').value).toBeCloseTo(dd, 9);
    expect(check(grade, 'p95WeeklyDrawdown').status).toBe(status);
  });

  it('never grades a run shorter than the minimum weeks green', () => {
    const grade = evaluator.evaluate({
      equityCurve: weekly(Array<number>(7).fill(3)),
      initialCapital: 100_000,
    });
    expect(grade.badge).toBe('amber');
    expect(grade.confidence.tooShort).toBe(true);
    expect(check(grade, 'weeks')).toEqual({
      name: 'weeks',
      value: 7,
      threshold: 8,
      status: 'amber',
    });
  });

  it('takes the badge from the worst check', () => {
    const grade = evaluator.evaluate({
      equityCurve: weekly([5, 5, 5, 5, -20, 5, 5, 5, 5]),
      initialCapital: 100_000,
    });
    expect(check(grade, 'meanWeeklyReturn').status).toBe('green');
    expect(check(grade, 'maxDrawdown').status).toBe('red');
    expect(grade.badge).toBe('red');
  });

  it('bootstraps deterministically from its seed and reports gross and net', () => {
    const returns = [3, -1, 2, 0.5, -2, 4, 1, 1.5, -0.5, 2];
    const net = weekly(returns);
    const gross = weekly(returns.map((r) => r + 0.2));
    const a = evaluator.evaluate({
      equityCurve: net,
      grossEquityCurve: gross,
      initialCapital: 100_000,
    });
    const b = new WeeklyTargetEvaluator().evaluate({
      equityCurve: net,
      grossEquityCurve: gross,
      initialCapital: 100_000,
    });
    expect(a.confidence).toEqual(b.confidence);
    expect(a.confidence.net!.lower).toBeLessThan(a.confidence.net!.mean);
    expect(a.confidence.net!.upper).toBeGreaterThan(a.confidence.net!.mean);
    expect(a.confidence.gross!.mean).toBeGreaterThan(a.confidence.net!.mean);
    const other = new WeeklyTargetEvaluator({ bootstrap: { seed: 7 } }).evaluate({
      equityCurve: net,
      initialCapital: 100_000,
    });
    expect(other.confidence.net!.lower).not.toBe(a.confidence.net!.lower);
  });

  it('validates its options and names the bad field', () => {
    expect(() => new WeeklyTargetEvaluator({ maxDrawdown: -5 })).toThrow(ValidationError);
    const error = (() => {
      try {
        new WeeklyTargetEvaluator({ amberBand: 2 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('amberBand');
    expect((error as ValidationError).value).toBe(2);
  });
});
