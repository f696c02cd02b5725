export { PaperBroker } from './paper-broker.js';
export {
  checkPaperOptions,
  type CandleSource,
  type PaperBrokerOptions,
} from './paper-broker-options.js';
export { PaperHistoryUnavailableError } from './paper-errors.js';
export { PaperPortfolio } from './paper-portfolio.js';
export { InMemoryPaperStore, type PaperStore } from './paper-store.js';
export { JsonFilePaperStore, PaperStoreCorruptError } from './json-file-paper-store.js';
export {
  PaperSnapshotSchema,
  parsePaperSnapshot,
  type PaperOrderRecord,
  type PaperSessionState,
  type PaperSnapshot,
  type PaperWorkingOrder,
} from './paper-snapshot.js';
