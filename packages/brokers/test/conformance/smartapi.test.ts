import { SmartApiBroker } from '../../src/smartapi/index.js';
import { startFakeSmartApi } from '../../src/testing/smartapi/index.js';
import { describeBrokerConformance } from './broker-conformance.js';

describeBrokerConformance('smartapi', async () => {
  // Server-side limits stay on; the adapter's own limiter must keep it under them.
  const fake = await startFakeSmartApi();
  const broker = await SmartApiBroker.login({
    apiKey: fake.apiKey,
    clientCode: fake.clientCode,
    pin: fake.pin,
    totpSecret: fake.totpSecret,
    baseUrl: fake.baseUrl,
    feedUrl: fake.wsUrl,
    orderFeedUrl: fake.orderWsUrl,
    instrumentsUrl: fake.instrumentsUrl,
    timeoutMs: 1500,
    reconnectBackoffMs: 50,
  });
  return {
    broker,
    book: fake.orderBook,
    equity: 'NSE:SBIN',
    candles: {
      instrument: 'NSE:SBIN',
      timeframe: '1m',
      from: Date.UTC(2025, 0, 1, 3, 45),
      to: Date.UTC(2025, 1, 14, 10, 0),
    },
    publishPrice: (instrument, price) => {
      fake.orderBook.setPrice(instrument, price);
      if (instrument === 'NSE:SBIN') {
        fake.feed.publish({ exchangeType: 1, token: '3045', exchangeTime: Date.now(), ltp: price });
      }
    },
    faults: {
      unavailableOnce: () => fake.faults.failNext('getRMS', 'http-503'),
      rateLimitOnce: () => fake.faults.failNext('getRMS', 'http-429'),
      timeoutAfterAcceptOnce: () => fake.faults.failNext('placeOrder', 'timeout-after-accept'),
      expireToken: () => fake.faults.expireSessions(),
      dropMarketData: () => fake.feed.dropConnections(),
    },
    close: async () => {
      await broker.close();
      await fake.close();
    },
  };
});
