export {
  createLiveLogger,
  sdkLogger,
  REDACTED_FIELDS,
  type LiveLoggerOptions,
} from './live-logger.js';
export { LiveMetrics } from './live-metrics.js';
export { startHealthServer, type HealthServer, type HealthStatus } from './health-server.js';
