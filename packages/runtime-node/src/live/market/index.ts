export { TickBarBuilder, type CompletedBar } from './tick-bar-builder.js';
export { warmupBars } from './warmup-bars.js';
