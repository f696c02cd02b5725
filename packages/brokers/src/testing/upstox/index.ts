export { startFakeUpstox, type FakeUpstox, type FakeUpstoxOptions } from './fake-upstox-server.js';
export { FakeUpstoxFeed, type FakeFeedRequest } from './fake-upstox-feed.js';
export { FakeUpstoxFaults, type FakeUpstoxFault } from './fake-upstox-faults.js';
export {
  FAKE_UPSTOX_INSTRUMENTS,
  type FakeUpstoxInstrumentRow,
} from './fake-upstox-instruments.js';
export {
  encodeUpstoxFeed,
  fakeFeedEntry,
  FAKE_REQUEST_MODES,
  type FakeDepthLevel,
  type FakeFeedQuote,
  type FakeLtpc,
} from './encode-upstox-feed.js';
export {
  candleRequestProblem,
  fakeCandles,
  type FakeCandleRequest,
} from './fake-upstox-candles.js';
