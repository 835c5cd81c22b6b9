import { toBerlinWallTime } from '../../../core/berlin-time.js';
import type { ScrapeRun } from '../../../scrapers/types.js';
import type { SiteHealth } from '../../scheduler/index.js';
import type { HealthRow, HealthState } from './app-data.js';
import type { SourceInfo } from './city-index.js';

const ORDER: Record<HealthState, number> = { failing: 0, stale: 1, ok: 2, idle: 3 };

/** Failing first, then stale, ok and idle; by source id within each. */
export function sortHealth(rows: HealthRow[]): HealthRow[] {
  return rows.sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0),
  );
}

const errorText = (run: ScrapeRun | undefined): string | undefined =>
  run?.error ? `${run.error.kind}: ${run.error.message}` : undefined;

/** Health rows from the scheduler's live view of each site. */
export function healthFromScheduler(
  health: readonly SiteHealth[],
  info: (sourceId: string) => SourceInfo,
): HealthRow[] {
  return sortHealth(
    health.map((site) => {
      const { name, city } = info(site.sourceId);
      const row: HealthRow = {
        sourceId: site.sourceId,
        name,
        city,
        state: site.lastRun ? site.state : 'idle',
        running: site.running,
        runs24h: site.runs24h,
      };
      if (site.lastRun) {
        row.lastRun = toBerlinWallTime(new Date(site.lastRun.startedAt));
        row.lastOk = site.lastRun.ok;
        row.durationMs = site.durationMs ?? site.lastRun.durationMs;
      }
      const error = site.lastError ? `${site.lastError.kind}: ${site.lastError.message}` : undefined;
      if (error) row.lastError = error;
      if (site.nextRunAt) row.nextRun = toBerlinWallTime(site.nextRunAt);
      if (site.successRate24h !== undefined) row.successRate = site.successRate24h;
      return row;
    }),
  );
}

/** Health rows from the run records alone (--no-scrape): the last run decides, old successes are stale. */
export function healthFromRuns(
  runs: readonly ScrapeRun[],
  sources: readonly SourceInfo[],
  nowMs: number,
  staleAfterMs: number,
): HealthRow[] {
  const bySource = new Map<string, ScrapeRun[]>();
  for (const run of runs) {
    const list = bySource.get(run.sourceId);
    if (list) list.push(run);
    else bySource.set(run.sourceId, [run]);
  }
  return sortHealth(
    sources.map(({ sourceId, name, city }) => {
      const list = (bySource.get(sourceId) ?? []).filter((run) => nowMs - Date.parse(run.startedAt) <= 24 * 3_600_000);
      const last = list[list.length - 1];
      const row: HealthRow = { sourceId, name, city, state: 'idle', running: false, runs24h: list.length };
      if (!last) return row;
      row.state = !last.ok ? 'failing' : nowMs - Date.parse(last.startedAt) > staleAfterMs ? 'stale' : 'ok';
      row.lastRun = toBerlinWallTime(new Date(last.startedAt));
      row.lastOk = last.ok;
      row.durationMs = last.durationMs;
      const error = errorText([...list].reverse().find((run) => !run.ok));
      if (error && !last.ok) row.lastError = error;
      row.successRate = list.filter((run) => run.ok).length / list.length;
      return row;
    }),
  );
}
