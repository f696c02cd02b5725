export * from './fake-exchange/index.js';
export * from './kite/index.js';
export * from './upstox/index.js';
export { fakeCandles as fakeUpstoxCandles } from './upstox/index.js';
// Listed one by one: SmartAPI's `fakeCandles` would clash with Upstox's under `export *`.
export {
  startFakeSmartApi,
  FakeSmartApiFeed,
  FakeSmartApiOrderFeed,
  encodeSmartApiTick,
  DEFAULT_FAKE_SCRIPS,
  fakeCandles as fakeSmartApiCandles,
  fakeCandlePrice,
  type FakeSmartApi,
  type FakeSmartApiFailure,
  type FakeSmartApiFaults,
  type FakeSmartApiOptions,
  type FakeSmartApiRequest,
  type FakeFeedSubscription,
  type FakeSmartApiLevel,
  type FakeSmartApiTick,
  type FakeScripRecord,
} from './smartapi/index.js';
