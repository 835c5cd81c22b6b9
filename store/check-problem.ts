import { SEPARATOR } from './keys.js';

/** One write of a repair. */
export type RepairOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

/** What `check` can find wrong, in the order its summary lists them. */
export const PROBLEM_KINDS = ['key', 'value', 'chain', 'dangling', 'state', 'aggregate', 'rollup', 'totals'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** One problem: where (a key, printable), what, and the writes that repair it (none: it cannot be rebuilt). */
export interface Problem {
  kind: ProblemKind;
  key: string;
  message: string;
  fix: RepairOp[];
}

/** A key as text a person can read: parts joined by spaces. */
export const printable = (k: string): string => k.replaceAll(SEPARATOR, ' ');
