import { toBerlinWallTime } from '../../../core/berlin-time.js';
import type { ScrapeRun, WallTime } from '../../../scrapers/types.js';
import { cityInsights, type HourlyCount, type LevelStore } from '../../../store/index.js';
import { STATUS_WINDOW_MS, type Scheduler } from '../../scheduler/index.js';
import { createAlertFeed, type AlertFeed, type AlertFeedOptions } from './alert-feed.js';
import type { DataListener, HealthRow, Overview, SourceSummary, TimelineScope, WatchData } from './app-data.js';
import { groupCities } from './city-index.js';
import { watchFirstRound } from './first-round.js';
import { healthFromRuns, healthFromScheduler } from './health-rows.js';
import { FrameReader } from './frame-reader.js';
import { InsightsCache } from './insights-cache.js';
import { SlotsCache } from './slots-cache.js';
import { SourceCatalog, type CatalogSite } from './source-catalog.js';
import { SourceVersions } from './source-versions.js';
import { sumHourly } from './timeline-series.js';
import { msToWall, wallToMs } from '../../../core/wall-clock.js';

/** The parts of the scheduler the app uses. */
export type SchedulerView = Pick<Scheduler, 'health' | 'nextRoundAt' | 'onRun' | 'onRound' | 'rescrape'> &
  Partial<Pick<Scheduler, 'networkDown'>>;

export interface StoreWatchDataOptions {
  store: LevelStore;
  /** The sites to list (the scheduled ones, or the registry's for names). */
  sites: readonly CatalogSite[];
  /** Which of the db's other sources to list too (default: all). */
  acceptSource?: (sourceId: string) => boolean;
  /** Sites that only name the db's sources (not listed unless the db has them). */
  lookup?: readonly CatalogSite[];
  scheduler?: SchedulerView;
  /** The clock (the demo's fast one). */
  now?: () => Date;
  intervalMs?: number;
  /** Days of snapshot times the history keys step through. Default 14. */
  historyDays?: number;
  label?: string;
  /** Keep the alerts (the store's recent ones; with a scheduler, those its rounds raise, delivered so). */
  alerts?: Omit<AlertFeedOptions, 'store' | 'scheduler' | 'now'>;
}

const DAY = 86_400_000;

/** WatchData over an OfficeStore: reads only what a view shows (one city's snapshots at a time), caches the rest. */
export function createStoreWatchData(options: StoreWatchDataOptions): {
  data: WatchData;
  ready: Promise<void>;
  close(): void;
  /** The sites scraped changed (the own sites file): list the new ones at once. */
  setSites(sites: readonly CatalogSite[]): void;
  alerts?: AlertFeed;
} {
  const { store, scheduler } = options;
  const now = options.now ?? (() => new Date());
  const staleAfterMs = 2 * (options.intervalMs ?? 15 * 60_000);
  const historyMs = (options.historyDays ?? 14) * DAY;
  const catalog = new SourceCatalog(store, options.sites, options.acceptSource, options.lookup);
  const listeners = new Set<DataListener>();
  const versions = new SourceVersions();
  const reader = new FrameReader(store, catalog, historyMs);
  const cityVersion = (city: string) => versions.keyOf(catalog.inCity(city).map((s) => s.sourceId));
  const slots = new SlotsCache(async (city, at) => {
    const [times, frame] = await Promise.all([reader.cityTimes(city), reader.frame(city, at)]);
    return { times, frame };
  }, cityVersion);
  const runs: ScrapeRun[] = [];
  const emit = (changed: readonly string[] | undefined) => listeners.forEach((listener) => listener(changed));

  // Subscribed before the listeners that redraw, so that a redraw sees the run that caused it.
  const firstRound = scheduler && watchFirstRound(scheduler);

  const health = (): HealthRow[] => {
    const info = (id: string) => catalog.info(id);
    const fromRuns = (ids: string[]) => healthFromRuns(runs, ids.map(info), now().getTime(), staleAfterMs);
    if (!scheduler) return fromRuns(catalog.sources().map((s) => s.sourceId));
    const live = healthFromScheduler(scheduler.health(), info).filter((row) => catalog.has(row.sourceId));
    const covered = new Set(live.map((row) => row.sourceId));
    return [
      ...live,
      ...fromRuns(
        catalog
          .sources()
          .map((s) => s.sourceId)
          .filter((id) => !covered.has(id)),
      ),
    ];
  };

  const overview = (): Overview => {
    const rows = health();
    const state = new Map(rows.map((row) => [row.sourceId, row.state]));
    const sources: SourceSummary[] = catalog.sources().map((source) => {
      const latest = catalog.latest(source.sourceId);
      const summary: SourceSummary = {
        sourceId: source.sourceId,
        name: source.name,
        state: state.get(source.sourceId) ?? 'idle',
        locations: latest?.locations ?? source.knownLocations ?? 0,
      };
      if (latest) {
        summary.free = latest.free;
        summary.latest = latest.takenAt;
      }
      return summary;
    });
    const next = scheduler?.nextRoundAt;
    const result: Overview = {
      sources: sources.length,
      offices: sources.reduce((sum, s) => sum + s.locations, 0),
      failing: rows.filter((row) => row.state === 'failing').length,
      scraping: scheduler !== undefined,
      running: rows.filter((row) => row.running).length,
      cities: groupCities(sources, (id) => catalog.info(id).city),
    };
    if (next) result.nextRoundAt = toBerlinWallTime(next);
    if (scheduler?.networkDown) result.networkDown = scheduler.networkDown;
    const scheduled = () => scheduler!.health().flatMap((h) => (catalog.has(h.sourceId) ? [h.sourceId] : []));
    const round = firstRound?.progress(scheduled);
    if (round) result.firstRound = round;
    return result;
  };

  async function scopes(city: string): Promise<TimelineScope[]> {
    const result: TimelineScope[] = [{ label: city }];
    for (const source of catalog.inCity(city)) {
      for (const [locationId, name] of await catalog.locationNames(source.sourceId))
        result.push({ label: name, sourceId: source.sourceId, locationId });
    }
    return result;
  }

  async function hourly(
    city: string,
    scope: TimelineScope,
    hours = 168,
  ): Promise<{ end: WallTime; counts: HourlyCount[] }> {
    const ids = scope.sourceId ? [scope.sourceId] : catalog.inCity(city).map((s) => s.sourceId);
    const latest = ids.map((id) => catalog.latest(id)?.takenAt).filter((t): t is WallTime => t !== undefined);
    const end = latest.length > 0 ? latest.reduce((a, b) => (a > b ? a : b)) : toBerlinWallTime(now());
    const from = msToWall(Math.floor(wallToMs(end) / 3_600_000) * 3_600_000 - (hours - 1) * 3_600_000);
    // Spans longer than 4 weeks are drawn in buckets of a day or more: a city's days come from the day rollups.
    const byDay = hours > 28 * 24 && scope.locationId === undefined;
    const lists = await Promise.all(
      ids.map((id) => (byDay ? store.daily(id, from, end) : store.hourly(id, scope.locationId, from, end))),
    );
    return { end, counts: sumHourly(lists) };
  }

  // The same figures as `office-watch insights` (store aggregates, no rescans), cities named as the app names them.
  const insights = new InsightsCache(
    () => cityInsights(store, { sources: (id) => catalog.has(id), cityOf: (id) => catalog.info(id).city }),
    () => versions.total,
  );
  const alerts = options.alerts ? createAlertFeed({ ...options.alerts, store, scheduler, now }) : undefined;

  /**
   * The one refresh path: the store holds new data of `sourceIds`. What the caches read ahead of the versions is
   * brought up to date first (the newest snapshot, the time line, the location names), then the versions move, which
   * makes every cache keyed on them stale, and the views hear of it once.
   */
  async function refresh(sourceIds: readonly string[]): Promise<void> {
    const known = sourceIds.filter((id) => catalog.has(id));
    for (const id of known) {
      const latest = await catalog.refreshLatest(id);
      if (latest) await reader.append(id, latest.takenAt);
      if (latest?.locations !== (await catalog.locationNames(id)).size) await catalog.locationNames(id, true);
    }
    if (known.length === 0) return;
    versions.bump(known);
    emit(known);
  }

  const offSnapshot = store.onSnapshot((sourceId) => void refresh([sourceId]).catch(() => undefined));
  const offRun = scheduler?.onRun(() => emit(undefined));
  const offRound = scheduler?.onRound(() => emit(undefined));

  const ready = (async () => {
    await catalog.loadSources();
    // A status window of runs: a site is gone after 3 days of no such name, 404 or 410.
    const since = new Date(now().getTime() - STATUS_WINDOW_MS).toISOString();
    const ids = catalog.sources().map((s) => s.sourceId);
    // Four at a time over the sources: first every newest snapshot (the header's and the list's counts), then the
    // run records, a range scan of the status window per source (not of every run ever recorded).
    const eachSource = async (read: (id: string) => Promise<void>) => {
      const queue = [...ids];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) await read(id);
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    };
    // The list shows once every source's newest snapshot is known: before, its counts would be the registry's.
    const changed: string[] = [];
    await eachSource(async (id) => {
      const before = catalog.latest(id)?.takenAt;
      const latest = await catalog.refreshLatest(id);
      // What was read of the source knowing its newest snapshot (the slots: FrameReader.times waits for it) stays.
      if (latest?.takenAt !== before) changed.push(id);
    });
    versions.bump(changed);
    emit(undefined);
    await eachSource(async (id) => {
      if (scheduler?.health().some((h) => h.sourceId === id)) return;
      runs.push(...(await store.runs(id, since)));
      emit([id]);
    });
  })();

  const data: WatchData = {
    overview,
    health,
    slots: (city, at) => slots.load(city, at),
    peekSlots: (city, at) => slots.peek(city, at),
    scopes,
    hourly,
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    version: (sourceId) => versions.of(sourceId),
    prefetch: (city, at) => void (slots.peek(city, at) ?? slots.load(city, at, false).catch(() => undefined)),
    // After the catalog has loaded: the cache keeps what it computes.
    insights: () => ready.then(() => insights.get()),
  };
  if (alerts) data.alerts = alerts;
  if (options.label) data.label = options.label;
  if (scheduler) {
    data.control = {
      async rescrape(sourceIds) {
        const round = await scheduler.rescrape(sourceIds);
        const ok = round.outcomes.filter((o) => o.run.ok).length;
        return { ok, failed: round.outcomes.length - ok, skipped: round.skipped.length };
      },
    };
  }
  const close = () => (offSnapshot(), offRun?.(), offRound?.(), firstRound?.stop(), alerts?.stop(), listeners.clear());
  let listed: readonly CatalogSite[] = options.sites;
  const setSites = (sites: readonly CatalogSite[]): void => {
    catalog.setSites(listed, sites);
    listed = sites;
    emit(undefined);
  };
  return { data, ready, close, setSites, ...(alerts ? { alerts } : {}) };
}
