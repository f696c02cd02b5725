import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '@pravah/backtest';
import { smaCrossover } from '@pravah/examples';
import type { Bar } from '@pravah/sdk';
import { loadMarketData } from '../../src/data/load-market-data.js';
import { writeReport } from '../../src/report/write-report.js';
import { feesFor } from '../../src/sweep/run-costs.js';

const CHROMIUM = '/usr/bin/chromium';
const JAN_2022 = fileURLToPath(
  new URL('../../../../../shared/data/nse/nifty_index_1min/2022_JAN_NIFTY.txt', import.meta.url),
);

describe('report.html in headless Debian chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pravah-report-browser-'));
  let browser: Browser;
  let trades = 0;

  beforeAll(async () => {
    // CI installs chromium with .ci/setup-system; a missing browser is a failure, never a skip.
    if (!existsSync(CHROMIUM))
      throw new Error(
        `Debian chromium is missing at ${CHROMIUM}: run .ci/setup-system as root (apt-get install -y chromium) and rerun`,
      );
    const market = await loadMarketData(JAN_2022);
    const result = runBacktest(smaCrossover, {
      feed: market.events,
      instruments: market.instruments,
      capital: 1_000_000,
      params: { quantity: 50 },
      seed: 42,
      planName: 'zerodha',
      fees: feesFor('zerodha')!,
    });
    trades = result.trades.length;
    const bars = market.events.filter((e): e is Bar => e.kind === 'bar');
    await writeReport(dir, result, { instrument: market.instruments[0]!.id, bars }, {});
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Containers run CI as root, where chromium's sandbox cannot start.
      args: ['--no-sandbox'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console errors, draws every chart, lists every trade and is screenshotted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href, { waitUntil: 'load' });
    // lightweight-charts draws on canvases once laid out: wait for the equity chart's canvas.
    await page.waitForSelector('#equity-chart canvas', { timeout: 30_000 });
    expect(errors).toEqual([]);

    for (const chart of ['#equity-chart', '#drawdown-chart', '#price-chart']) {
      const box = await page.locator(`${chart} canvas`).first().boundingBox();
      expect(box, chart).not.toBeNull();
      expect(box!.width, chart).toBeGreaterThan(100);
      expect(box!.height, chart).toBeGreaterThan(50);
    }
    // The equity canvas holds drawn pixels, not a blank bitmap. (A string: the tests compile
    // without the DOM library.)
    const inked =
      await page.evaluate(`[...document.querySelectorAll('#equity-chart canvas')].some((c) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0) return false;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) return true;
      return false;
    })`);
    expect(inked).toBe(true);
    for (const chart of ['#weekly-returns', '#monthly-returns', '#charges']) {
      const box = await page.locator(`${chart} svg`).first().boundingBox();
      expect(box!.width, chart).toBeGreaterThan(100);
    }

    expect(trades).toBeGreaterThan(0);
    await expect(page.locator('#trades tbody tr').count()).resolves.toBe(Math.min(trades, 500));

    const shot = path.join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    // Kept for inspection: the path is in the test output.
    console.info(`report screenshot: ${shot}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
