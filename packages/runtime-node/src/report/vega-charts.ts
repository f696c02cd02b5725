import type { BacktestResult } from '@pravah/backtest';
import { monthlyReturns } from './monthly-returns.js';

/** A Vega-Lite spec, kept loose: the library validates it when compiling. */
type VegaLiteSpec = Record<string, unknown>;

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  background: 'white',
  width: 640,
} as const;

/** Weekly returns as bars against the target line. */
export function weeklyReturnsSpec(result: BacktestResult): VegaLiteSpec {
  const target = result.grade.checks.find((c) => c.name === 'meanWeeklyReturn')?.threshold ?? 1;
  return {
    ...base,
    height: 220,
    title: 'Weekly returns (%) against the target',
    data: {
      values: result.grade.weeks.map((w) => ({
        week: w.weekStart,
        return: Number(w.return.toFixed(4)),
      })),
    },
    layer: [
      {
        mark: 'bar',
        encoding: {
          x: { field: 'week', type: 'ordinal', title: 'IST week', axis: { labelOverlap: true } },
          y: { field: 'return', type: 'quantitative', title: 'return %' },
          color: { condition: { test: 'datum.return < 0', value: '#c0392b' }, value: '#27ae60' },
        },
      },
      {
        mark: { type: 'rule', color: '#2c3e50', strokeDash: [4, 4] },
        encoding: { y: { datum: target } },
      },
    ],
  };
}

/** Calendar-month returns as a year × month heatmap. */
export function monthlyHeatmapSpec(result: BacktestResult): VegaLiteSpec {
  const months = monthlyReturns(result.dailyReturns).map((m) => ({
    year: m.month.slice(0, 4),
    month: Number(m.month.slice(5, 7)),
    return: Number((m.return * 100).toFixed(2)),
  }));
  return {
    ...base,
    height: Math.max(40, 28 * new Set(months.map((m) => m.year)).size),
    title: 'Monthly returns (%)',
    data: { values: months },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: 'month' },
      y: { field: 'year', type: 'ordinal', title: null },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'return',
            type: 'quantitative',
            scale: { scheme: 'redyellowgreen', domainMid: 0 },
            title: '%',
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: { text: { field: 'return', type: 'quantitative', format: '.1f' } },
      },
    ],
  };
}

/** Charges by component as horizontal bars. */
export function chargesSpec(result: BacktestResult): VegaLiteSpec {
  const c = result.chargesByComponent;
  const rows = [
    ['Brokerage', c.brokerage],
    ['STT / CTT', c.stt],
    ['Exchange txn', c.exchangeTxn],
    ['IPFT', c.ipft],
    ['SEBI fee', c.sebi],
    ['Stamp duty', c.stampDuty],
    ['GST', c.gst],
  ].map(([component, rupees]) => ({ component, rupees }));
  return {
    ...base,
    height: 180,
    title: 'Charges by component (₹)',
    data: { values: rows },
    mark: 'bar',
    encoding: {
      y: { field: 'component', type: 'nominal', sort: null, title: null },
      x: { field: 'rupees', type: 'quantitative', title: '₹' },
      color: { value: '#8e44ad' },
    },
  };
}

/** Renders a Vega-Lite spec to a standalone SVG string, in Node, without a browser. */
export async function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
