import { PaperBroker, type Broker } from '@pravah/brokers';
import { KiteBroker } from '@pravah/brokers/kite';
import type { InstrumentId } from '@pravah/sdk';
import type { LiveConfig } from './live-config.js';
import { readSecrets } from './read-secrets.js';

/** The brokers a run talks to: `orders` takes the orders, `data` streams the market. */
export interface RunBrokers {
  readonly orders: Broker;
  readonly data: Broker;
  /** Every secret value read, for the logger to scrub. */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

/**
 * Creates the brokers of a run. `live` and `dry-run` use the named broker for both orders and
 * market data; `paper` sends orders to a {@link PaperBroker} fed by the named broker's market
 * data (`--broker paper` takes the data broker from `paper.dataFrom` in the config). Secrets
 * come from the environment or the secrets file only.
 *
 * @example
 * ```ts
 * const brokers = await createBrokers('paper', 'kite', config, ['NSE:INFY'], process.env);
 * ```
 */
export async function createBrokers(
  mode: 'live' | 'paper' | 'dry-run',
  name: 'kite' | 'upstox' | 'smartapi' | 'paper',
  config: LiveConfig,
  universe: readonly InstrumentId[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<RunBrokers> {
  const dataName = name === 'paper' ? config.paper.dataFrom : name;
  const secrets = readSecrets(dataName, config.secrets, env);
  const data = await realBroker(dataName, config, secrets);
  const values = Object.values(secrets);
  if (mode !== 'paper' && name !== 'paper') {
    return { orders: data, data, secrets: values, close: () => data.close() };
  }
  const all = await data.instruments();
  const wanted = new Set<string>(universe);
  const paper = new PaperBroker({
    ticks: data.subscribe(universe, 'quote'),
    instruments: all.filter((i) => wanted.has(i.id)),
    capital: config.paper.capital,
    candles: (instrument, timeframe, from, to) =>
      data.historicalCandles(instrument, timeframe, from, to),
  });
  return {
    orders: paper,
    data,
    secrets: values,
    close: async () => {
      await paper.close();
      await data.close();
    },
  };
}

// Upstox and SmartAPI load on demand: a Kite run does not pay for protobuf and their schemas.
async function realBroker(
  name: 'kite' | 'upstox' | 'smartapi',
  config: LiveConfig,
  secrets: Record<string, string>,
): Promise<Broker> {
  const endpoints = config.broker;
  const timeout = endpoints.timeoutMs === undefined ? {} : { timeoutMs: endpoints.timeoutMs };
  switch (name) {
    case 'kite':
      return new KiteBroker({
        apiKey: secrets['apiKey'] ?? '',
        accessToken: secrets['accessToken'] ?? '',
        ...(endpoints.baseUrl === undefined ? {} : { root: endpoints.baseUrl }),
        ...(endpoints.tickerUrl === undefined ? {} : { tickerUrl: endpoints.tickerUrl }),
        ...timeout,
      });
    case 'upstox': {
      const { UpstoxBroker, upstoxTokenExpiry } = await import('@pravah/brokers/upstox');
      return new UpstoxBroker({
        session: {
          accessToken: secrets['accessToken'] ?? '',
          expiresAt: upstoxTokenExpiry(Date.now()),
        },
        ...(endpoints.baseUrl === undefined ? {} : { baseUrl: endpoints.baseUrl }),
        ...timeout,
      });
    }
    case 'smartapi': {
      const { SmartApiBroker } = await import('@pravah/brokers/smartapi');
      return new SmartApiBroker({
        apiKey: secrets['apiKey'] ?? '',
        clientCode: secrets['clientCode'] ?? '',
        pin: secrets['pin'] ?? '',
        totpSecret: secrets['totpSecret'] ?? '',
        ...(endpoints.baseUrl === undefined ? {} : { baseUrl: endpoints.baseUrl }),
        ...(endpoints.tickerUrl === undefined ? {} : { feedUrl: endpoints.tickerUrl }),
        ...timeout,
      });
    }
  }
}
