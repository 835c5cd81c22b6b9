import { addDays, toBerlinWallTime } from '../core/berlin-time.js';
import {
  eterminEndpoint,
  monthStarts,
  parseAvailableDays,
  parseCalendars,
  parseSlots,
  pickServices,
  toLocations,
} from './etermin-parse.js';
import type { EterminCalendar, EterminService } from './etermin-parse.js';
import type { HttpSession } from './http.js';
import { sessionScraper, type ScraperConfig } from './session-scraper.js';
import type { ScrapeOptions, Scraper, Site, Snapshot, WallTime } from './types.js';

/** An etermin scraper with its own HTTP limits (tests use short timeouts). */
export const createEterminScraper = (config: ScraperConfig = {}): Scraper => sessionScraper(scrape, config);

/** Scrape one www.etermin.net site (JSON API, see protocols.md "etermin"). */
export const scrapeEtermin: Scraper = createEterminScraper();

/** Query parameters the web client sends beside the ones that matter. */
const CLIENT_PARAMS = {
  caching: 'false',
  cluster: 'false',
  slottype: '0',
  fillcalendarstrategy: '0',
  showavcap: 'true',
  appdeadline: '0',
  appdeadlinewm: '0',
  msdcm: '0',
};
const TZ = 'W. Europe Standard Time';

async function scrape(session: HttpSession, site: Site, options: ScrapeOptions): Promise<Snapshot> {
  const takenAt = toBerlinWallTime(options.now);
  const today = takenAt.slice(0, 10);
  const lastDay = addDays(today, options.weeks * 7);
  const appfuture = String(options.weeks * 7);
  const { base, key } = eterminEndpoint(site.url);
  const webid = key.toLowerCase();
  const headers = { webid, accept: 'application/json', referer: `${base}/${key}` };
  const api = (path: string, query: Record<string, string>) =>
    session.getJson<unknown>(`${base}/api/${path}?${new URLSearchParams(query)}`, { headers });

  const services = pickServices(await api('servicegroupservice', { cache: '1', w: webid, vlang: 'de' }));
  const calendars: EterminCalendar[] = [];
  const slots = new Map<string, Set<WallTime>>();

  for (const service of services) {
    const listed = parseCalendars(
      await api('calendar', { availablecal: '1', lang: 'de', serviceid: service.serviceId, calendarid: 'undefined' }),
    );
    for (const calendar of listed) {
      if (slots.has(calendar.id)) continue;
      const free = new Set<WallTime>();
      slots.set(calendar.id, free);
      calendars.push(calendar);
      const common = {
        serviceid: service.serviceId,
        duration: String(service.duration),
        appfuture,
        calendarid: calendar.id,
      };
      for (const day of await availableDays(service, calendar)) {
        const answer = await api('timeslots', {
          date: day,
          ...common,
          capacity: '1',
          ...CLIENT_PARAMS,
          tz: TZ,
          tzaccount: TZ,
        });
        for (const slot of parseSlots(answer)) {
          if (slot.calendarId !== undefined && slot.calendarId !== calendar.id) continue;
          if (slot.start.slice(0, 10) >= today && slot.start.slice(0, 10) <= lastDay) free.add(slot.start);
        }
      }
    }
  }
  return { sourceId: site.id, takenAt, locations: toLocations(calendars, slots) };

  async function availableDays(service: EterminService, calendar: EterminCalendar): Promise<string[]> {
    const days = new Set<string>();
    for (const date of monthStarts(today, lastDay)) {
      const query = {
        date,
        serviceid: service.serviceId,
        rangesearch: '1',
        capacity: '',
        duration: String(service.duration),
        appfuture,
        ...CLIENT_PARAMS,
        calendarid: calendar.id,
      };
      for (const day of parseAvailableDays(await api('timeslots', query)))
        if (day >= today && day <= lastDay) days.add(day);
    }
    return [...days].sort();
  }
}
