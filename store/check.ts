import { printable, type Problem } from './check-problem.js';
import { checkSource } from './check-source.js';
import { parseKey, valueProblem } from './check-values.js';
import type { Db } from './source-writer.js';

export interface CheckReport {
  sources: number;
  snapshots: number;
  keys: number;
  problems: Problem[];
}

/** Values of these families can be dropped when they do not decode: they are rebuilt, or only a log. */
const DROPPABLE = new Set(['s', 'h', 'u', 'w', 'a', 'v']);
/** Families that make a source's records checked ('u' run records alone do not: a failed scrape writes only those). */
const PER_SOURCE = new Set(['m', 'r', 's', 'c', 'h']);
const PER_LOCATION = new Set(['r', 's', 'h']);
const RETRIES = 2;

/**
 * Check a whole database: every key and value decodes (one pass over all keys), then per source the
 * change chains, inference states, hourly aggregates and totals agree with the snapshot records.
 * Only reads; each problem carries the writes that would repair it.
 */
export async function checkStore(db: Db): Promise<CheckReport> {
  const report: CheckReport = { sources: 0, snapshots: 0, keys: 0, problems: [] };
  const locations = new Map<string, Set<string>>();
  for await (const [k, v] of db.iterator()) {
    report.keys++;
    const parsed = parseKey(k);
    if ('error' in parsed) {
      report.problems.push({
        kind: 'key',
        key: printable(k),
        message: `a key that does not decode: ${parsed.error}`,
        fix: [{ type: 'del', key: k }],
      });
      continue;
    }
    const { family, parts } = parsed;
    const problem = valueProblem(family, v);
    if (problem !== undefined) {
      const fix = DROPPABLE.has(family) ? [{ type: 'del' as const, key: k }] : [];
      report.problems.push({
        kind: 'value',
        key: printable(k),
        message: `a value that does not decode: ${problem}`,
        fix,
      });
    }
    if (!PER_SOURCE.has(family)) continue;
    const sourceId = parts[0]!;
    if (!locations.has(sourceId)) locations.set(sourceId, new Set());
    if (PER_LOCATION.has(family)) locations.get(sourceId)!.add(parts[1]!);
  }
  for (const [sourceId, seen] of locations) {
    let result = await checkSource(db, sourceId, seen);
    // A source written while we read (the live app owns the db) can look wrong once; real damage stays.
    for (let again = 0; again < RETRIES && result.problems.length > 0; again++)
      result = await checkSource(db, sourceId, seen);
    const { snapshots, problems } = result;
    report.sources++;
    report.snapshots += snapshots;
    report.problems.push(...problems);
  }
  return report;
}
