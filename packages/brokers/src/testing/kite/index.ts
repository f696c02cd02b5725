export {
  startFakeKite,
  type FakeKite,
  type FakeKiteOptions,
  type FakeKiteInstrument,
  type FakeKiteRateLimits,
  type FakeKiteRequest,
} from './fake-kite-server.js';
export { FakeKiteFaults, type FakeKiteFailure } from './fake-kite-faults.js';
export { KiteFixtures, defaultKiteFixturesDir } from './fake-kite-fixtures.js';
export { fakeKiteCandles } from './fake-kite-candles.js';
export { kiteOrderJson, kiteTradeJson, kitePositionJson } from './fake-kite-wire.js';
export {
  attachFakeKiteTicker,
  type FakeKiteTicker,
  type FakeKiteTickerClient,
  type FakeKiteTickerOptions,
} from './fake-kite-ticker.js';
export { encodeKiteTicks, KiteTickEncodeError } from './kite-tick-encoder.js';
