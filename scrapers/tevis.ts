import { addDays, toBerlinWallTime } from './berlin-time.js';
import { ScrapeError, assertNoWall } from './failure.js';
import type { HttpSession } from './http.js';
import { sessionScraper, type ScraperConfig } from './session-scraper.js';
import { parseCaldiv, parseCalendarPage, tevisHorizon } from './tevis-calendar-parse.js';
import { assertCompletePage, parseDepartments, parseServicePage, type TevisService } from './tevis-parse.js';
import { germanDate, isSuggestPage, parseLocationPage, parseSuggestPage, type TevisSuggest } from './tevis-wizard-parse.js';
import type { LocationSlots, ScrapeOptions, Scraper, Site, Snapshot, WallTime } from './types.js';

/** A tevis scraper with its own HTTP limits (tests use short timeouts). */
export const createTevisScraper = (config: ScraperConfig = {}): Scraper => sessionScraper(scrape, config);

/** Scrape one tevis (Kommunix) site, older calendar flow or today's wizard, whichever its pages show (protocols.md "tevis"). */
export const scrapeTevis: Scraper = createTevisScraper();

interface Context {
  session: HttpSession;
  base: string;
  today: string;
  lastDay: string;
  weeks: string[];
  /** Locations by calendar id, in the order found; the first service to reach a calendar names it. */
  found: Map<string, LocationSlots>;
}

async function scrape(session: HttpSession, site: Site, options: ScrapeOptions): Promise<Snapshot> {
  const takenAt = toBerlinWallTime(options.now);
  const today = takenAt.slice(0, 10);
  const base = site.url.replace(/\/+$/, '');
  const context: Context = { session, base, today, ...tevisHorizon(today, options.weeks), found: new Map() };
  const departments = parseDepartments(await page(session, `${base}/`));
  if (departments.length === 0) throw new ScrapeError('markup', 'tevis: the start page links no department (select2?md=)');
  for (const department of departments) {
    const url = `${base}/select2?md=${encodeURIComponent(department.md)}`;
    const services = parseServicePage(await page(session, url));
    const name = department.name || services.department || department.md;
    if (services.flow === 'wizard') await wizard(context, name, new URL(services.action ?? 'location', `${base}/`).href, services.services);
    else await classic(context, name, services.services);
  }
  return { sourceId: site.id, takenAt, locations: [...context.found.values()] };
}

async function page(session: HttpSession, url: string): Promise<string> {
  const html = await session.get(url);
  assertCompletePage(html, url);
  return html;
}

/** Steps 3–5 of the older flow: calendar page (id, selection), then `caldiv` JSON week by week. */
async function classic(context: Context, department: string, services: TevisService[]): Promise<void> {
  const { session, base, found } = context;
  for (const service of services) {
    const calendarUrl = `${base}/calendar?mdt=${encodeURIComponent(service.mdt)}&select_cnc=1&${encodeURIComponent(service.key)}=1`;
    let calendars = service.calendars;
    let selected: string | undefined;
    if (calendars.length === 0) {
      selected = parseCalendarPage(await page(session, calendarUrl));
      if (selected === undefined) continue;
      calendars = [selected];
    }
    for (const calendar of calendars) {
      if (found.has(calendar)) continue;
      if (calendar !== selected) await page(session, calendarUrl);
      const slots = new Set<WallTime>();
      for (const week of context.weeks) {
        const url = `${base}/caldiv?cal=${encodeURIComponent(calendar)}&cnc=0&cncdata=&week=${week}&json=1&offset=1`;
        const body = await session.get(url, { raw: true });
        const free = parseCaldiv(body);
        if (free === undefined) assertNoWall(body);
        // "Not JSON" means no data for the week only as the fragment caldiv answers with; a whole page is something else.
        if (free === undefined && /<(?:html|body)\b/i.test(body)) throw new ScrapeError('markup', `tevis: caldiv answered with an HTML page, not JSON (${url})`);
        for (const slot of free ?? []) if (inHorizon(context, slot)) slots.add(slot);
      }
      found.set(calendar, { locationId: calendar, name: `${department} / ${service.title}`, slots: [...slots].sort() });
    }
  }
}

/** The wizard: location page → POST the location → suggest, stepping the date filter forward day by day. */
async function wizard(context: Context, department: string, action: string, services: TevisService[]): Promise<void> {
  const { session, found } = context;
  for (const service of services) {
    if (service.calendars.length > 0 && service.calendars.every((calendar) => found.has(calendar))) continue;
    const locationUrl = `${action}?mdt=${encodeURIComponent(service.mdt)}&select_cnc=1&${encodeURIComponent(service.key)}=1`;
    const locations = parseLocationPage(await page(session, locationUrl));
    for (const location of locations) {
      const answer = await session.post(locationUrl, { ...location.fields, select_location: 'Weiter' });
      const first = isSuggestPage(answer) ? answer : await page(session, `${context.base}/suggest`);
      assertCompletePage(first, locationUrl);
      const { calendar, slots } = await suggestedSlots(context, parseSuggestPage(first));
      const id = calendar ?? (service.calendars.length === 1 ? service.calendars[0] : undefined);
      // Without a free time and without a calendar attribute the calendar id cannot be known: leave the location out.
      if (id === undefined || found.has(id)) continue;
      found.set(id, { locationId: id, name: `${department} / ${service.title} / ${location.name}`, slots });
    }
  }
}

async function suggestedSlots(context: Context, first: TevisSuggest): Promise<{ calendar?: string; slots: WallTime[] }> {
  const slots = new Set<WallTime>();
  let calendar: string | undefined;
  let shown = first;
  let lastShown = '';
  const limit = Math.round((Date.parse(context.lastDay) - Date.parse(context.today)) / 86_400_000) + 2;
  for (let step = 0; shown.kind === 'times'; step++) {
    const days = shown.days;
    const latest = days[days.length - 1] ?? lastShown;
    if (step > 0 && (days[0] ?? '') <= lastShown) throw new ScrapeError('markup', 'tevis: the suggest filter did not move past the days already shown');
    for (const { slot, cal } of shown.slots) {
      calendar ??= cal || undefined;
      if (inHorizon(context, slot)) slots.add(slot);
    }
    lastShown = latest;
    if (latest >= context.lastDay || step >= limit) break;
    const fields = { ...(shown.filter?.fields ?? {}), filter_date_from: germanDate(addDays(latest, 1)), filter_date_to: germanDate(context.lastDay), suggest_filter: 'Filtern' };
    const url = new URL(shown.filter?.action || 'suggest', `${context.base}/suggest`);
    url.search = new URLSearchParams(fields).toString();
    shown = parseSuggestPage(await page(context.session, url.href));
  }
  return { ...(calendar ? { calendar } : {}), slots: [...slots].sort() };
}

function inHorizon(context: Context, slot: WallTime): boolean {
  const day = slot.slice(0, 10);
  return day >= context.today && day <= context.lastDay;
}
