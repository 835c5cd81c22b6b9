/** The booking systems office-watch can scrape. */
export const SYSTEMS = ['tevis', 'netappoint', 'etermin', 'tempus', 'zms'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** One source (a city's booking site) as the registry and `--sites FILE` describe it. */
export interface Site {
  id: string;
  /** One of SYSTEMS, or another name for sources on unsupported custom systems. */
  system: string;
  /** Human name, e.g. "Stadt Bonn". */
  name: string;
  /** City to group by in the TUI, e.g. "Bonn". */
  city: string;
  url: string;
  /** System parameters: netappoint `company` and extra query, tempus extra query, etc. */
  params?: Record<string, string>;
  /** Accept broken TLS chains (some real sites have them). Off by default. */
  insecureTls?: boolean;
  /** Never scrape this site more often than this (minutes). */
  minIntervalMinutes?: number;
}

/** Local slot start, Europe/Berlin wall clock, 'YYYY-MM-DD HH:MM:SS'. */
export type WallTime = string;

export interface LocationSlots {
  locationId: string;
  name: string;
  /** Sorted ascending, unique. */
  slots: WallTime[];
}

export interface Snapshot {
  sourceId: string;
  /** When the snapshot was taken, Berlin wall clock. */
  takenAt: WallTime;
  locations: LocationSlots[];
}

/** Why a scrape failed, classified by what to do next (see scheduler). */
export type FailureKind =
  | 'down' // connection refused / reset / DNS
  | 'timeout'
  | 'http-status' // 4xx/5xx
  | 'captcha' // captcha or bot wall
  | 'maintenance' // maintenance notice
  | 'error-page' // an error page ("Service Unavailable", "Serverfehler") served with status 200
  | 'markup' // page not understood
  | 'unsupported' // a variant we recognise but cannot read
  | 'too-large' // body over the size cap
  | 'redirect-loop'
  | 'moved'; // a permanent redirect to another host, or the site's page is now another booking system

export interface ScrapeFailure {
  kind: FailureKind;
  message: string;
  status?: number;
  /** A connection failure's system error (EAI_AGAIN, ENETUNREACH…): the scheduler tells an offline machine by it. */
  code?: string;
  /** Kind 'moved': the address the site now answers at (suggest `office-watch sites add` with it). */
  location?: string;
}

export type ScrapeResult =
  // notice: the snapshot is good, but part of the site was left unread (zms: offices behind a captcha).
  | { ok: true; snapshot: Snapshot; requests: number; notice?: ScrapeFailure }
  | { ok: false; failure: ScrapeFailure; requests: number };

/** A record of one scrape attempt, kept for the health view. */
export interface ScrapeRun {
  sourceId: string;
  /** ISO 8601 UTC instant. */
  startedAt: string;
  durationMs: number;
  ok: boolean;
  error?: ScrapeFailure;
  /** A successful run's note on what it left unread (see ScrapeResult). */
  notice?: ScrapeFailure;
  requests: number;
  locations?: number;
  freeSlots?: number;
}

export interface ScrapeOptions {
  /** Lookahead in ISO weeks. */
  weeks: number;
  /** The current instant (a simulated clock in demo/tests). */
  now: Date;
  /** Abort the whole scrape. */
  signal?: AbortSignal;
}

export type Scraper = (site: Site, options: ScrapeOptions) => Promise<ScrapeResult>;
