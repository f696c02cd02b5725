export { leastSquares, type LeastSquaresFit } from './least-squares.js';
export {
  engleGranger,
  type EngleGrangerOptions,
  type EngleGrangerResult,
} from './engle-granger.js';
export { engleGrangerCriticalValue, type SignificanceLevel } from './mackinnon.js';
export { StatisticsInputError } from './statistics-error.js';
