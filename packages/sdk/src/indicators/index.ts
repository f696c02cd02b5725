export type { Indicator, OhlcvInput } from './indicator.js';
