/**
 * @pravah/sdk: the market model, IST calendar, data feeds, streaming indicators and the typed
 * strategy graph.
 *
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './model/index.js';
export * from './graph/index.js';
export * from './time/index.js';
export * from './calendar/index.js';
export * from './feeds/index.js';
export * from './parsers/index.js';
export * from './resample/index.js';
export * from './indicators/index.js';
export * from './synthetic/index.js';
export * from './signals/index.js';
export * from './sizers/index.js';
export * from './execution/index.js';
export * from './guards/index.js';
export * from './slippage/index.js';
