import { UpstoxBroker, type UpstoxBrokerOptions } from '../../src/upstox/index.js';
import type { FakeUpstox } from '../../src/testing/upstox/index.js';

/** A broker wired to a fake, with short feed backoffs for the tests. */
export function brokerFor(
  fake: FakeUpstox,
  extra: Partial<UpstoxBrokerOptions> = {},
): UpstoxBroker {
  return new UpstoxBroker({
    session: fake.session(),
    baseUrl: fake.baseUrl,
    orderBaseUrl: fake.orderBaseUrl,
    instrumentsUrl: fake.instrumentsUrl,
    timeoutMs: 5_000,
    feed: { initialBackoffMs: 20, maxBackoffMs: 200 },
    ...extra,
  });
}

/** Polls until `check` returns true (no fixed sleeps: the machine may be loaded). */
export async function waitFor(
  check: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
