import { startFakeKite, type FakeKite } from '@pravah/brokers/testing';
import type { InstrumentId } from '@pravah/sdk';

/** A fake Kite market for `--demo`: its URLs and credentials, and how to stop it. */
export interface DemoMarket {
  readonly fake: FakeKite;
  /** The environment variables a Kite run reads its secrets from, pointing at the fake. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Starts the fake Kite server on loopback with a seeded random walk of prices for the
 * instruments (one tick every `intervalMs`), so that `pravah paper <strategy> --demo` shows the
 * whole live path (REST, binary ticker, postbacks, journal, metrics) without an account.
 *
 * @example
 * ```ts
 * const market = await startDemoMarket(['NSE:INFY']);
 * // ... run against market.fake.url / market.fake.tickerUrl with market.env ...
 * await market.close();
 * ```
 */
export async function startDemoMarket(
  instruments: readonly InstrumentId[],
  intervalMs = 200,
  seed = 1,
): Promise<DemoMarket> {
  const fake = await startFakeKite();
  let state = seed >>> 0 || 1;
  const random = (): number => {
    // xorshift32: the demo's prices are the same on every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const prices = new Map<InstrumentId, number>(instruments.map((id) => [id, 1500]));
  for (const [id, price] of prices) fake.setPrice(id, price);
  const timer = setInterval(() => {
    for (const [id, price] of prices) {
      const next = Math.max(1, Math.round((price + (random() - 0.5) * 4) * 20) / 20);
      prices.set(id, next);
      fake.setPrice(id, next);
    }
  }, intervalMs);
  return {
    fake,
    env: { KITE_API_KEY: fake.apiKey, KITE_ACCESS_TOKEN: fake.accessToken },
    close: async () => {
      clearInterval(timer);
      await fake.close();
    },
  };
}
