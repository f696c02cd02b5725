import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BacktestResult } from '@pravah/backtest';
import {
  BADGE_EMOJI,
  CHECK_LABELS,
  checkValue,
  escapeHtml,
  fixed,
  percent,
  rupees,
} from './format.js';
import {
  chargesSpec,
  monthlyHeatmapSpec,
  renderVegaLiteSvg,
  weeklyReturnsSpec,
} from './vega-charts.js';

/** OHLC points of the traded instrument, for the price chart of single-instrument runs. */
export interface PriceSeries {
  readonly instrument: string;
  readonly bars: readonly {
    time: number;
    open: number;
    high: number;
    low: number;
    close: number;
  }[];
}

/** Most candles the price chart carries; longer series are merged into wider candles. */
const MAX_CANDLES = 20_000;
/** Most trades listed in the table (all trades stay in result.json). */
const MAX_TRADE_ROWS = 500;
/** lightweight-charts shows UTC; shifting by the IST offset makes its axis read IST. */
const IST_SECONDS = 19_800;

async function lightweightChartsSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('lightweight-charts/package.json');
  return readFile(
    path.join(path.dirname(pkg), 'dist', 'lightweight-charts.standalone.production.js'),
    'utf8',
  );
}

/** Merges consecutive candles so that at most `max` remain. */
export function downsampleCandles(
  bars: PriceSeries['bars'],
  max = MAX_CANDLES,
): PriceSeries['bars'] {
  if (bars.length <= max) return bars;
  const group = Math.ceil(bars.length / max);
  const out: { time: number; open: number; high: number; low: number; close: number }[] = [];
  for (let i = 0; i < bars.length; i += group) {
    const slice = bars.slice(i, i + group);
    out.push({
      time: slice[0]!.time,
      open: slice[0]!.open,
      high: Math.max(...slice.map((b) => b.high)),
      low: Math.min(...slice.map((b) => b.low)),
      close: slice[slice.length - 1]!.close,
    });
  }
  return out;
}

const toChartTime = (ms: number): number => Math.floor(ms / 1000) + IST_SECONDS;
const isoToChartTime = (iso: string): number => toChartTime(Date.parse(iso));

/** Data handed to the inline chart script, as one JSON blob. */
function chartData(result: BacktestResult, prices: PriceSeries | undefined) {
  let peak = Number.NEGATIVE_INFINITY;
  const equity: { time: number; value: number }[] = [];
  const drawdown: { time: number; value: number }[] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  for (const p of result.equityCurve) {
    const t = toChartTime(p.time);
    if (t <= lastTime) continue; // the chart needs strictly increasing seconds
    lastTime = t;
    peak = Math.max(peak, p.equity);
    equity.push({ time: t, value: p.equity });
    drawdown.push({
      time: t,
      value: peak > 0 ? Number((((p.equity - peak) / peak) * 100).toFixed(4)) : 0,
    });
  }
  let candles: { time: number; open: number; high: number; low: number; close: number }[] = [];
  let markers: { time: number; position: string; color: string; shape: string; text: string }[] =
    [];
  if (prices) {
    lastTime = Number.NEGATIVE_INFINITY;
    for (const b of downsampleCandles(prices.bars)) {
      const t = toChartTime(b.time);
      if (t <= lastTime) continue;
      lastTime = t;
      candles.push({ time: t, open: b.open, high: b.high, low: b.low, close: b.close });
    }
    const firstCandle = candles[0]?.time ?? 0;
    const snap = (t: number): number => {
      // Markers must sit on a candle time: the last candle at or before t.
      let lo = 0;
      let hi = candles.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (candles[mid]!.time <= t) lo = mid;
        else hi = mid - 1;
      }
      return candles[lo]?.time ?? firstCandle;
    };
    markers = result.trades
      .filter((t) => t.instrument === prices.instrument)
      .slice(-2_500)
      .flatMap((t) => [
        {
          time: snap(isoToChartTime(t.entryTime)),
          position: t.side === 'long' ? 'belowBar' : 'aboveBar',
          color: '#2980b9',
          shape: t.side === 'long' ? 'arrowUp' : 'arrowDown',
          text: `${t.side === 'long' ? 'B' : 'S'} ${t.quantity}`,
        },
        {
          time: snap(isoToChartTime(t.exitTime)),
          position: t.side === 'long' ? 'aboveBar' : 'belowBar',
          color: t.pnl >= 0 ? '#27ae60' : '#c0392b',
          shape: t.side === 'long' ? 'arrowDown' : 'arrowUp',
          text: `exit ${t.pnl >= 0 ? '+' : ''}${Math.round(t.pnl)}`,
        },
      ])
      .sort((a, b) => a.time - b.time);
  } else {
    candles = [];
  }
  return { equity, drawdown, candles, markers, instrument: prices?.instrument ?? null };
}

const CHART_SCRIPT = `
const data = JSON.parse(document.getElementById('chart-data').textContent);
const LC = window.LightweightCharts;
const drawn = [];
function make(id, height) {
  const el = document.getElementById(id);
  const chart = LC.createChart(el, { height, layout: { background: { color: '#ffffff' }, textColor: '#2c3e50' },
    timeScale: { timeVisible: true, secondsVisible: false }, rightPriceScale: { borderVisible: false } });
  return chart;
}
const eq = make('equity-chart', 300);
eq.addSeries(LC.LineSeries, { color: '#2c3e50', lineWidth: 2 }).setData(data.equity);
eq.timeScale().fitContent();
drawn.push('equity-chart');
const dd = make('drawdown-chart', 160);
dd.addSeries(LC.AreaSeries, { lineColor: '#c0392b', topColor: 'rgba(192,57,43,0.05)', bottomColor: 'rgba(192,57,43,0.4)', invertFilledArea: true }).setData(data.drawdown);
dd.timeScale().fitContent();
drawn.push('drawdown-chart');
if (data.candles.length > 0) {
  const pc = make('price-chart', 380);
  const series = pc.addSeries(LC.CandlestickSeries, { upColor: '#27ae60', downColor: '#c0392b', wickUpColor: '#27ae60', wickDownColor: '#c0392b', borderVisible: false });
  series.setData(data.candles);
  LC.createSeriesMarkers(series, data.markers);
  pc.timeScale().fitContent();
  drawn.push('price-chart');
}
document.body.dataset.chartsDrawn = drawn.join(',');
`;

/**
 * Renders the self-contained HTML report: headline metrics, the weekly-target badge and checks,
 * equity with drawdown underneath and the price chart with entries and exits (lightweight-charts,
 * inlined), weekly returns against the target, monthly returns and charges (Vega-Lite, rendered
 * to inline SVG), and the trade list. Opens offline: nothing is fetched.
 *
 * @example
 * ```ts
 * await writeFile('report.html', await renderHtmlReport(result, { instrument, bars }));
 * ```
 */
export async function renderHtmlReport(
  result: BacktestResult,
  prices?: PriceSeries,
): Promise<string> {
  const [lwc, weeklySvg, monthlySvg, chargesSvg] = await Promise.all([
    lightweightChartsSource(),
    renderVegaLiteSvg(weeklyReturnsSpec(result)),
    renderVegaLiteSvg(monthlyHeatmapSpec(result)),
    renderVegaLiteSvg(chargesSpec(result)),
  ]);
  const m = result.metrics;
  const g = result.grade;
  const tiles: [string, string][] = [
    ['Final equity', rupees(m.finalEquity)],
    ['Net P&L', rupees(m.netPnl)],
    ['Total return', percent(m.totalReturn)],
    ['Annualised', percent(m.annualisedReturn)],
    ['Sharpe', fixed(m.sharpe)],
    ['Sortino', fixed(m.sortino)],
    ['Calmar', fixed(m.calmar)],
    ['Max drawdown', percent(m.maxDrawdown)],
    ['Trades', String(m.trades)],
    ['Win rate', percent(m.winRate, 1)],
    ['Profit factor', fixed(m.profitFactor)],
    ['Expectancy', rupees(m.expectancy)],
    ['Avg holding', `${fixed(m.averageHoldingMinutes, 0)} min`],
    ['Exposure', percent(m.exposure, 1)],
    ['Turnover', `${fixed(m.turnover, 1)}×`],
    ['Charges', rupees(m.totalCharges)],
  ];
  const trades = result.trades.slice(0, MAX_TRADE_ROWS);
  const json = JSON.stringify(chartData(result, prices)).replace(/</g, '\\u003c');
  const net = g.confidence.net;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(result.strategy.name)} · Pravah backtest</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f5f6f8;color:#2c3e50}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:24px} h2{font-size:18px;margin:28px 0 10px}
.sub{color:#7f8c8d;font-size:13px}
.card{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 2px rgba(0,0,0,.06);margin-bottom:16px}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px}
.tile{background:#fff;border-radius:8px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.tile .k{font-size:12px;color:#7f8c8d} .tile .v{font-size:18px;font-weight:600;margin-top:2px}
.badge{display:inline-block;padding:4px 12px;border-radius:14px;color:#fff;font-weight:700;letter-spacing:.5px}
.green{background:#27ae60}.amber{background:#e67e22}.red{background:#c0392b}
table{border-collapse:collapse;width:100%;font-size:13px} th,td{padding:6px 8px;border-bottom:1px solid #ecf0f1;text-align:right}
th:first-child,td:first-child{text-align:left} th{color:#7f8c8d;font-weight:600}
.pos{color:#27ae60}.neg{color:#c0392b} svg{max-width:100%;height:auto}
</style></head>
<body><main>
<h1>${escapeHtml(result.strategy.name)} <span class="badge ${g.badge}" id="badge">${BADGE_EMOJI[g.badge]} ${g.badge.toUpperCase()}</span></h1>
<div class="sub">${escapeHtml(result.run.instruments.join(', '))} · ${escapeHtml(result.run.from ?? '')} → ${escapeHtml(result.run.to ?? '')} · capital ${rupees(result.run.initialCapital)} · plan ${escapeHtml(result.run.plan)} · slippage ${escapeHtml(result.run.slippage)} · seed ${result.run.seed} · params <code>${escapeHtml(JSON.stringify(result.strategy.params))}</code></div>
<h2>Headline</h2>
<div class="tiles">${tiles.map(([k, v]) => `<div class="tile"><div class="k">${k}</div><div class="v">${escapeHtml(v)}</div></div>`).join('')}</div>
<h2>Weekly target</h2>
<div class="card"><table><thead><tr><th>check</th><th>value</th><th>threshold</th><th>status</th></tr></thead><tbody>
${g.checks.map((c) => `<tr><td>${CHECK_LABELS[c.name] ?? c.name}</td><td>${checkValue(c.name, c.value)}</td><td>${checkValue(c.name, c.threshold)}</td><td><span class="badge ${c.status}">${c.status}</span></td></tr>`).join('\n')}
</tbody></table>
${net ? `<p class="sub">Mean weekly return ${net.mean.toFixed(2)}%, ${Math.round(net.level * 100)}% bootstrap interval [${net.lower.toFixed(2)}%, ${net.upper.toFixed(2)}%], probability the target is met ${percent(net.probabilityTargetMet, 0)} over ${g.confidence.weeks} weeks${g.confidence.gross ? `; before charges ${g.confidence.gross.mean.toFixed(2)}% (${percent(g.confidence.gross.probabilityTargetMet, 0)})` : ''}.</p>` : ''}
</div>
<h2>Equity and drawdown</h2>
<div class="card"><div id="equity-chart"></div><div id="drawdown-chart" style="margin-top:8px"></div></div>
${prices ? `<h2>Price with entries and exits: ${escapeHtml(prices.instrument)}</h2><div class="card"><div id="price-chart"></div></div>` : ''}
<h2>Weekly returns</h2><div class="card" id="weekly-returns">${weeklySvg}</div>
<h2>Monthly returns</h2><div class="card" id="monthly-returns">${monthlySvg}</div>
<h2>Charges</h2><div class="card" id="charges">${chargesSvg}
<table><tbody>${Object.entries(result.chargesByComponent)
    .map(([k, v]) => `<tr><td>${k}</td><td>${rupees(v)}</td></tr>`)
    .join('')}</tbody></table></div>
<h2>Trades${result.trades.length > MAX_TRADE_ROWS ? ` (first ${MAX_TRADE_ROWS} of ${result.trades.length}; all are in result.json)` : ` (${result.trades.length})`}</h2>
<div class="card"><table id="trades"><thead><tr><th>instrument</th><th>side</th><th>qty</th><th>entry</th><th>price</th><th>exit</th><th>price</th><th>charges</th><th>P&amp;L</th></tr></thead><tbody>
${trades.map((t) => `<tr><td>${escapeHtml(t.instrument)}</td><td>${t.side}</td><td>${t.quantity}</td><td>${t.entryTime.slice(0, 16).replace('T', ' ')}</td><td>${t.entryPrice.toFixed(2)}</td><td>${t.exitTime.slice(0, 16).replace('T', ' ')}</td><td>${t.exitPrice.toFixed(2)}</td><td>${t.charges.toFixed(2)}</td><td class="${t.pnl >= 0 ? 'pos' : 'neg'}">${t.pnl.toFixed(2)}</td></tr>`).join('\n')}
</tbody></table></div>
<p class="sub">Generated by Pravah. Times are IST. Charts: lightweight-charts (TradingView, Apache-2.0) and Vega-Lite (BSD-3-Clause).</p>
</main>
<script type="application/json" id="chart-data">${json}</script>
<script>${lwc.replace(/<\/script/gi, '<\\/script')}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}
