export { createRuntime, type LiveRuntime, type RuntimePhase } from './live-runtime.js';
export type { RuntimeOptions, LiveMode } from './runtime-options.js';
export { endOfDayReport, type EndOfDayReport } from './end-of-day-report.js';
export { LivePortfolio, toSdkOrder } from './live-portfolio.js';
export { PositionBook, type BookPosition } from './position-book.js';
export { sessionState, type SessionState } from './session-window.js';
export { EmptyUniverseError, UnknownLiveInstrumentError } from './runtime-errors.js';
export { retryBrokerRead } from './retry-broker-read.js';
