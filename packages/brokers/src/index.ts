export * from './port/index.js';
export * from './errors/index.js';
export * from './transport/index.js';
export * from './paper/index.js';
