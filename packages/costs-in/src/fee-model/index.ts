export { feeModel } from './fee-model.js';
export { fillCharger, type FillCharger } from './fill-charger.js';
export { chargesForFill } from './charges-for-fill.js';
export { fillToChargeOrder, AUTO_SQUARE_OFF_REASON } from './fill-order.js';
