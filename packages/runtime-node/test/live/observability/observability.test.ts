import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createLiveLogger,
  LiveMetrics,
  sdkLogger,
  startHealthServer,
  type HealthServer,
} from '../../../src/live/observability/index.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('createLiveLogger', () => {
  it('never writes a token: not in fields, nested fields, messages, error text or URLs', async () => {
    const token = 'tok_9f8e7d6c5b4a39281706';
    const out = capture();
    const log = createLiveLogger({ secrets: [token], destination: out.stream });
    log.info({ accessToken: token, broker: { api_key: token, name: 'kite' } }, 'login ok');
    log.warn(`GET https://api.kite.trade/orders?access_token=${token} failed`);
    log.error({ err: new Error(`token ${token} expired`) }, 'session');
    sdkLogger(log).info('from a strategy', { headers: { authorization: `token k:${token}` } });
    log.flush();
    await new Promise((r) => setImmediate(r));
    const text = out.text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(4);
    expect(text).not.toContain(token);
    expect(text).toContain('[REDACTED]');
    expect(JSON.parse(text.split('\n')[0] ?? '{}')).toMatchObject({
      msg: 'login ok',
      accessToken: '[REDACTED]',
      broker: { api_key: '[REDACTED]', name: 'kite' },
    });
  });
});

describe('health and metrics endpoint (real socket)', () => {
  let server: HealthServer | undefined;
  afterAll(async () => server?.close());

  it('serves /health (200 or 503) and /metrics in Prometheus text', async () => {
    const metrics = new LiveMetrics();
    let ok = true;
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      metrics,
      health: () => ({ ok, phase: 'running' }),
    });
    metrics.orderMoved(undefined, 'created');
    metrics.orderMoved('created', 'submitting');
    metrics.orderMoved('submitting', 'open');
    metrics.fills.inc();
    metrics.rejections.inc(2);
    metrics.reconnects.inc();
    metrics.tickToIntent.observe(0.00002);
    metrics.pnl.set({ kind: 'realised' }, 1250.5);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, phase: 'running' });
    ok = false;
    expect((await fetch(`${server.url}/health`)).status).toBe(503);

    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('pravah_orders{state="open"} 1');
    expect(text).toContain('pravah_orders{state="created"} 0');
    expect(text).toContain('pravah_fills_total 1');
    expect(text).toContain('pravah_rejections_total 2');
    expect(text).toContain('pravah_reconnects_total 1');
    expect(text).toContain('pravah_tick_to_intent_seconds_bucket{le="0.000025"} 1');
    expect(text).toContain('pravah_pnl_rupees{kind="realised"} 1250.5');
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});
