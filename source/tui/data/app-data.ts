import type { Alert, HourlyCount, Insights, Watch, WatchSpec } from '../../../store/index.js';
import type { WallTime } from '../../../scrapers/types.js';
import type { SiteStatus } from '../../scheduler/index.js';

/** A scraper's state as the views show it; `idle` = not scraped in this session and no run on record. */
export type HealthState = 'ok' | 'failing' | 'stale' | 'idle';

/** One source (office) of a city. */
export interface SourceSummary {
  sourceId: string;
  name: string;
  state: HealthState;
  /** Free slots in the newest snapshot; undefined while unknown. */
  free?: number;
  /** takenAt of the newest snapshot. */
  latest?: WallTime;
  /** Locations (departments) known. */
  locations: number;
}

export interface CitySummary {
  name: string;
  sources: SourceSummary[];
  /** Worst state of its sources: failing, then stale, then ok. */
  state: HealthState;
  free?: number;
}

/** What the header and the cities pane show; cheap to read (kept in memory). */
export interface Overview {
  sources: number;
  offices: number;
  failing: number;
  /** Clock time (Berlin wall clock) of the next scrape round; undefined without scraping. */
  nextRoundAt?: WallTime;
  scraping: boolean;
  /** Sources being scraped right now. */
  running: number;
  /** Why the network looks down (the scheduler's verdict): the header says so, not a count of failing scrapers. */
  networkDown?: string;
  /** While the app's first round of scrapes runs: sources done of those it scrapes. */
  firstRound?: { done: number; total: number };
  cities: CitySummary[];
}

/** One location (department) column of the slots view at one snapshot. */
export interface FrameColumn {
  sourceId: string;
  locationId: string;
  name: string;
  /** The snapshot shown for this source (at or before the cursor). */
  takenAt?: WallTime;
  /** Ascending, as stored. */
  slots: WallTime[];
  /** The source's snapshot before it, for booked/freed marks. */
  previousAt?: WallTime;
  /** Ascending, as stored. */
  previous?: WallTime[];
}

/** What the slots view shows of a city: its time line (cityTimeline) and the frame at the cursor. */
export interface CitySlots {
  times: WallTime[];
  frame: CityFrame;
}

export interface CityFrame {
  city: string;
  /** The newest snapshot time among the columns (the one the view's header names). */
  at?: WallTime;
  columns: FrameColumn[];
}

/** Whose bookings the timeline shows: the whole city or one location. */
export interface TimelineScope {
  label: string;
  sourceId?: string;
  locationId?: string;
}

/** One scraper's line of the health view. */
export interface HealthRow {
  sourceId: string;
  name: string;
  city: string;
  state: HealthState;
  running: boolean;
  /** Berlin wall clock of the last run's start. */
  lastRun?: WallTime;
  lastOk?: boolean;
  durationMs?: number;
  /** "kind: message", not yet sanitized. */
  lastError?: string;
  /** A good last run's note on what it left unread ("captcha: …"), not yet sanitized. */
  notice?: string;
  nextRun?: WallTime;
  /** 0…1 over the last 24 h; undefined without runs. */
  successRate?: number;
  runs24h: number;
  /** What its runs say (ok, failing since, moved, gone): groups the health view. */
  status?: SiteStatus;
}

export interface RescrapeResult {
  ok: number;
  failed: number;
  skipped: number;
}

/** What the app may ask of the scraping side (absent with --no-scrape). */
export interface ScrapeControl {
  rescrape(sourceIds: string[]): Promise<RescrapeResult>;
}

/** The watches and the alerts they raise (absent when the app cannot reach the store's watches). */
export interface AlertsData {
  /** Alerts of the last day and of this session, oldest first. */
  list(): readonly Alert[];
  /** Delivery and notification failures of this session (exec, webhook, desktop), oldest first. */
  problems(): readonly string[];
  /** Store a watch, as `office-watch watch add` does. */
  addWatch(spec: WatchSpec): Promise<Watch>;
  /** Called for each new alert (fresh: raised in this session) and each new problem (alert undefined). */
  subscribe(listener: (alert: Alert | undefined) => void): () => void;
}

/** Which sources changed since the last event; `undefined` = the overview only (health, next round). */
export type DataListener = (changedSources: readonly string[] | undefined) => void;

/** The app's window on the data: view models over the store and the scheduler. */
export interface WatchData {
  overview(): Overview;
  health(): HealthRow[];
  /**
   * The city at the cursor (undefined: the newest snapshot): its sources' snapshot times (a recent window,
   * ascending, unique) and its locations then.
   */
  slots(city: string, at?: WallTime): Promise<CitySlots>;
  /**
   * The times and frame of a city at the cursor if they are read already (no re-render waits for them), if supported.
   */
  peekSlots?(city: string, at?: WallTime): CitySlots | undefined;
  /** The city's scopes: the whole city, then each location. */
  scopes(city: string): Promise<TimelineScope[]>;
  /** Bookings and cancellations per hour over the `hours` (default 168: 7 days) up to `end`, the newest data. */
  hourly(city: string, scope: TimelineScope, hours?: number): Promise<{ end: WallTime; counts: HourlyCount[] }>;
  subscribe(listener: DataListener): () => void;
  /** The source's data version: it moves (before the listeners hear of it) when the store holds new data of it. */
  version(sourceId: string): number;
  /** Read a city's frame at the cursor (default: the newest) ahead into the caches (the neighbours), if supported. */
  prefetch?(city: string, at?: WallTime): void;
  control?: ScrapeControl;
  /** Add a site by its booking page URL (as `office-watch sites add`); resolves to the line to show. */
  addSite?(url: string): Promise<string>;
  /**
   * The insights of every city (improved rules), as `office-watch insights` computes them; cached between snapshots.
   */
  insights?(): Promise<Insights | undefined>;
  alerts?: AlertsData;
  /** A label for the header ("demo"). */
  label?: string;
}
