export {
  startFakeSmartApi,
  type FakeSmartApi,
  type FakeSmartApiFailure,
  type FakeSmartApiFaults,
  type FakeSmartApiOptions,
  type FakeSmartApiRequest,
} from './fake-smartapi.js';
export { FakeSmartApiFeed, type FakeFeedSubscription } from './fake-smartapi-feed.js';
export { FakeSmartApiOrderFeed } from './fake-smartapi-order-feed.js';
export {
  encodeSmartApiTick,
  type FakeSmartApiLevel,
  type FakeSmartApiTick,
} from './fake-smartapi-tick-encoder.js';
export { DEFAULT_FAKE_SCRIPS, type FakeScripRecord } from './fake-smartapi-scrips.js';
export { fakeCandles, fakeCandlePrice } from './fake-smartapi-candles.js';
