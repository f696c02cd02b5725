import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KiteBroker } from '@pravah/brokers/kite';
import { startFakeKite, type FakeKite } from '@pravah/brokers/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalFile, OrderManager, runKey } from '../../../src/live/index.js';

// The whole live path as separate processes: the fake Kite server here, `pravah live` (the real
// CLI) in a child process talking to it over HTTP and WebSocket. The child is SIGKILLed at
// seeded random points and restarted on the same journal; at the end a last child is stopped
// with SIGTERM, and the broker's order book is compared with the journal.

const KILLS = Number(process.env['PRAVAH_FAULT_KILLS'] ?? 50);
/** Independent runs killed side by side (each its own run id and journal), sharing the fake. */
const LANES = 2;
const CHILD = new URL('./live-child.fixture.ts', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'pravah-sigkill-'));
let fake: FakeKite | undefined;
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Mulberry32: the kill schedule and the price walk are reproducible from the seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Child {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  readonly exit: Promise<number | null>;
  tornTails: number;
}

function startChild(config: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      CHILD,
      'sma-crossover',
      '--broker',
      'kite',
      '--config',
      config,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let buffer = '';
  let stderr = '';
  const result: Child = {
    process: child,
    tornTails: 0,
    ready: new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready`)));
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes('"msg":"runtime running"')) resolve();
        if (chunk.includes('torn last line ignored')) result.tornTails++;
      });
    }),
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  void result.exit.then((code) => {
    if (code !== 0 && code !== null)
      console.error(`child exited ${code}: ${stderr}\n${buffer.slice(-2000)}`);
  });
  return result;
}

describe('SIGKILL at random points, then restart (pravah live against the fake Kite)', () => {
  it(`loses and duplicates nothing over ${KILLS} seeded kills`, async () => {
    fake = await startFakeKite();
    const f = fake;
    const walkRandom = seeded(20261122);
    const env = { ...process.env, KITE_API_KEY: f.apiKey, KITE_ACCESS_TOKEN: f.accessToken };

    // A seeded random walk of INFY prices, one tick every 25 ms, while children come and go.
    let price = 1500;
    f.setPrice('NSE:INFY', price);
    const walk = setInterval(() => {
      price = Math.max(1, Math.round((price + (walkRandom() - 0.5) * 2) * 20) / 20);
      f.setPrice('NSE:INFY', price);
    }, 25);

    const lanes = Array.from({ length: LANES }, (_, lane) => laneSetup(f, lane));
    let results: LaneResult[];
    try {
      results = await Promise.all(
        lanes.map((lane, i) =>
          killAndRestart(lane, Math.ceil(KILLS / LANES), seeded(1000 + i), env),
        ),
      );
      await sleep(800);
      clearInterval(walk);
      await sleep(1500); // the periodic reconciliation picks up the last fills
      for (const r of results) {
        r.last.process.kill('SIGTERM');
        expect(await r.last.exit).toBe(0);
      }
    } finally {
      clearInterval(walk);
    }

    // The broker's truth against the journals'.
    const broker = new KiteBroker({ apiKey: f.apiKey, accessToken: f.accessToken, root: f.url });
    let journalPosition = 0;
    let orders = 0;
    let duplicates = 0;
    let missing = 0;
    let lost = 0;
    let resolvedUnknown = 0;
    let starts = 0;
    let tornTails = 0;
    let killedBeforeReady = 0;
    for (const [i, lane] of lanes.entries()) {
      const key = runKey(lane.runId);
      const atBroker = f.book.orders().filter((o) => o.tag?.startsWith(key));
      const replayed = JournalFile.open(lane.journal);
      replayed.journal.close();
      const journalled = new OrderManager({
        broker,
        journal: { append: () => 0 },
        runId: lane.runId,
      });
      for (const record of replayed.replay.records) journalled.replay(record);
      const perTag = new Map<string, number>();
      for (const o of atBroker) perTag.set(o.tag ?? '', (perTag.get(o.tag ?? '') ?? 0) + 1);
      duplicates += [...perTag.values()].filter((n) => n > 1).length;
      missing += atBroker.filter((o) => journalled.get(o.tag ?? '') === undefined).length;
      lost += atBroker.filter(
        (o) => journalled.get(o.tag ?? '')?.filledQuantity !== o.filledQuantity,
      ).length;
      journalPosition += journalled
        .all()
        .reduce((n, o) => n + (o.request.side === 'BUY' ? 1 : -1) * o.filledQuantity, 0);
      resolvedUnknown += journalled
        .all()
        .filter((o) => o.history.some((h) => h.state === 'unknown')).length;
      starts += replayed.replay.records.filter((r) => r.kind === 'start').length;
      orders += atBroker.length;
      tornTails += results[i]?.tornTails ?? 0;
      killedBeforeReady += results[i]?.killedBeforeReady ?? 0;
    }
    await broker.close();
    const brokerPosition = f.book
      .positions()
      .filter((p) => p.instrument === 'NSE:INFY')
      .reduce((n, p) => n + p.quantity, 0);
    const kills = LANES * Math.ceil(KILLS / LANES);

    console.log(
      [
        `SIGKILL restarts: ${kills} kills in ${LANES} runs (${killedBeforeReady} during start-up), ${starts} starts, ${tornTails} torn journal tails recovered`,
        `orders at the broker: ${orders}, fills: ${f.book.trades().length}, orders resolved from "unknown": ${resolvedUnknown}`,
        `duplicate orders: ${duplicates}, broker orders missing from the journals: ${missing}, lost fills: ${lost}`,
        `final position: broker ${brokerPosition}, journals ${journalPosition}`,
      ].join('\n'),
    );
    expect(orders).toBeGreaterThan(kills);
    expect(duplicates).toBe(0);
    expect(missing).toBe(0);
    expect(lost).toBe(0);
    expect(journalPosition).toBe(brokerPosition);
    // A kill early in start-up can come before the journal's start record.
    expect(starts).toBeGreaterThanOrEqual(kills - killedBeforeReady + LANES);
    expect(starts).toBeLessThanOrEqual(kills + LANES);
  }, 600_000);
});

interface Lane {
  readonly runId: string;
  readonly journal: string;
  readonly config: string;
}

interface LaneResult {
  readonly last: Child;
  readonly tornTails: number;
  readonly killedBeforeReady: number;
}

function laneSetup(f: FakeKite, lane: number): Lane {
  const runId = `sigkill-${lane}`;
  const journal = path.join(dir, `${runId}.journal`);
  const config = path.join(dir, `${runId}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      runId,
      journal,
      universe: ['NSE:INFY'],
      params: { fast: 1, slow: 2, quantity: 1 },
      marketEvents: 'ticks',
      sessionAware: false,
      warmupDays: 0.001,
      http: { host: '127.0.0.1', port: 0 },
      log: { level: 'info' },
      broker: { baseUrl: f.url, tickerUrl: f.tickerUrl, timeoutMs: 2000 },
      limits: {
        maxOrdersPerMinute: 100000,
        maxConsecutiveRejections: 100000,
        staleDataSeconds: 100000,
        disconnectSeconds: 100000,
      },
    }),
  );
  return { runId, journal, config };
}

async function killAndRestart(
  lane: Lane,
  kills: number,
  random: () => number,
  env: NodeJS.ProcessEnv,
): Promise<LaneResult> {
  let tornTails = 0;
  let killedBeforeReady = 0;
  for (let i = 0; i < kills; i++) {
    const child = startChild(lane.config, env);
    // One kill in five lands anywhere in start-up (replay, reconcile); the rest while trading.
    if (random() < 0.2) {
      await Promise.race([child.ready.catch(() => undefined), sleep(random() * 1500)]);
      killedBeforeReady++;
    } else {
      await child.ready;
      await sleep(random() * 700);
    }
    child.process.kill('SIGKILL');
    await child.exit;
    tornTails += child.tornTails;
  }
  const last = startChild(lane.config, env);
  await last.ready;
  return { last, tornTails, killedBeforeReady };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
