export { PravahError } from './pravah-error.js';
export { ValidationError, type ValidationIssue, formatValue } from './validation-error.js';
export { parseWith } from './parse.js';
