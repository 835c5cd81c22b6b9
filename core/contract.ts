// The contract between the layers: what a scraper hands over and the store keeps. Types only.

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
