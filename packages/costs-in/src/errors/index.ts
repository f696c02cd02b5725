export { RateNotScheduledError, type RateNotScheduledDetails } from './rate-not-scheduled-error.js';
