import fc from 'fast-check';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  dailyLossLimit,
  istWeekStart,
  killSwitch,
  maxDrawdownHalt,
  maxOpenPositions,
  maxOrderValue,
  maxPositionValue,
  minConfidence,
  minRewardRisk,
  weeklyLossLimit,
  istDayStart,
  type MarketEvent,
  type OrderIntent,
  type RiskEvent,
  type RiskGuard,
} from '../../src/index.js';
import { istDayKey, istWeekKey } from '../../src/guards/internal/ist-period.js';
import { bar, context, holding, intent, MONDAY_0915_IST, niftyFut, reliance } from './fixtures.js';

/** The portfolio and clock at one step of a run. */
interface State {
  readonly time: number;
  readonly niftyLots: number;
  readonly relianceUnits: number;
  readonly marked: number;
  readonly peak: number;
  readonly engaged: boolean;
}

interface Step {
  readonly state: State;
  readonly input: 'market' | OrderIntent;
}

interface Output {
  readonly step: number;
  readonly out: OrderIntent | RiskEvent;
}

const EQUITY = 1_000_000;

const stateArb = fc.record({
  gapMs: fc.integer({ min: 0, max: 10 * 3_600_000 }),
  niftyLots: fc.integer({ min: -4, max: 4 }),
  relianceUnits: fc.integer({ min: -300, max: 300 }),
  marked: fc.integer({ min: -120_000, max: 40_000 }),
  peakExtra: fc.integer({ min: 0, max: 150_000 }),
  engaged: fc.boolean(),
});

const intentArb = fc.record({
  future: fc.boolean(),
  side: fc.constantFrom('BUY' as const, 'SELL' as const),
  size: fc.integer({ min: 1, max: 6 }),
  reduceOnly: fc.boolean(),
  cancel: fc.integer({ min: 0, max: 9 }),
  product: fc.constantFrom('MIS' as const, 'CNC' as const, 'NRML' as const),
  limitPrice: fc.option(fc.integer({ min: 100, max: 30_000 }), { nil: undefined }),
  confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  rewardRisk: fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: undefined }),
});

const stepsArb = fc
  .array(fc.tuple(stateArb, fc.option(intentArb, { nil: undefined, freq: 3 })), {
    minLength: 1,
    maxLength: 40,
  })
  .map((raw) => {
    let time = MONDAY_0915_IST;
    return raw.map(([s, i], index): Step => {
      time += s.gapMs;
      const state: State = {
        time,
        niftyLots: s.niftyLots,
        relianceUnits: s.relianceUnits,
        marked: s.marked,
        peak: EQUITY + s.marked + s.peakExtra,
        engaged: s.engaged,
      };
      if (i === undefined) return { state, input: 'market' };
      const instrument = i.future ? niftyFut : reliance;
      return {
        state,
        input: intent(`i${index}`, {
          instrument: instrument.id,
          time,
          side: i.side,
          quantity: i.size * instrument.lotSize * (i.future ? 1 : 7),
          reduceOnly: i.reduceOnly && i.cancel > 6,
          product: i.future ? 'NRML' : i.product,
          ...(i.cancel === 0 ? { cancelId: 'earlier' } : {}),
          ...(i.limitPrice === undefined
            ? {}
            : { orderType: 'LIMIT' as const, price: i.limitPrice }),
          ...(i.confidence === undefined ? {} : { confidence: i.confidence }),
          ...(i.rewardRisk === undefined ? {} : { rewardRisk: i.rewardRisk }),
        }),
      };
    });
  });

const positionOf = (state: State, instrument: string): number =>
  instrument === niftyFut.id ? state.niftyLots * niftyFut.lotSize : state.relianceUnits;

/** Builds a guard; `state` reads the state of the step being run (for the kill switch flag). */
type GuardMaker = (state: () => State) => RiskGuard;

/** Runs a guard over the steps synchronously; the context reads the current step's state. */
function run(make: GuardMaker, steps: readonly Step[]): Output[] {
  let current = 0;
  const state = (): State => steps[current]!.state;
  const guard = make(state);
  const market$ = new Subject<MarketEvent>();
  const ctx = context({
    now: () => state().time,
    market$,
    portfolio: () => ({
      cash: EQUITY,
      equity: EQUITY + state().marked,
      peakEquity: state().peak,
      startOfDayEquity: EQUITY,
      startOfWeekEquity: EQUITY,
      today: { realised: 0, marked: state().marked },
      thisWeek: { realised: 0, marked: state().marked },
      positions: [
        holding(niftyFut, 'NRML', state().niftyLots * niftyFut.lotSize, 24_000),
        holding(reliance, 'MIS', state().relianceUnits, 2_500),
      ],
    }),
  });
  const intents$ = new Subject<OrderIntent>();
  const outputs: Output[] = [];
  intents$.pipe(guard(ctx)).subscribe((out) => outputs.push({ step: current, out }));
  steps.forEach((step, index) => {
    current = index;
    if (step.input === 'market') {
      market$.next(bar(niftyFut, 24_000, step.state.time));
      market$.next(bar(reliance, 2_500, step.state.time));
    } else intents$.next(step.input);
  });
  intents$.complete();
  return outputs;
}

const isIntent = (out: OrderIntent | RiskEvent): out is OrderIntent => out.kind === 'intent';

/** Every input intent is passed unchanged, or has exactly one blocked / shrunk RiskEvent. */
function checkAccounting(steps: readonly Step[], outputs: readonly Output[]): void {
  for (const [index, step] of steps.entries()) {
    if (step.input === 'market') continue;
    const input = step.input;
    const mine = outputs.filter((o) => o.step === index);
    const events = mine.flatMap((o) =>
      !isIntent(o.out) && o.out.intent?.id === input.id ? [o.out] : [],
    );
    const passed = mine.flatMap((o) => (isIntent(o.out) && o.out.id === input.id ? [o.out] : []));
    expect(events.length).toBeLessThanOrEqual(1);
    const event = events[0];
    if (event === undefined) {
      expect(passed).toEqual([input]);
      continue;
    }
    expect(event.intent).toBe(input);
    expect(event.reason.length).toBeGreaterThan(0);
    if (event.action === 'blocked') {
      expect(passed).toEqual([]);
    } else {
      expect(event.action).toBe('shrunk');
      const replacement = event.replacement!;
      expect(passed).toEqual([replacement]);
      const lot = input.instrument === niftyFut.id ? niftyFut.lotSize : reliance.lotSize;
      expect(replacement.quantity % lot).toBe(0);
      expect(replacement.quantity).toBeGreaterThan(0);
      expect(replacement.quantity).toBeLessThan(input.quantity);
      expect(replacement.side).toBe(input.side);
      expect({ ...replacement, quantity: input.quantity, reduceOnly: input.reduceOnly }).toEqual(
        input,
      );
    }
  }
}

/** Whether an intent passed at `step` opens or adds to a position. */
function isEntryAt(steps: readonly Step[], step: number, out: OrderIntent): boolean {
  if (out.cancelId !== undefined || out.reduceOnly) return false;
  const position = positionOf(steps[step]!.state, out.instrument);
  const reduces = position !== 0 && Math.sign(position) !== (out.side === 'BUY' ? 1 : -1);
  return !(reduces && out.quantity <= Math.abs(position));
}

const halting: ReadonlyArray<[string, GuardMaker, ((time: number) => number) | undefined]> = [
  ['dailyLossLimit', () => dailyLossLimit(), istDayKey],
  ['weeklyLossLimit', () => weeklyLossLimit(), istWeekKey],
  ['maxDrawdownHalt', () => maxDrawdownHalt(), undefined],
  ['killSwitch', (state) => killSwitch({ engaged: () => state().engaged }), undefined],
];

const haltSteps = (outputs: readonly Output[]): number[] =>
  outputs.flatMap((o) => (!isIntent(o.out) && o.out.action === 'halted' ? [o.step] : []));

/** The first step that consults the guard's rule (market events and non-cancel intents). */
const firstCheckedStep = (steps: readonly Step[], breached: (s: State) => boolean): number =>
  steps.findIndex(
    (s) => (s.input === 'market' || s.input.cancelId === undefined) && breached(s.state),
  );

describe('guard properties', () => {
  it.each(halting)(
    '%s never lets an entry through while halted, and halts at most once per period',
    (_name, make, period) => {
      fc.assert(
        fc.property(stepsArb, (steps) => {
          const outputs = run(make, steps);
          checkAccounting(steps, outputs);
          const halts = haltSteps(outputs);
          const periods = halts.map((step) => (period ? period(steps[step]!.state.time) : 0));
          expect(new Set(periods).size).toBe(periods.length);
          for (const output of outputs) {
            if (!isIntent(output.out)) continue;
            const time = steps[output.step]!.state.time;
            const halted = halts.some(
              (step) =>
                step <= output.step &&
                (!period || period(steps[step]!.state.time) === period(time)),
            );
            if (halted) expect(isEntryAt(steps, output.step, output.out)).toBe(false);
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it('killSwitch trips on the first step that sees it engaged', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const first = firstCheckedStep(steps, (s) => s.engaged);
        expect(haltSteps(run(halting[3]![1], steps))).toEqual(first === -1 ? [] : [first]);
      }),
      { numRuns: 150 },
    );
  });

  it('maxDrawdownHalt trips on the first step whose drawdown reaches 10%', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const first = firstCheckedStep(steps, (s) => s.peak - (EQUITY + s.marked) >= s.peak * 0.1);
        expect(haltSteps(run(() => maxDrawdownHalt(), steps))).toEqual(first === -1 ? [] : [first]);
      }),
      { numRuns: 150 },
    );
  });

  const checking: ReadonlyArray<[string, GuardMaker]> = [
    ['maxOpenPositions', () => maxOpenPositions({ positional: 1, intraday: 1 })],
    ['maxOrderValue', () => maxOrderValue({ percentOfEquity: 60 })],
    ['maxPositionValue', () => maxPositionValue({ percentOfEquity: 150 })],
    ['minRewardRisk', () => minRewardRisk()],
    ['minConfidence', () => minConfidence()],
  ];

  it.each(checking)(
    '%s accounts for every intent: passed, or one RiskEvent with a lot-aligned, smaller replacement',
    (_name, make) => {
      fc.assert(
        fc.property(stepsArb, (steps) => checkAccounting(steps, run(make, steps))),
        { numRuns: 150 },
      );
    },
  );

  it('entries that pass value and confidence guards respect their limits', () => {
    const priceOf = (i: OrderIntent): number =>
      i.price ?? (i.instrument === niftyFut.id ? 24_000 : 2_500);
    fc.assert(
      fc.property(stepsArb, (steps) => {
        for (const { step, out } of run(() => maxOrderValue({ percentOfEquity: 60 }), steps)) {
          if (!isIntent(out) || !isEntryAt(steps, step, out)) continue;
          const equity = EQUITY + steps[step]!.state.marked;
          const closing = Math.abs(positionOf(steps[step]!.state, out.instrument));
          expect(out.quantity * priceOf(out) <= equity * 0.6 || out.quantity <= closing).toBe(true);
        }
        for (const { step, out } of run(() => maxPositionValue({ percentOfEquity: 150 }), steps)) {
          if (!isIntent(out) || !isEntryAt(steps, step, out)) continue;
          const equity = EQUITY + steps[step]!.state.marked;
          const after =
            positionOf(steps[step]!.state, out.instrument) +
            (out.side === 'BUY' ? out.quantity : -out.quantity);
          expect(Math.abs(after) * priceOf(out)).toBeLessThanOrEqual(equity * 1.5);
        }
        for (const { step, out } of run(() => minConfidence(), steps)) {
          if (!isIntent(out) || !isEntryAt(steps, step, out)) continue;
          expect(out.confidence).toBeGreaterThanOrEqual(0.6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each([...halting.map(([n, m]) => [n, m] as const), ...checking])(
    '%s gives equal outputs for equal inputs across independent instances',
    (_name, make) => {
      fc.assert(
        fc.property(stepsArb, (steps) => {
          expect(run(make, steps)).toEqual(run(make, steps));
          let read: () => State = () => steps[0]!.state;
          const shared = make(() => read());
          const reuse: GuardMaker = (state) => {
            read = state;
            return shared;
          };
          expect(run(reuse, steps)).toEqual(run(reuse, steps));
        }),
        { numRuns: 60 },
      );
    },
  );

  it('IST day and week keys change exactly where the sdk calendar says a day and a week start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 9 * 86_400_000 }),
        (a, gap) => {
          const b = a + gap;
          expect(istDayKey(a) === istDayKey(b)).toBe(istDayStart(a) === istDayStart(b));
          expect(istWeekKey(a) === istWeekKey(b)).toBe(istWeekStart(a) === istWeekStart(b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
