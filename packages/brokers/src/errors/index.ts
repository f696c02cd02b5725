export { BrokerError, type BrokerErrorDetails, type BrokerName } from './broker-error.js';
export {
  TokenExpiredError,
  InputRejectedError,
  OrderRejectedError,
  InsufficientFundsError,
  RateLimitedError,
  NetworkError,
  BrokerUnavailableError,
  UnmappedValueError,
  BrokerPayloadError,
} from './broker-errors.js';
