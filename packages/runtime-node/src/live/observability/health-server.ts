import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveMetrics } from './live-metrics.js';

/** What `/health` reports. `ok` false answers 503. */
export interface HealthStatus {
  readonly ok: boolean;
  readonly [field: string]: unknown;
}

/** A running health and metrics endpoint. */
export interface HealthServer {
  /** Base URL, e.g. `http://127.0.0.1:39121`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /health` (JSON, 200 or 503) and `GET /metrics` (Prometheus text) over node:http.
 * Port 0 picks a free port.
 *
 * @example
 * ```ts
 * const server = await startHealthServer({ host: '127.0.0.1', port: 9464, metrics,
 *   health: () => runtime.health() });
 * console.log(`${server.url}/metrics`);
 * ```
 */
export async function startHealthServer(options: {
  readonly host: string;
  readonly port: number;
  readonly metrics: LiveMetrics;
  readonly health: () => HealthStatus;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (url === '/health') {
      const status = options.health();
      response
        .writeHead(status.ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(status));
      return;
    }
    if (url === '/metrics') {
      options.metrics.registry.metrics().then(
        (text) =>
          response
            .writeHead(200, { 'content-type': options.metrics.registry.contentType })
            .end(text),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
      return;
    }
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end('not found: try /health or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
