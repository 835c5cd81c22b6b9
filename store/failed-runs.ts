import type { SnapshotRow } from './history-tables.js';
import { range, PREFIX } from './keys.js';
import type { LevelStore } from './level-store.js';
import type { ScrapeRun } from './types.js';
import { toBerlinWallTime } from '../core/berlin-time.js';
import { parseWallTime } from '../core/wall-clock.js';

/** The failed scrapes of a source started in [from, to] (Berlin wall clock) as rows of the snapshots table. */
export async function* failedRuns(
  store: LevelStore,
  sourceId: string,
  from: string,
  to: string,
): AsyncGenerator<{ takenAt: string; row: SnapshotRow }> {
  // Run records are keyed by their start in UTC, which lies one or two hours behind Berlin: a wider UTC range.
  const utc = (wall: string, hours: number) => new Date((parseWallTime(wall) + hours * 3600) * 1000).toISOString();
  for await (const value of store.db.values(range([PREFIX.run, sourceId], utc(from, -3), utc(to, 0)))) {
    const run = JSON.parse(Buffer.from(value).toString('utf8')) as ScrapeRun;
    if (run.ok) continue;
    const takenAt = toBerlinWallTime(new Date(run.startedAt));
    if (takenAt < from || takenAt > to) continue;
    const row = {
      source: sourceId,
      taken_at: parseWallTime(takenAt),
      locations: 0,
      free_slots: 0,
      status: 'failed',
      error: errorText(run.error),
    };
    yield { takenAt, row };
  }
}

const errorText = (error: ScrapeRun['error']): string =>
  error === undefined ? '' : typeof error === 'string' ? error : `${error.kind}: ${error.message}`;
