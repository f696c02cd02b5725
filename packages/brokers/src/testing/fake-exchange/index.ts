export { FakeOrderBook, type FakeOrderBookOptions } from './fake-order-book.js';
export { FakeOrderError, type FakeOrderErrorCode } from './fake-order-error.js';
export type { FakePosition, FakeTrade } from './fake-types.js';
