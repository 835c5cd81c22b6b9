import { berlinWallTimeToDate } from '../core/berlin-time.js';
import { readMetadata, writeMetadata, type LevelStore } from '../store/index.js';

const QUARTER = 15 * 60_000;
/** A longer pause and the next round is every watch's baseline anyway: the demo may begin a new world. */
const GAP_MS = 3 * 3_600_000;
const EPOCH = 'demo-epoch';

/**
 * Where a demo world starts in the demo db: its clock after the newest snapshot (time never runs backwards), and the
 * world the one the db last saw (its epoch kept in the db) unless the db has been idle for hours. A demo started
 * afresh at each run would be a different random world each time: a restart would see hundreds of slots "freed".
 */
export async function demoTimeline(store: LevelStore, now = new Date()): Promise<{ start: Date; epoch: Date }> {
  let latest: number | undefined;
  for (const sourceId of await store.listSources()) {
    const summary = await store.latestSummary(sourceId);
    if (summary) latest = Math.max(latest ?? 0, berlinWallTimeToDate(summary.takenAt).getTime());
  }
  const start = new Date(Math.floor(Math.max(now.getTime(), (latest ?? 0) + QUARTER) / QUARTER) * QUARTER);
  const stored = await readMetadata(store, EPOCH);
  const kept = stored === undefined ? NaN : Date.parse(stored);
  const same = latest !== undefined && kept <= latest && start.getTime() - latest <= GAP_MS;
  const epoch = same ? new Date(kept) : start;
  if (!same) await writeMetadata(store, EPOCH, epoch.toISOString());
  return { start, epoch };
}
