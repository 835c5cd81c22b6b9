import type { Site } from '../../scrapers/types.js';

/** Hosts that take more than one scrape at a time (the reference scraper's numbers). */
export const DEFAULT_HOST_LIMITS: Readonly<Record<string, number>> = { 'tempus-termine.com': 3 };

/** The politeness key of a site: its URL's host (name:port), lower-cased. */
export function hostOf(site: Pick<Site, 'url'>): string {
  try {
    return new URL(site.url).host.toLowerCase();
  } catch {
    return site.url.toLowerCase();
  }
}

/** The in-flight limit of a host: an exception for host:port or host name, else the default. */
export function hostLimit(host: string, limits: Readonly<Record<string, number>>, perHost: number): number {
  const name = host.replace(/:\d+$/, '');
  return limits[host] ?? limits[name] ?? perHost;
}
