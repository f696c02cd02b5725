// Starts a node:http server on an ephemeral loopback port with the fake Kite ticker attached.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  attachFakeKiteTicker,
  type FakeKiteTicker,
} from '../../../src/testing/kite/fake-kite-ticker.js';

export const API_KEY = 'kitefront';
export const ACCESS_TOKEN = 'tok-123';

export interface RunningFake {
  readonly fake: FakeKiteTicker;
  /** ws:// root of the ticker, with a trailing slash like Kite's. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startFakeKite(heartbeatMs?: number): Promise<RunningFake> {
  const server = createServer((_request, response) => response.writeHead(404).end());
  const fake = attachFakeKiteTicker(server, {
    isValidSession: (apiKey, accessToken) => apiKey === API_KEY && accessToken === ACCESS_TOKEN,
    ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    fake,
    url: `ws://127.0.0.1:${port}/`,
    stop: async () => {
      fake.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Polls until `condition` holds (no fixed sleeps: the machine may be loaded). */
export async function until(
  condition: () => boolean,
  what = 'condition',
  timeoutMs = 15_000,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
