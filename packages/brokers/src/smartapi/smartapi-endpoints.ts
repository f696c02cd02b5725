/** A per-window limit: at most `limit` calls in `windowMs`. */
export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** One SmartAPI REST route with its documented client-side rate limits. */
export interface SmartApiEndpoint {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly limits: readonly WindowLimit[];
  /** Whether unknown business errors of this route are order rejections. */
  readonly orderCall?: boolean;
  /** Login and refresh go without a session. */
  readonly public?: boolean;
}

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const perSecond = (n: number): WindowLimit => ({ limit: n, windowMs: SECOND });
const ORDER_LIMITS = [
  perSecond(20),
  { limit: 500, windowMs: MINUTE },
  { limit: 1000, windowMs: HOUR },
];
const DATA_LIMITS = [
  perSecond(10),
  { limit: 500, windowMs: MINUTE },
  { limit: 5000, windowMs: HOUR },
];

const AUTH = '/rest/auth/angelbroking';
const SECURE = '/rest/secure/angelbroking';

/**
 * SmartAPI routes (BROKERS.md §3.1-3.2) and their rate limits (§3.4, forum admin post). Each
 * route has its own limiters.
 *
 * @example
 * ```ts
 * SMARTAPI_ENDPOINTS.placeOrder.path; // '/rest/secure/angelbroking/order/v1/placeOrder'
 * ```
 */
export const SMARTAPI_ENDPOINTS = {
  login: {
    name: 'loginByPassword',
    method: 'POST',
    path: `${AUTH}/user/v1/loginByPassword`,
    limits: [perSecond(1)],
    public: true,
  },
  generateTokens: {
    name: 'generateTokens',
    method: 'POST',
    path: `${AUTH}/jwt/v1/generateTokens`,
    limits: [perSecond(1), { limit: 1000, windowMs: HOUR }],
  },
  profile: {
    name: 'getProfile',
    method: 'GET',
    path: `${SECURE}/user/v1/getProfile`,
    limits: [perSecond(3), { limit: 1000, windowMs: HOUR }],
  },
  logout: {
    name: 'logout',
    method: 'POST',
    path: `${SECURE}/user/v1/logout`,
    limits: [perSecond(1)],
  },
  rms: { name: 'getRMS', method: 'GET', path: `${SECURE}/user/v1/getRMS`, limits: [perSecond(2)] },
  placeOrder: {
    name: 'placeOrder',
    method: 'POST',
    path: `${SECURE}/order/v1/placeOrder`,
    limits: ORDER_LIMITS,
    orderCall: true,
  },
  modifyOrder: {
    name: 'modifyOrder',
    method: 'POST',
    path: `${SECURE}/order/v1/modifyOrder`,
    limits: ORDER_LIMITS,
    orderCall: true,
  },
  cancelOrder: {
    name: 'cancelOrder',
    method: 'POST',
    path: `${SECURE}/order/v1/cancelOrder`,
    limits: ORDER_LIMITS,
    orderCall: true,
  },
  orderBook: {
    name: 'getOrderBook',
    method: 'GET',
    path: `${SECURE}/order/v1/getOrderBook`,
    limits: [perSecond(1)],
  },
  orderDetails: {
    name: 'details',
    method: 'GET',
    path: `${SECURE}/order/v1/details`,
    limits: DATA_LIMITS,
  },
  tradeBook: {
    name: 'getTradeBook',
    method: 'GET',
    path: `${SECURE}/order/v1/getTradeBook`,
    limits: [perSecond(1)],
  },
  positions: {
    name: 'getPosition',
    method: 'GET',
    path: `${SECURE}/order/v1/getPosition`,
    limits: [perSecond(1)],
  },
  holdings: {
    name: 'getHolding',
    method: 'GET',
    path: `${SECURE}/portfolio/v1/getHolding`,
    limits: [perSecond(1)],
  },
  quote: { name: 'quote', method: 'POST', path: `${SECURE}/market/v1/quote/`, limits: DATA_LIMITS },
  candles: {
    name: 'getCandleData',
    method: 'POST',
    path: `${SECURE}/historical/v1/getCandleData`,
    limits: [perSecond(3), { limit: 500, windowMs: MINUTE }, { limit: 5000, windowMs: HOUR }],
  },
} as const satisfies Record<string, SmartApiEndpoint>;

/** Name of a SmartAPI route in {@link SMARTAPI_ENDPOINTS}. */
export type SmartApiRoute = keyof typeof SMARTAPI_ENDPOINTS;

/** Most instrument tokens one market quote request may carry (ADOC). */
export const QUOTE_BATCH_SIZE = 50;

/** Default scrip master location (OA; no auth). */
export const SCRIP_MASTER_URL =
  'https://margincalculator.angelbroking.com/OpenAPI_File/files/OpenAPIScripMaster.json';

/** Default hosts (BROKERS.md §3.1, §3.5). */
export const SMARTAPI_BASE_URL = 'https://apiconnect.angelone.in';
export const SMARTAPI_FEED_URL = 'wss://smartapisocket.angelone.in/smart-stream';
export const SMARTAPI_ORDER_FEED_URL = 'wss://tns.angelone.in/smart-order-update';
