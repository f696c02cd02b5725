export {
  contractNote,
  type ContractNote,
  type ContractNoteOptions,
  type ContractNoteOrder,
  type DpCharges,
  type DpDebit,
} from './contract-note.js';
export { ContractNoteFillSchema, type ContractNoteFill } from './contract-note-fill.js';
export type { SegmentStt } from '../charges/aggregate.js';
