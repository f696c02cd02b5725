export type { Broker, BrokerPositions } from './broker.js';
export {
  CLIENT_TAG_PATTERN,
  type BrokerOrder,
  type BrokerValidity,
  type OrderAck,
  type OrderModification,
  type OrderRequest,
  type OrderVariety,
} from './order-request.js';
export type { ConnectionState, Funds, Holding, SubscriptionMode } from './account.js';
