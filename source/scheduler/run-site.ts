import type { ScrapeFailure, ScrapeResult, ScrapeRun, Scraper, Site, Snapshot } from '../../scrapers/types.js';
import type { SchedulerStore } from './types.js';

export interface RunSiteOptions {
  scraper: Scraper | undefined;
  store: SchedulerStore;
  weeks: number;
  now: () => Date;
  timeoutMs: number;
  /** The scheduler stopping: an aborted scrape is not recorded. */
  signal: AbortSignal;
}

export type SiteAttempt =
  | { aborted: true }
  | { aborted: false; run: ScrapeRun; snapshot?: Snapshot; storeError?: string };

/** Scrape one site, time-limited, and record the run (and the snapshot, if any) in the store. */
export async function runSite(site: Site, options: RunSiteOptions): Promise<SiteAttempt> {
  const startedAt = options.now();
  const started = performance.now();
  const result = await scrapeWithin(site, options, startedAt);
  if (options.signal.aborted) return { aborted: true };
  const run: ScrapeRun = {
    sourceId: site.id,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    ok: result.ok,
    requests: result.requests,
  };
  try {
    if (result.ok) {
      const snapshot: Snapshot = { ...result.snapshot, sourceId: site.id };
      run.locations = snapshot.locations.length;
      run.freeSlots = snapshot.locations.reduce((sum, location) => sum + location.slots.length, 0);
      if (result.notice) run.notice = result.notice;
      await options.store.recordSnapshot(snapshot, run);
      return { aborted: false, run, snapshot };
    }
    run.error = result.failure;
    await options.store.recordRun(run);
    return { aborted: false, run };
  } catch (error) {
    return { aborted: false, run, storeError: error instanceof Error ? error.message : String(error) };
  }
}

async function scrapeWithin(site: Site, options: RunSiteOptions, now: Date): Promise<ScrapeResult> {
  if (!options.scraper)
    return failed({ kind: 'unsupported', message: `office-watch has no scraper for the system "${site.system}"` });
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal.addEventListener('abort', abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ScrapeResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(
        failed({ kind: 'timeout', message: `the scrape took longer than ${Math.round(options.timeoutMs / 1000)} s` }),
      );
    }, options.timeoutMs);
  });
  try {
    const scrape = options
      .scraper(site, { weeks: options.weeks, now, signal: controller.signal })
      .catch((error: unknown) =>
        // A scraper throwing is a bug of ours, not of the site; keep it off the other sites.
        failed({
          kind: 'markup',
          message:
            `internal error in the ${site.system} scraper: ` +
            `${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    return await Promise.race([scrape, timeout]);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', abort);
  }
}

function failed(failure: ScrapeFailure): ScrapeResult {
  return { ok: false, failure, requests: 0 };
}
