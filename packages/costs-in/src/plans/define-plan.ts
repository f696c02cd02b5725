import type { Exchange } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { RateNotScheduledError } from '../errors/index.js';
import { Money } from '../money/index.js';
import { describeCoverage, inRange } from '../schedules/coverage.js';
import type { IsoDate, Segment } from '../schedules/types.js';
import type { ParsedPlanSpec } from './plan-spec.js';
import { resolveCutoff } from './mis-cutoff.js';
import type {
  AmountRow,
  BrokerPlan,
  BrokerageRow,
  BrokerageRule,
  MisCutoffRule,
  MisCutoffTimes,
  MisSegment,
} from './types.js';
import { MIS_SEGMENTS } from './types.js';

type RuleSpec = ParsedPlanSpec['brokerage'][Segment];
type AmountSpec = ParsedPlanSpec['dpCharge'];

const MIS_SEGMENT_OF: Readonly<Record<Exchange, MisSegment>> = {
  NSE: 'equity',
  BSE: 'equity',
  NFO: 'derivatives',
  BFO: 'derivatives',
  CDS: 'currency',
  BCD: 'currency',
  MCX: 'commodity',
};

const money = (v: number | string): Decimal => new Money(String(v));

function toRule(
  spec:
    | { flat: number | string }
    | {
        percent: number | string;
        cap?: number | string | undefined;
        minimum?: number | string | undefined;
      },
): BrokerageRule {
  if ('flat' in spec) return Object.freeze({ kind: 'flat', amount: money(spec.flat) });
  return Object.freeze({
    kind: 'percent',
    percent: money(spec.percent),
    ...(spec.cap === undefined ? {} : { cap: money(spec.cap) }),
    ...(spec.minimum === undefined ? {} : { minimum: money(spec.minimum) }),
  });
}

function provenance(p: {
  confidence?: BrokerageRow['confidence'];
  source?: string | undefined;
  note?: string | undefined;
}) {
  return {
    ...(p.confidence === undefined ? {} : { confidence: p.confidence }),
    ...(p.source === undefined ? {} : { source: p.source }),
    ...(p.note === undefined ? {} : { note: p.note }),
  };
}

function dated<T extends { from?: string | undefined; to?: string | undefined }>(row: T) {
  return {
    ...(row.from === undefined ? {} : { from: row.from }),
    ...(row.to === undefined ? {} : { to: row.to }),
  };
}

function brokerageRows(segment: Segment, spec: RuleSpec): BrokerageRow[] {
  if (spec === undefined) return [];
  if (!Array.isArray(spec)) return [Object.freeze({ segment, rule: toRule(spec) })];
  return spec.map((row) =>
    Object.freeze({ segment, ...dated(row), rule: toRule(row.rule), ...provenance(row) }),
  );
}

function amountRows(spec: AmountSpec): AmountRow[] {
  if (spec === undefined) return [];
  if (!Array.isArray(spec)) return [Object.freeze({ amount: money(spec) })];
  return spec.map((row) =>
    Object.freeze({ ...dated(row), amount: money(row.amount), ...provenance(row) }),
  );
}

/**
 * Builds a {@link BrokerPlan} from a validated spec. Lookups remember the last row found per
 * segment, so a run over consecutive dates resolves each rule once per change.
 */
export function definePlan(spec: ParsedPlanSpec): BrokerPlan {
  const brokerage: BrokerageRow[] = [];
  for (const [segment, value] of Object.entries(spec.brokerage) as [Segment, RuleSpec][]) {
    brokerage.push(...brokerageRows(segment, value));
  }
  const dpCharge = amountRows(spec.dpCharge);
  const autoSquareOffFee = amountRows(spec.autoSquareOffFee);
  const cutoffRules: Partial<Record<MisSegment, MisCutoffRule>> = {};
  for (const [segment, rule] of Object.entries(spec.misCutoffs)) {
    cutoffRules[segment as MisSegment] = Object.freeze(
      typeof rule === 'string' ? { at: rule } : rule,
    );
  }
  const misCutoffs: Readonly<Partial<Record<MisSegment, MisCutoffRule>>> =
    Object.freeze(cutoffRules);

  const lastRule = new Map<Segment, BrokerageRow>();
  const scope = `plan "${spec.name}"`;
  const fix = 'add a dated entry for it to the plan (customPlan) or pick a plan that covers it';

  const plan: BrokerPlan = {
    name: spec.name,
    brokerage: Object.freeze(brokerage),
    dpCharge: Object.freeze(dpCharge),
    autoSquareOffFee: Object.freeze(autoSquareOffFee),
    gstOnIpft: spec.gstOnIpft,
    misCutoffs,
    brokerageRule(segment, tradeDate) {
      const cached = lastRule.get(segment);
      if (cached !== undefined && inRange(cached, tradeDate)) return cached.rule;
      const rows = brokerage.filter((r) => r.segment === segment);
      const found = rows.find((r) => inRange(r, tradeDate));
      if (found === undefined) {
        throw new RateNotScheduledError({
          field: rows.length === 0 ? 'instrumentType' : 'tradeDate',
          value: rows.length === 0 ? segment : tradeDate,
          component: 'brokerage',
          scope: `${scope} ${segment}`,
          coverage: describeCoverage(rows),
          fix,
        });
      }
      lastRule.set(segment, found);
      return found.rule;
    },
    dpChargeOn: (tradeDate) => amountOn(dpCharge, tradeDate, 'dpCharge', `${scope} DP charge`, fix),
    autoSquareOffFeeOn: (tradeDate) =>
      amountOn(
        autoSquareOffFee,
        tradeDate,
        'autoSquareOffFee',
        `${scope} auto square-off fee`,
        fix,
      ),
    misCutoff(exchange, sessionClose) {
      const segment = MIS_SEGMENT_OF[exchange];
      const rule = cutoffRules[segment];
      return rule === undefined ? undefined : resolveCutoff(rule, sessionClose ?? '23:30');
    },
    misCutoffTimes(commodityClose) {
      const times: Partial<Record<MisSegment, string>> = {};
      for (const segment of MIS_SEGMENTS) {
        const rule = cutoffRules[segment];
        if (rule !== undefined) times[segment] = resolveCutoff(rule, commodityClose ?? '23:30');
      }
      return Object.freeze<MisCutoffTimes>(times);
    },
  };
  return Object.freeze(plan);
}

function amountOn(
  rows: readonly AmountRow[],
  tradeDate: IsoDate,
  component: string,
  scope: string,
  fix: string,
): Decimal {
  const found = rows.find((r) => inRange(r, tradeDate));
  if (found !== undefined) return found.amount;
  throw new RateNotScheduledError({
    field: 'tradeDate',
    value: tradeDate,
    component,
    scope,
    coverage: describeCoverage(rows),
    fix,
  });
}
