import { KiteBroker } from '../../src/kite/index.js';
import { startFakeKite } from '../../src/testing/kite/index.js';
import { describeBrokerConformance } from '../conformance/broker-conformance.js';

const IST = (y: number, mo: number, d: number): number => Date.UTC(y, mo - 1, d) - 19_800_000;

describeBrokerConformance('kite', async () => {
  const fake = await startFakeKite();
  const broker = new KiteBroker({
    apiKey: fake.apiKey,
    accessToken: fake.accessToken,
    root: fake.url,
    tickerUrl: fake.tickerUrl,
    // Short enough for the timeout-after-accept case, long enough for a loaded machine.
    timeoutMs: 2_000,
    ticker: { initialBackoffMs: 50, maxBackoffMs: 500 },
  });
  return {
    broker,
    book: fake.book,
    equity: 'NSE:INFY',
    // Six years of day candles: more than Kite's 2000-day span, so two requests.
    candles: {
      instrument: 'NSE:INFY',
      timeframe: '1d',
      from: IST(2015, 1, 1),
      to: IST(2021, 1, 1),
    },
    publishPrice: (instrument, price) => fake.setPrice(instrument, price),
    faults: fake.faults,
    close: async () => {
      await broker.close();
      await fake.close();
    },
  };
});
