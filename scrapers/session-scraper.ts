import { ScrapeError } from './failure.js';
import { createSession, type HttpSession, type SessionOptions } from './http.js';
import type { ScrapeOptions, Scraper, Site, Snapshot } from './types.js';

/** A scraper's HTTP limits: time per request (default 10 s), retries on connection errors (2), body size cap (5 MB). */
export type ScraperConfig = Pick<SessionOptions, 'timeoutMs' | 'retries' | 'maxBytes'>;

/** One system's fetch flow as a Scraper: a session (cookie jar) of its own per scrape, ScrapeErrors as typed failures. */
export function sessionScraper(
  flow: (session: HttpSession, site: Site, options: ScrapeOptions) => Promise<Snapshot>,
  config: ScraperConfig = {},
): Scraper {
  return async (site, options) => {
    const session = createSession(site, { ...config, ...(options.signal ? { signal: options.signal } : {}) });
    try {
      const snapshot = await flow(session, site, options);
      return { ok: true, snapshot, requests: session.requests };
    } catch (error) {
      if (error instanceof ScrapeError) return { ok: false, failure: error.toFailure(), requests: session.requests };
      throw error;
    }
  };
}
