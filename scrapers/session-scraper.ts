import { ScrapeError } from './failure.js';
import { createSession, type HttpSession, type SessionOptions } from './http.js';
import { pageSystem } from './site-system.js';
import { SYSTEMS, type ScrapeFailure, type ScrapeOptions, type Scraper, type Site, type Snapshot } from './types.js';

/** A scraper's HTTP limits: time per request (default 10 s), retries on connection errors (2), body size cap (5 MB). */
export type ScraperConfig = Pick<SessionOptions, 'timeoutMs' | 'retries' | 'maxBytes'>;

/**
 * One system's fetch flow as a Scraper: a session (cookie jar) of its own per scrape, ScrapeErrors as typed failures.
 */
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
      if (error instanceof ScrapeError)
        return {
          ok: false,
          failure: (error.kind === 'markup' && movedTo(session, site)) || error.toFailure(),
          requests: session.requests,
        };
      throw error;
    }
  };
}

/** A page the flow did not understand that is another booking system's: the site has moved to it. */
function movedTo(session: HttpSession, site: Site): ScrapeFailure | undefined {
  const page = session.lastPage;
  if (!page) return undefined;
  const { system } = pageSystem(page.url, page.text);
  if (system === site.system || !(SYSTEMS as readonly string[]).includes(system)) return undefined;
  return { kind: 'moved', message: `the page at ${page.url} is now a ${system} site`, location: page.url };
}
