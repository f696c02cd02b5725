import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BacktestResult } from '@pravah/backtest';
import { renderHtmlReport, type PriceSeries } from './html-report.js';
import { renderSummaryMarkdown } from './markdown-summary.js';

/** Paths of the files a report wrote. */
export interface WrittenReport {
  readonly html: string;
  readonly markdown: string;
  readonly json: string;
  /** Set when the summary was also appended to `$GITHUB_STEP_SUMMARY`. */
  readonly stepSummary?: string;
}

/** Serialises a result the same way everywhere, so identical runs give identical bytes. */
export function resultJson(result: BacktestResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * Writes `report.html`, `summary.md` and `result.json` into `dir` (created if missing), and
 * appends the Markdown summary to `$GITHUB_STEP_SUMMARY` when that variable is set.
 *
 * @example
 * ```ts
 * const files = await writeReport('out/', result, { instrument: 'NSE:NIFTY 50', bars });
 * console.log(files.html);
 * ```
 */
export async function writeReport(
  dir: string,
  result: BacktestResult,
  prices?: PriceSeries,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const html = path.join(dir, 'report.html');
  const markdown = path.join(dir, 'summary.md');
  const json = path.join(dir, 'result.json');
  const summary = renderSummaryMarkdown(result);
  await Promise.all([
    writeFile(html, await renderHtmlReport(result, prices)),
    writeFile(markdown, summary),
    writeFile(json, resultJson(result)),
  ]);
  const stepSummary = env['GITHUB_STEP_SUMMARY'];
  if (stepSummary) {
    await appendFile(stepSummary, `${summary}\n`);
    return { html, markdown, json, stepSummary };
  }
  return { html, markdown, json };
}
