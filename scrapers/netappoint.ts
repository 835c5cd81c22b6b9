import { addDays, toBerlinWallTime } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import type { HttpSession } from './http.js';
import { sessionScraper, type ScraperConfig } from './session-scraper.js';
import {
  assertCompletePage,
  dayUrl,
  parseDayAnswer,
  parseIndex,
  parseTimes,
  slugify,
  type NetappointDay,
  type NetappointLocation,
} from './netappoint-parse.js';
import type { LocationSlots, ScrapeOptions, Scraper, Site, Snapshot, WallTime } from './types.js';

/** A netappoint scraper with its own HTTP limits (tests use short timeouts). */
export const createNetappointScraper = (config: ScraperConfig = {}): Scraper => sessionScraper(scrape, config);

/**
 * Scrape one netappoint (Kahlert) site: `site.url` is the base, `site.params.company` (and `extra`) the query
 * (protocols.md "netappoint").
 */
export const scrapeNetappoint: Scraper = createNetappointScraper();

const WEB_APPOINT =
  'netappoint: this is the Kahlert WEB_APPOINT front end (all months at once, times loaded by script),' +
  ' which office-watch cannot read';

async function scrape(session: HttpSession, site: Site, options: ScrapeOptions): Promise<Snapshot> {
  const takenAt = toBerlinWallTime(options.now);
  const today = takenAt.slice(0, 10);
  const lastDay = addDays(today, options.weeks * 7);
  const company = site.params?.company;
  if (!company) throw new ScrapeError('unsupported', `netappoint: the site ${site.id} has no company parameter`);
  const extra = site.params?.extra?.replace(/^[?&]+/, '');
  const base = site.url.replace(/\/+$/, '');
  const indexUrl = `${base}/index.php?company=${encodeURIComponent(company)}${extra ? `&${extra}` : ''}`;
  const index = parseIndex(await page(session, indexUrl));
  if (index.kind === 'web-appoint') throw new ScrapeError('unsupported', WEB_APPOINT);
  const action = new URL(index.action, indexUrl).href;
  const locations = new Map<string, LocationSlots>();
  for (const location of index.locations) {
    const days = await bookableDays(session, action, location);
    // Without this the next location's POST (and the time lists) bring the day selection screen back.
    session.clearCookies();
    const slots = new Set<WallTime>();
    const first = days.find((day) => day.date >= today);
    if (first) {
      for (let date = first.date; date <= lastDay; date = addDays(date, 1)) {
        for (const slot of parseTimes(await page(session, dayUrl(new URL(first.href, action).href, date)), date))
          slots.add(slot);
      }
    }
    let id = slugify(location.name) || slugify(location.key) || 'location';
    for (let n = 2; locations.has(id); n++) id = `${slugify(location.name)}-${n}`;
    locations.set(id, { locationId: id, name: location.name, slots: [...slots].sort() });
  }
  return { sourceId: site.id, takenAt, locations: [...locations.values()] };
}

async function page(session: HttpSession, url: string): Promise<string> {
  const html = await session.get(url);
  assertCompletePage(html, url);
  return html;
}

/** Step 2: POST the first service (once more with the second if that fails), follow a site list, read the day links. */
async function bookableDays(
  session: HttpSession,
  action: string,
  location: NetappointLocation,
): Promise<NetappointDay[]> {
  if (location.services.length === 0) return [];
  try {
    return await daysWith(session, action, location, 0);
  } catch (error) {
    const retryable = error instanceof ScrapeError && (error.kind === 'http-status' || error.kind === 'markup');
    if (!retryable || location.services.length < 2) throw error;
    session.clearCookies();
    return daysWith(session, action, location, 1);
  }
}

async function daysWith(
  session: HttpSession,
  action: string,
  location: NetappointLocation,
  chosen: number,
): Promise<NetappointDay[]> {
  const form: Record<string, string> = {};
  location.services.forEach((service, i) => void (form[service] = i === chosen ? '1' : '0'));
  form.sentcasetypes = 'Weiter';
  const html = await session.post(action, form);
  assertCompletePage(html, action);
  let answer = parseDayAnswer(html);
  if (answer.kind === 'sites') {
    const next = new URL(answer.href, action).href;
    answer = parseDayAnswer(await page(session, next));
    if (answer.kind === 'sites')
      throw new ScrapeError('markup', `netappoint: the site list at ${next} leads to another site list`);
  }
  if (answer.kind === 'web-appoint') throw new ScrapeError('unsupported', WEB_APPOINT);
  return answer.kind === 'days' ? answer.days : [];
}
