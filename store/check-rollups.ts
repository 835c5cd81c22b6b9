import type { RollupSums } from './build-rollups.js';
import type { Db } from './db.js';
import { encodeRollup } from './day-rollup.js';
import { printable, type Problem, type RepairOp } from './check-problem.js';
import { key, lastPart, range, PREFIX } from './keys.js';

/** The day rollups of a source against those summed from its records (up to the day of `upTo`), with their fix. */
export async function rollupProblem(
  db: Db,
  sourceId: string,
  expected: RollupSums,
  upTo: string | undefined,
): Promise<Problem | undefined> {
  const want = new Map([...expected.days].map(([day, rollup]) => [day, Buffer.from(encodeRollup(rollup))]));
  const fix: RepairOp[] = [];
  for await (const [k, v] of db.iterator(range([PREFIX.dayRollup, sourceId], undefined, upTo?.slice(0, 10)))) {
    const day = lastPart(k);
    const value = want.get(day);
    want.delete(day);
    if (!value) fix.push({ type: 'del', key: k });
    else if (!value.equals(v)) fix.push({ type: 'put', key: k, value });
  }
  for (const [day, value] of want) fix.push({ type: 'put', key: key(PREFIX.dayRollup, sourceId, day), value });
  if (fix.length === 0) return undefined;
  fix.sort((a, b) => (a.key < b.key ? -1 : 1));
  const first = lastPart(fix[0]!.key);
  const message = `${sourceId}: ${fix.length} day rollup(s) disagree with its records (first on ${first})`;
  return { kind: 'rollup', key: printable(key(PREFIX.dayRollup, sourceId)), message, fix };
}
