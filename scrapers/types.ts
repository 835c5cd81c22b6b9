export type { FailureKind, LocationSlots, ScrapeFailure, ScrapeRun, Snapshot, WallTime } from '../core/contract.js';
import type { ScrapeFailure, Snapshot } from '../core/contract.js';

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

export type ScrapeResult =
  // notice: the snapshot is good, but part of the site was left unread (zms: offices behind a captcha).
  | { ok: true; snapshot: Snapshot; requests: number; notice?: ScrapeFailure }
  | { ok: false; failure: ScrapeFailure; requests: number };

export interface ScrapeOptions {
  /** Lookahead in ISO weeks. */
  weeks: number;
  /** The current instant (a simulated clock in demo/tests). */
  now: Date;
  /** Abort the whole scrape. */
  signal?: AbortSignal;
}

export type Scraper = (site: Site, options: ScrapeOptions) => Promise<ScrapeResult>;
