import type { FeeFunction, FillPriceModel } from '@pravah/backtest';
import { angelOne, fillCharger, upstox, zerodha } from '@pravah/costs-in';
import { fixedBps, fixedTicks, volumeShare } from '@pravah/sdk';
import type { SlippageChoice } from '../cli/parse-choices.js';

/** Brokerage plans the CLI knows. */
export type PlanChoice = 'zerodha' | 'upstox' | 'angel-one' | 'none';

/**
 * The fee hook of a `--broker-plan`: charges per fill from @pravah/costs-in, or undefined for
 * `none`. Charge schedules start on 2021-04-01, so earlier fills pay that day's rates; an index
 * traded as a proxy pays cash-equity charges.
 *
 * @example
 * ```ts
 * runBacktest(strategy, { ...options, fees: feesFor('zerodha') });
 * ```
 */
export function feesFor(plan: PlanChoice): FeeFunction | undefined {
  if (plan === 'none') return undefined;
  const brokerPlan = plan === 'zerodha' ? zerodha() : plan === 'upstox' ? upstox() : angelOne();
  const charge = fillCharger({ plan: brokerPlan });
  const firstScheduled = Date.UTC(2021, 3, 1, 4, 0);
  return (fill, instrument) =>
    charge(
      fill.time < firstScheduled ? { ...fill, time: firstScheduled } : fill,
      instrument.type === 'IDX' ? { ...instrument, type: 'EQ' } : instrument,
    );
}

/**
 * The slippage model of a `--slippage` choice, or undefined for `none`.
 *
 * @example
 * ```ts
 * slippageModel({ kind: 'bps', value: 5 })?.name;
 * ```
 */
export function slippageModel(choice: SlippageChoice): FillPriceModel | undefined {
  switch (choice.kind) {
    case 'none':
      return undefined;
    case 'bps':
      return fixedBps(choice.value);
    case 'ticks':
      return fixedTicks(choice.value);
    case 'volume':
      return volumeShare({ impact: 0.1 });
  }
}
