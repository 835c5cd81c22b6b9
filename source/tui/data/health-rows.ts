import { toBerlinWallTime } from '../../../core/berlin-time.js';
import type { ScrapeFailure, ScrapeRun } from '../../../scrapers/types.js';
import { siteStatus, type SiteHealth } from '../../scheduler/index.js';
import type { HealthRow, HealthState } from './app-data.js';
import type { SourceInfo } from './city-index.js';

const ORDER: Record<HealthState, number> = { failing: 0, stale: 1, ok: 2, idle: 3 };

/** The health view's groups: sites that work (or have not run yet), that fail (moved ones too), that are gone. */
export type HealthGroup = 'working' | 'failing' | 'gone';
const GROUP_ORDER: Record<HealthGroup, number> = { working: 0, failing: 1, gone: 2 };

export function healthGroup(row: Pick<HealthRow, 'state' | 'status'>): HealthGroup {
  if (row.status?.state === 'gone') return 'gone';
  return row.state === 'failing' ? 'failing' : 'working';
}

/** Grouped: working, failing, gone; within them failing first, then stale, ok and idle; by source id within each. */
export function sortHealth(rows: HealthRow[]): HealthRow[] {
  const group = (row: HealthRow) => GROUP_ORDER[healthGroup(row)];
  return rows.sort(
    (a, b) =>
      group(a) - group(b) ||
      ORDER[a.state] - ORDER[b.state] ||
      (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0),
  );
}

const failureText = (failure: ScrapeFailure | undefined) =>
  failure ? `${failure.kind}: ${failure.message}` : undefined;
const errorText = (run: ScrapeRun | undefined): string | undefined => failureText(run?.error);

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
      const error = failureText(site.lastError);
      if (error) row.lastError = error;
      const notice = site.lastRun?.ok ? failureText(site.lastRun.notice) : undefined;
      if (notice) row.notice = notice;
      if (site.nextRunAt) row.nextRun = toBerlinWallTime(site.nextRunAt);
      if (site.successRate24h !== undefined) row.successRate = site.successRate24h;
      row.status = site.status;
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
      const all = bySource.get(sourceId) ?? [];
      const list = all.filter((run) => nowMs - Date.parse(run.startedAt) <= 24 * 3_600_000);
      const last = list[list.length - 1];
      const row: HealthRow = { sourceId, name, city, state: 'idle', running: false, runs24h: list.length };
      if (all.length > 0) row.status = siteStatus(all, new Date(nowMs));
      if (!last) return row;
      row.state = !last.ok ? 'failing' : nowMs - Date.parse(last.startedAt) > staleAfterMs ? 'stale' : 'ok';
      row.lastRun = toBerlinWallTime(new Date(last.startedAt));
      row.lastOk = last.ok;
      row.durationMs = last.durationMs;
      const error = errorText([...list].reverse().find((run) => !run.ok));
      if (error && !last.ok) row.lastError = error;
      const notice = last.ok ? failureText(last.notice) : undefined;
      if (notice) row.notice = notice;
      row.successRate = list.filter((run) => run.ok).length / list.length;
      return row;
    }),
  );
}
