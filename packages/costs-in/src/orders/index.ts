export {
  ChargeOrderSchema,
  TRADED_INSTRUMENT_TYPES,
  type ChargeOrder,
  type TradedInstrumentType,
} from './charge-order.js';
export { parseChargeOrder } from './parse-order.js';
