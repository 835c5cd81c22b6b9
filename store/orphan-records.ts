import type { Db } from './db.js';
import { key, type Prefix, range, PREFIX } from './keys.js';
import { floorHour, floorQuarter, formatWallTime, parseWallTime } from '../core/wall-clock.js';

const CHUNK = 5_000;

/**
 * Delete a source's records later than its last stored snapshot `last` (everything of it when undefined): what an
 * import wrote before it was undone, or left by an undo that was cut short. No record can be later than `last`
 * otherwise (a writer refuses snapshots not later than it), so the undo needs no list of the keys it added.
 * `keep` are keys restored to their values before the import (aggregates of the hour of `last`).
 */
export async function deleteRecordsAfter(
  db: Db,
  sourceId: string,
  locations: readonly string[],
  last: string | undefined,
): Promise<void> {
  const hour = last === undefined ? undefined : formatWallTime(floorHour(floorQuarter(parseWallTime(last))));
  const ranges = [after([PREFIX.snapshot, sourceId], last), after([PREFIX.dayRollup, sourceId], hour?.slice(0, 10))];
  for (const location of locations) {
    ranges.push(after([PREFIX.row, sourceId, location], last), after([PREFIX.hourly, sourceId, location], hour));
  }
  if (last === undefined) ranges.push(range([PREFIX.locationState, sourceId]), range([PREFIX.week, sourceId]));
  for (const options of ranges) {
    const ops: { type: 'del'; key: string }[] = [];
    for await (const k of db.keys(options)) {
      ops.push({ type: 'del', key: k });
      if (ops.length >= CHUNK) await db.batch(ops.splice(0));
    }
    if (ops.length > 0) await db.batch(ops);
  }
}

/** The keys below `prefix` whose last part is later than `after` (all of them when undefined). */
function after(prefix: [Prefix, ...string[]], bound: string | undefined): { gt?: string; gte?: string; lte: string } {
  const all = range(prefix);
  return bound === undefined ? all : { gt: key(...prefix, bound), lte: all.lte };
}
