import type { Site } from '../scrapers/types.js';
import type { LevelStore } from '../store/index.js';
import { politeUntil, siteStatus, STATUS_WINDOW_MS, type SiteStatus } from './scheduler/index.js';

/** Each site's status from its run records in the store (runs of the status window). */
export async function statusesOf(
  store: Pick<LevelStore, 'runs'>,
  ids: Iterable<string>,
  now = new Date(),
): Promise<Map<string, SiteStatus>> {
  const since = new Date(now.getTime() - STATUS_WINDOW_MS).toISOString();
  const statuses = new Map<string, SiteStatus>();
  for (const id of ids) statuses.set(id, siteStatus(await store.runs(id, since), now));
  return statuses;
}

/** Politeness: a real site is never scraped again within its minimum interval, whichever process scraped it last. */
export const DEFAULT_MIN_INTERVAL_MINUTES = 15;

/**
 * The sites a one-shot round leaves out, with the sentence that says why: scraped within their minimum interval, or
 * failing for over a day (tried every 6 h) or gone (once a day).
 */
export async function politeSkips(
  store: Pick<LevelStore, 'runs'>,
  sites: readonly Site[],
  now = new Date(),
): Promise<Map<string, string>> {
  const statuses = await statusesOf(
    store,
    sites.map((site) => site.id),
    now,
  );
  const skips = new Map<string, string>();
  for (const site of sites) {
    const status = statuses.get(site.id)!;
    if (status.state === 'new') continue;
    const minutes = Math.max(site.minIntervalMinutes ?? DEFAULT_MIN_INTERVAL_MINUTES, 1);
    const interval = Date.parse(status.lastRunAt) + minutes * 60_000;
    const polite = politeUntil(status, now)?.getTime();
    const wait = (until: number) => Math.ceil((until - now.getTime()) / 60_000);
    if (polite !== undefined && polite >= interval) {
      const why =
        status.state === 'gone'
          ? 'gone, tried once a day'
          : `${status.state} for over a day, tried every ${status.state === 'moved' ? '24' : '6'} h`;
      skips.set(site.id, `${why}; next try in ${wait(polite)} min`);
    } else if (interval > now.getTime()) {
      skips.set(site.id, `scraped recently; it may be scraped again in ${wait(interval)} min (its minimum interval)`);
    }
  }
  return skips;
}

/** The status in a table cell: "ok", "failing since 12-01 10:00", "moved", "gone since 11-28". */
export function shortStatus(status: SiteStatus): string {
  if (status.state === 'new' || status.state === 'ok' || status.state === 'moved')
    return status.state === 'new' ? '-' : status.state;
  const since = status.since.slice(5, 16).replace('T', ' ');
  return status.state === 'failing' ? `failing since ${since} (${status.kind})` : `gone since ${since.slice(0, 5)}`;
}
