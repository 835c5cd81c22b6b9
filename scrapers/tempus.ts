import { addDays, toBerlinWallTime } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import type { HttpSession } from './http.js';
import { sessionScraper, type ScraperConfig } from './session-scraper.js';
import { categoryForm, parseMenu } from './tempus-menu.js';
import {
  assertComplete,
  locationId,
  parseDayTimes,
  planDays,
  readCalendar,
  readPage,
  refOf,
  type TempusCalendar,
  type TempusPage,
  type TempusRef,
} from './tempus-parse.js';
import type { LocationSlots, ScrapeOptions, Scraper, Site, Snapshot, WallTime } from './types.js';

/** A tempus scraper with its own HTTP limits (tests use short timeouts). */
export const createTempusScraper = (config: ScraperConfig = {}): Scraper => sessionScraper(scrape, config);

/** Scrape one tempus site (tempus-termine.com and hosts running it, see protocols.md "tempus"). */
export const scrapeTempus: Scraper = createTempusScraper();

/** Notices in a row before we call it a loop. */
const MAX_NOTICES = 3;

/** The start URL: the site URL with its query kept, plus site params it does not already carry. */
export function tempusStartUrl(site: Pick<Site, 'url' | 'params'>): string {
  const url = new URL(site.url);
  for (const [key, value] of Object.entries(site.params ?? {}))
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return url.href;
}

async function scrape(session: HttpSession, site: Site, options: ScrapeOptions): Promise<Snapshot> {
  const takenAt = toBerlinWallTime(options.now);
  const today = takenAt.slice(0, 10);
  const lastDay = addDays(today, options.weeks * 7);
  const locations = new Map<string, LocationSlots>();

  const fetchPage = async (url: string, form?: Record<string, string>): Promise<string> => {
    const html = form ? await session.post(url, form) : await session.get(url);
    assertComplete(html);
    return html;
  };
  /** Read a page, following notice pages to the page they lead to. */
  const settle = async (html: string, url: string): Promise<{ page: TempusPage; html: string; url: string }> => {
    for (let notices = 0; ; notices++) {
      const page = readPage(html);
      if (page.kind !== 'notice') return { page, html, url };
      if (notices === MAX_NOTICES) throw new ScrapeError('markup', 'tempus: notice pages keep coming');
      url = new URL(page.href, url).href;
      html = await fetchPage(url);
    }
  };

  const start = tempusStartUrl(site);
  const menu = parseMenu(await fetchPage(start));
  const action = new URL(menu.action || start, start).href;
  for (const category of menu.categories) {
    const { page, url } = await settle(await fetchPage(action, categoryForm(category)), action);
    if (page.kind === 'no-locations') continue;
    if (page.kind === 'calendar') await readLocation(page, url, category.name, {});
    if (page.kind !== 'locations') continue;
    for (const link of page.locations) {
      const linkUrl = new URL(link.href, url).href;
      const answer = await settle(await fetchPage(linkUrl), linkUrl);
      if (answer.page.kind === 'no-locations') continue;
      const calendar = answer.page.kind === 'calendar' ? answer.page : readCalendar(answer.html);
      await readLocation(calendar, answer.url, `${link.name}: ${category.name}`, refOf(link.href));
    }
  }
  const sorted = [...locations.values()].map((l) => ({ ...l, slots: [...new Set(l.slots)].sort() }));
  return { sourceId: site.id, takenAt, locations: sorted };

  async function readLocation(
    calendar: TempusCalendar,
    pageUrl: string,
    name: string,
    fallback: TempusRef,
  ): Promise<void> {
    const ref = { ...fallback, ...calendar.ref };
    // A fully booked page reached without a location link names no location: nothing to report.
    if (ref.row === undefined && ref.tasks === undefined) {
      if (calendar.days.length === 0) return;
      throw new ScrapeError('markup', 'tempus: calendar day links carry no standortrowid or tasks');
    }
    const slots: WallTime[] = [];
    for (const day of planDays(calendar.days, today, lastDay)) {
      for (const time of parseDayTimes(await fetchPage(new URL(day.href, pageUrl).href)))
        slots.push(`${day.date} ${time}:00`);
    }
    const id = locationId(ref);
    const known = locations.get(id);
    if (known) known.slots.push(...slots);
    else locations.set(id, { locationId: id, name, slots });
  }
}
