import type { SystemName, WallTime } from '../types.js';

/**
 * Faults a simulated office can be told to show. The hostile ones (hostile-faults.ts, stream-faults.ts): a body that
 * never ends or is 50 MB (or 50 MB gzipped into 50 KB), a redirect loop, windows-1252 pages (charset in the header, in
 * a meta tag, or nowhere), an
 * error page with status 200, JSON for HTML and HTML for JSON, and names full of terminal escapes and bidi controls.
 */
export const FAULTS = [
  'timeout',
  'http-500',
  'slow-drip',
  'captcha',
  'maintenance',
  'latin1',
  'malformed',
  'endless-body',
  'huge-body',
  'gzip-bomb',
  'redirect-loop',
  'cp1252',
  'cp1252-meta',
  'cp1252-bare',
  'error-200',
  'json-for-html',
  'html-for-json',
  'hostile-names',
] as const;
export type FaultKind = (typeof FAULTS)[number];

export interface SimLocation {
  /**
   * The location id a scraper of this system must report (etermin: calendar id, netappoint: name slug, tempus:
   * "row/tasks"). tevis reports department/service slugs (tevis-ids.ts): its simulated site maps its own, monthly
   * renumbered calendars to these ids, and names its services after the locations.
   */
  id: string;
  /** Department or location name as the system shows it. */
  name: string;
}

/** What a system server needs to know of a simulated office. */
export interface SimOffice {
  sourceId: string;
  system: SystemName;
  name: string;
  city: string;
  locations: SimLocation[];
  /** The true free slots of a location at the office's current simulated time, sorted ascending. */
  freeSlots(locationId: string): WallTime[];
  /** The office's simulated clock. */
  now(): Date;
  /** The fault it shows right now, if any. */
  fault?: FaultKind | undefined;
}

/** A request as a system server sees it. `path` is relative to the system server's root. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
  /** The peer's address (REMOTE_ADDR). */
  remoteAddress?: string;
}

export interface SimResponse {
  status?: number;
  contentType?: string;
  body: string;
  setCookies?: string[];
  headers?: Record<string, string>;
}

/** One booking system, served over HTTP by http-host.ts. */
export interface SystemServer {
  system: SystemName;
  /** Which office a request is for (undefined → 404). */
  route(request: SimRequest): SimOffice | undefined;
  handle(office: SimOffice, request: SimRequest): SimResponse;
  /** The site URL (registry format) a scraper must be given for this office. */
  siteUrl(origin: string, office: SimOffice): string;
  /** Extra site parameters (netappoint company, …). */
  siteParams?(office: SimOffice): Record<string, string>;
}
