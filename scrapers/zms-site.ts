import { ScrapeError } from './failure.js';
import type { Site } from './types.js';
import { DEFAULT_PACING, type Pacing } from './zms-pacer.js';

/** What a ZMS site record says: the citizen API base, the services to read, and the pacing. */
export interface ZmsSiteConfig {
  /** e.g. https://www48.muenchen.de/buergeransicht/api/citizen/ (always ends in "/api/citizen/"). */
  base: string;
  services: number[];
  pacing: Pacing;
}

const CITIZEN_API = /^(.*?\/api\/citizen)(?:\/|$)/;

/**
 * The site's configuration from its record: url = the citizen API base (anything after "/api/citizen/" is
 * dropped), params.services = the service ids (comma-separated), params.burst / pauseMs / spacingMs = the pacing
 * (default DEFAULT_PACING). A record office-watch cannot use is one 'unsupported' sentence.
 */
export function zmsSiteConfig(site: Pick<Site, 'url' | 'params'>): ZmsSiteConfig {
  const params = site.params ?? {};
  const base = zmsApiBase(site.url);
  if (!base) {
    const backend = /\/api\/backend(?:\/|$)/.test(site.url)
      ? ' (/api/backend/ is an old alias office-watch does not read)'
      : '';
    throw unsupported(
      `the site URL must be a ZMS citizen API base like https://host/buergeransicht/api/citizen/${backend}`,
    );
  }
  const services = (params.services ?? '').split(',').map((id) => id.trim());
  if (services.some((id) => !/^[1-9]\d{0,9}$/.test(id))) {
    throw unsupported(
      'params.services must list the ZMS service ids to read, comma-separated (e.g. "1063475,1063453")',
    );
  }
  const pacing = {
    burst: number(params.burst, 'burst', DEFAULT_PACING.burst, 1, 60),
    pauseMs: number(params.pauseMs, 'pauseMs', DEFAULT_PACING.pauseMs, 0, 3_600_000),
    spacingMs: number(params.spacingMs, 'spacingMs', DEFAULT_PACING.spacingMs, 0, 600_000),
  };
  return { base, services: [...new Set(services.map(Number))], pacing };
}

/** The citizen API base of an API URL ("…/api/citizen/" and whatever follows it), else undefined. */
export function zmsApiBase(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol)) return undefined;
  const path = CITIZEN_API.exec(parsed.pathname)?.[1];
  return path === undefined ? undefined : `${parsed.origin}${path}/`;
}

const BOOKING_PAGE =
  /\/buergerservice\/terminvereinbarung|\/buergeransicht(?:\/|$)|\/terminvereinbarung\/api\/citizen/i;
const PAGE_MARKERS = /zmscitizenview|\/buergeransicht\/api\/citizen|\bzms-appointment\b/i;

/**
 * Whether a URL (and, if given, the body it answered) looks like ZMS: its citizen API, München's booking page,
 * or a page or JSON answer of the system (offices-and-services, available-calendar, its error envelope).
 * For `sites add`; pure.
 */
export function looksLikeZms(url: string, body?: string): boolean {
  if (zmsApiBase(url) || /\/api\/backend\/(?:available-|offices)/.test(url)) return true;
  if (BOOKING_PAGE.test(safePath(url))) return true;
  if (body === undefined) return false;
  if (PAGE_MARKERS.test(body.slice(0, 200_000))) return true;
  const json = safeJson(body);
  if (!json) return false;
  const keys = new Set(Object.keys(json));
  if (['offices', 'services', 'relations'].every((key) => keys.has(key))) return true;
  if (keys.has('availableDays') && (keys.has('slotsStartDate') || keys.has('nextBookableDate'))) return true;
  const first = Array.isArray(json.errors) ? (json.errors[0] as Record<string, unknown> | undefined) : undefined;
  return typeof first?.errorCode === 'string' && typeof first.errorType === 'string';
}

function safePath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.hash}`;
  } catch {
    return '';
  }
}

function safeJson(body: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(body);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function number(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw unsupported(`params.${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function unsupported(problem: string): ScrapeError {
  return new ScrapeError('unsupported', `${problem}.`);
}
