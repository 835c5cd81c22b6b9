import { readLookahead } from './tevis-lookahead.js';
import { assertCompletePage, type TevisService } from './tevis-parse.js';
import { wholePage, type CalendarRead, type TevisOffer, type TevisRound } from './tevis-round.js';
import { isSuggestPage, parseLocationPage, parseSuggestPage } from './tevis-wizard-parse.js';
import type { TevisOfficeLocation, TevisSuggest } from './tevis-wizard-parse.js';
import type { WallTime } from './types.js';

/**
 * The wizard's steps 2–4 for the services of one department: each service at each of its office locations, with the
 * free slots of the lookahead; a service the site shows no time or no location for is there with no slots.
 * What pages allow to share is read once per round: a location page is skipped where the service's
 * `data-tevis-locations` names only locations already seen, and a calendar's lookahead is read once, then given to
 * every service whose calendar attribute or first suggest page (the same earliest day and times) shows it.
 */
export async function readWizard(round: TevisRound, action: string, services: TevisService[]): Promise<TevisOffer[]> {
  const offers: TevisOffer[] = [];
  for (const service of services) {
    const known = knownCalendar(round, service);
    if (known) {
      offers.push({ service, slots: known.slots, place: known.place.name, several: false });
      continue;
    }
    const url = `${action}?mdt=${encodeURIComponent(service.mdt)}&select_cnc=1&${encodeURIComponent(service.key)}=1`;
    const places = await placesOf(round, service, url);
    if (places.length === 0) offers.push({ service, slots: [], several: false });
    for (const place of places) {
      const answer = await round.session.post(url, { ...place.fields, select_location: 'Weiter' });
      // The POST answers with a redirect to the suggest page, which the session follows; else ask for it.
      const suggest = isSuggestPage(answer) ? answer : await wholePage(round, `${round.base}/suggest`);
      assertCompletePage(suggest, url);
      const first = parseSuggestPage(suggest);
      const calendar = calendarOf(first, service, places.length);
      const slots = await lookahead(round, first, calendar, place);
      offers.push({ service, slots, place: place.name, several: places.length > 1 });
    }
  }
  return offers;
}

/** A service with one calendar at one location (both attributes) whose calendar this round has read already. */
function knownCalendar(round: TevisRound, service: TevisService): CalendarRead | undefined {
  const [calendar, loc] = [service.calendars, service.locations].map((ids) => (ids.length === 1 ? ids[0] : undefined));
  return round.trustLocations && calendar && loc ? round.calendars.get(`${calendar}@${loc}`) : undefined;
}

/** The service's office locations: its location page, or those already seen where `data-tevis-locations` names them. */
async function placesOf(round: TevisRound, service: TevisService, url: string): Promise<TevisOfficeLocation[]> {
  const seen = service.locations.flatMap((loc) => round.places.get(loc) ?? []);
  if (round.trustLocations && seen.length > 0 && seen.length === service.locations.length) return seen;
  const listed = parseLocationPage(await wholePage(round, url));
  for (const place of listed) round.places.set(place.loc, place);
  const same = listed.length === service.locations.length && listed.every((p) => service.locations.includes(p.loc));
  if (service.locations.length > 0 && !same) round.trustLocations = false;
  return listed;
}

/** The calendar of a first suggest page: its times say it; without times, a lone calendar attribute does. */
function calendarOf(first: TevisSuggest, service: TevisService, places: number): string | undefined {
  const shown = first.kind === 'times' ? first.slots.find((s) => s.cal)?.cal : undefined;
  return shown ?? (service.calendars.length === 1 && places === 1 ? service.calendars[0] : undefined);
}

async function lookahead(
  round: TevisRound,
  first: TevisSuggest,
  calendar: string | undefined,
  place: TevisOfficeLocation,
): Promise<WallTime[]> {
  const firstDay = first.kind === 'times' ? first.days[0] : undefined;
  const firstTimes = first.kind === 'times' ? first.slots.map((s) => s.slot) : [];
  const key = calendar === undefined ? undefined : `${calendar}@${place.loc}`;
  const read = key === undefined ? undefined : round.calendars.get(key);
  // Another service showed this calendar's first day exactly so: the rest of its lookahead is the same.
  if (read && read.firstDay === firstDay && read.firstTimes.join() === firstTimes.join()) return read.slots;
  const slots = await readLookahead(round, first);
  if (key !== undefined) round.calendars.set(key, { ...(firstDay ? { firstDay } : {}), firstTimes, slots, place });
  return slots;
}
