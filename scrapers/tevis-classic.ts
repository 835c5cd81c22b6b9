import { ScrapeError, assertNoWall } from './failure.js';
import { parseCaldiv, parseCalendarPage } from './tevis-calendar-parse.js';
import type { TevisService } from './tevis-parse.js';
import { inHorizon, wholePage, type TevisOffer, type TevisRound } from './tevis-round.js';
import type { WallTime } from './types.js';

/**
 * The older flow's steps 3–5 for the services of one department: each service's calendars (its attribute, or the
 * calendar page), then each calendar's `caldiv` weeks, read once per round and given to every service it serves.
 * A service without calendar is there with no slots.
 */
export async function readClassic(round: TevisRound, services: TevisService[]): Promise<TevisOffer[]> {
  const offers: TevisOffer[] = [];
  for (const service of services) {
    const query = `mdt=${encodeURIComponent(service.mdt)}&select_cnc=1&${encodeURIComponent(service.key)}=1`;
    const calendarUrl = `${round.base}/calendar?${query}`;
    let calendars = service.calendars;
    let selected: string | undefined;
    if (calendars.length === 0) {
      selected = parseCalendarPage(await wholePage(round, calendarUrl));
      calendars = selected === undefined ? [] : [selected];
    }
    if (calendars.length === 0) offers.push({ service, slots: [], several: false });
    for (const [i, calendar] of calendars.entries()) {
      let slots = round.calendarSlots.get(calendar);
      if (slots === undefined) {
        // Select the calendar in the session (once per calendar) before its first week.
        if (calendar !== selected) await wholePage(round, calendarUrl);
        slots = await readWeeks(round, calendar);
        round.calendarSlots.set(calendar, slots);
      }
      // The older flow names no office location: several calendars of one service are told apart by their order.
      const several = calendars.length > 1;
      offers.push({ service, slots, several, ...(several ? { place: `Kalender ${i + 1}` } : {}) });
    }
  }
  return offers;
}

async function readWeeks(round: TevisRound, calendar: string): Promise<WallTime[]> {
  const slots = new Set<WallTime>();
  for (const week of round.weeks) {
    const url = `${round.base}/caldiv?cal=${encodeURIComponent(calendar)}&cnc=0&cncdata=&week=${week}&json=1&offset=1`;
    const body = await round.session.get(url, { raw: true });
    const free = parseCaldiv(body);
    if (free === undefined) assertNoWall(body);
    // "Not JSON" means no data for the week only as the fragment caldiv answers with; a whole page is something else.
    if (free === undefined && /<(?:html|body)\b/i.test(body)) {
      throw new ScrapeError('markup', `tevis: caldiv answered with an HTML page, not JSON (${url})`);
    }
    for (const slot of free ?? []) if (inHorizon(round, slot)) slots.add(slot);
  }
  return [...slots].sort();
}
