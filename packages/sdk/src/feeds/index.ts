export { FeedOrderError } from './feed-order-error.js';
export { fromArray } from './from-array.js';
export { fromIterable } from './from-iterable.js';
export { fromAsyncIterable } from './from-async-iterable.js';
export { mergeIterablesByTime } from './merge-iterables-by-time.js';
export { mergeByTime } from './merge-by-time.js';
