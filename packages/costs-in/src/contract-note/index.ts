export {
  contractNote,
  type ContractNote,
  type ContractNoteOptions,
  type ContractNoteOrder,
} from './contract-note.js';
export { ContractNoteFillSchema, type ContractNoteFill } from './contract-note-fill.js';
export type { SegmentStt } from '../charges/aggregate.js';
export type { DpCharges, DpDebit } from './dp-charges.js';
