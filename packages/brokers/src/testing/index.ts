export * from './fake-exchange/index.js';
export * from './kite/index.js';
