export {
  LiveConfigSchema,
  BROKER_SECRETS,
  type LiveConfig,
  type LiveBrokerName,
} from './live-config.js';
export { loadLiveConfig } from './load-live-config.js';
export { readSecrets, MissingSecretError } from './read-secrets.js';
export { createBrokers, type RunBrokers } from './create-broker.js';
