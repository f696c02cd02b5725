import { startFakeUpstox } from '../../src/testing/upstox/index.js';
import { UpstoxBroker } from '../../src/upstox/index.js';
import { describeBrokerConformance } from './broker-conformance.js';

describeBrokerConformance('upstox', async () => {
  const fake = await startFakeUpstox();
  const broker = new UpstoxBroker({
    session: fake.session(),
    baseUrl: fake.baseUrl,
    orderBaseUrl: fake.orderBaseUrl,
    instrumentsUrl: fake.instrumentsUrl,
    timeoutMs: 1500,
    feed: { initialBackoffMs: 20, maxBackoffMs: 200 },
  });
  return {
    broker,
    book: fake.orderBook,
    equity: 'NSE:RELIANCE',
    candles: {
      instrument: 'NSE:INFY',
      timeframe: '1m',
      from: Date.parse('2024-01-01T09:15:00+05:30'),
      to: Date.parse('2024-02-15T15:29:00+05:30'),
    },
    publishPrice: (instrument, price) => fake.setPrice(instrument, price),
    faults: {
      unavailableOnce: () => fake.faults.next({ kind: 'status', status: 503 }),
      rateLimitOnce: () => fake.faults.next({ kind: 'status', status: 429 }),
      timeoutAfterAcceptOnce: () =>
        fake.faults.next({ kind: 'timeoutAfterAccept' }, /\/order\/place$/),
      expireToken: () => fake.expireTokens(),
      dropMarketData: () => fake.feed.dropAll(),
    },
    close: async () => {
      await broker.close();
      await fake.close();
    },
  };
});
