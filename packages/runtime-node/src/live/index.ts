export * from './order-manager/index.js';
export * from './journal/index.js';
export * from './market/index.js';
export * from './guards/index.js';
export * from './observability/index.js';
export * from './config/index.js';
export * from './runtime/index.js';
export * from './demo/index.js';
