import type { ScrapeFailure, ScrapeRun, Scraper, Site, Snapshot } from '../../scrapers/types.js';
import type { OfficeStore } from '../../store/index.js';
import type { RoundNetworkOptions } from './round-network.js';
import type { SiteStatus } from './site-status.js';

/** What to do after a failure: try again soon, skip rounds with growing pauses, or leave the site alone. */
export type FailureAction = 'retry' | 'backoff' | 'stop';

/** The store methods the scheduler writes through (runs() lets it restore health after a restart). */
export type SchedulerStore = Pick<OfficeStore, 'recordSnapshot' | 'recordRun'> & Partial<Pick<OfficeStore, 'runs'>>;

export interface SchedulerOptions {
  sites: Site[];
  store: SchedulerStore;
  /** The scraper of a site's system (undefined: unsupported, recorded once and stopped). */
  scraperFor: (system: string) => Scraper | undefined;
  /** The current instant; the demo passes its fast simulated clock. Default: the system clock. */
  now?: () => Date;
  /** Between round starts (clock time). Default 15 min. */
  intervalMs?: number;
  /** Lookahead in ISO weeks. Default 4. */
  weeks?: number;
  /** Scrapes in flight at most, over all hosts. Default 8. */
  parallel?: number;
  /** Scrapes in flight at most per host. Default 1. */
  perHost?: number;
  /** Per-host exceptions by host name (or host:port). Default { 'tempus-termine.com': 3 }. */
  hostLimits?: Record<string, number>;
  /** The politeness key of a site. Default: its URL's host (name:port). */
  hostOf?: (site: Site) => string;
  /** Random extra pause after each interval, as a fraction of it. Default 0.05. */
  jitter?: number;
  /** Minimum pause between two scrapes of a site without its own minIntervalMinutes. Default 1. */
  minIntervalMinutes?: number;
  /** Pause before retrying a 'retry' failure (clock time). Default 2 min. */
  retryDelayMs?: number;
  /** Longest back-off pause (clock time). Default 4 h. */
  maxBackoffMs?: number;
  /**
   * Abort one site's scrape after this much real time (big tevis sites take minutes at one connection). Default 30 min.
   */
  scrapeTimeoutMs?: number;
  /** How often (real time) the timer looks at the clock. Default 1 s. */
  tickMs?: number;
  /** Random numbers in [0, 1) for jitter (tests pass a fixed one). */
  random?: () => number;
  /**
   * Tell an offline machine from failing sites: before a round, look a few of its hosts up (`lookup`: node's
   * resolver); a round whose hosts fail as an offline machine's do ends at once, `networkDown` saying why.
   * Off by default. `probeTimeoutMs` (default 3 s) bounds the wait for a resolver that does not answer.
   */
  network?: RoundNetworkOptions;
}

/** The outcome of one scrape attempt. */
export interface RunOutcome {
  site: Site;
  run: ScrapeRun;
  /** The snapshot stored, when the scrape succeeded. */
  snapshot?: Snapshot;
  /** What the scheduler does next after a failure. */
  action?: FailureAction;
  /** The store refused the write (the run is still reported). */
  storeError?: string;
}

/** polite: failing for over a day (tried every 6 h) or gone (once a day), see site-status.ts. */
export type SkipReason = 'running' | 'min-interval' | 'backoff' | 'polite' | 'stopped' | 'aborted' | 'network-down';

export interface RoundResult {
  startedAt: Date;
  /** Real time the round took. */
  durationMs: number;
  outcomes: RunOutcome[];
  skipped: { sourceId: string; reason: SkipReason }[];
  /** Why the network looked down: the round ended there, its other sites skipped ('network-down'). */
  networkDown?: string;
}

/** The health of one site, for the health view. */
export interface SiteHealth {
  sourceId: string;
  /** ok: last run succeeded recently; failing: last run failed; stale: no recent success (or never run). */
  state: 'ok' | 'failing' | 'stale';
  running: boolean;
  lastRun?: ScrapeRun;
  /** Real duration of the last run. */
  durationMs?: number;
  lastError?: ScrapeFailure;
  /** After a failure: retry, backoff or stop (stopped sites only run on rescrape). */
  action?: FailureAction;
  consecutiveFailures: number;
  /** When the scheduler will next scrape it (undefined when stopped or not started). */
  nextRunAt?: Date;
  /** Successful share of the runs in the last 24 h (clock time), undefined without runs. */
  successRate24h?: number;
  runs24h: number;
  /** What its runs say: ok, failing since, moved, gone. */
  status: SiteStatus;
}

export type RunListener = (outcome: RunOutcome, health: SiteHealth) => void;
export type RoundListener = (round: RoundResult) => void;
