import { checkStore, type CheckReport } from './check.js';
import type { Problem, RepairOp } from './check-problem.js';
import type { Db } from './source-writer.js';

export interface RepairReport {
  /** The problems repaired, and those that could not be. */
  repaired: Problem[];
  unrepairable: Problem[];
  /** The check after the repair. */
  after: CheckReport;
}

/** Batches stay bounded; each holds whole problems, so a crash mid-repair leaves each problem fixed or not. */
const BATCH_OPS = 10_000;

/**
 * Repair what `check` found: drops come first (undecodable keys and values), then rebuilt states,
 * aggregates and totals, in atomic batches. Problems without writes (lost rows) stay: they need a re-import.
 */
export async function repairStore(db: Db, before: CheckReport): Promise<RepairReport> {
  const repaired = before.problems.filter((p) => p.fix.length > 0);
  const drops = repaired.filter((p) => p.kind === 'key' || p.kind === 'value');
  const rebuilds = repaired.filter((p) => !drops.includes(p));
  for (const group of [drops, rebuilds]) {
    let batch: RepairOp[] = [];
    for (const problem of group) {
      if (batch.length > 0 && batch.length + problem.fix.length > BATCH_OPS) batch = await write(db, batch);
      batch.push(...problem.fix);
    }
    await write(db, batch);
  }
  return { repaired, unrepairable: before.problems.filter((p) => p.fix.length === 0), after: await checkStore(db) };
}

async function write(db: Db, ops: RepairOp[]): Promise<RepairOp[]> {
  if (ops.length > 0) await db.batch(ops);
  return [];
}
