import { ScrapeError } from './failure.js';
import type { LocationSlots, WallTime } from './types.js';

/** The service a scrape asks for in one service group: the shortest one. */
export interface EterminService {
  groupId: string;
  serviceId: string;
  /** Minutes. */
  duration: number;
}

export interface EterminCalendar {
  id: string;
  name: string;
}

/**
 * The API base and the site key of a site URL: `https://www.etermin.net/stadtgraz` → base `https://www.etermin.net`,
 * key `stadtgraz`.
 */
export function eterminEndpoint(siteUrl: string): { base: string; key: string } {
  const url = new URL(siteUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const key = segments.pop();
  if (!key)
    throw new ScrapeError(
      'unsupported',
      `the etermin site URL ${siteUrl} names no key (expected https://www.etermin.net/{key})`,
    );
  return { base: `${url.origin}${segments.map((s) => `/${s}`).join('')}`, key: decodeURIComponent(key) };
}

/**
 * Step 1: per service group the service with the smallest duration (services without a name or duration are menu
 * headings).
 */
export function pickServices(json: unknown): EterminService[] {
  const groups = new Map<string, EterminService>();
  for (const entry of list(json, 'service list')) {
    const { sgid, sid, s, duration } = entry;
    const minutes = Number(duration);
    if (!s || sgid == null || sid == null || !Number.isFinite(minutes) || minutes <= 0) continue;
    const groupId = String(sgid);
    const known = groups.get(groupId);
    if (!known || minutes < known.duration) groups.set(groupId, { groupId, serviceId: String(sid), duration: minutes });
  }
  return [...groups.values()];
}

/** Step 2: the calendars a service can be booked in. */
export function parseCalendars(json: unknown): EterminCalendar[] {
  return list(json, 'calendar list').flatMap((entry) =>
    entry.calendarid == null ? [] : [{ id: String(entry.calendarid), name: cleanName(entry.calendarname) }],
  );
}

/** Step 3a: the days of a range search marked available, 'YYYY-MM-DD'. */
export function parseAvailableDays(json: unknown): string[] {
  return list(json, 'day list').flatMap((entry) =>
    entry.available === true && typeof entry.start === 'string' ? [dayOf(entry.start)] : [],
  );
}

export interface EterminSlot {
  start: WallTime;
  calendarId?: string;
  calendarName?: string;
}

/** Step 3b: the free slots of one day; an entry with `cap: 0` is full, not free. */
export function parseSlots(json: unknown): EterminSlot[] {
  return list(json, 'slot list').flatMap((entry) => {
    if (typeof entry.start !== 'string' || entry.cap === 0 || entry.cap === '0') return [];
    const slot: EterminSlot = { start: wallTimeOf(entry.start) };
    if (entry.calendarid != null) slot.calendarId = String(entry.calendarid);
    if (entry.calendarname != null) slot.calendarName = cleanName(entry.calendarname);
    return [slot];
  });
}

/**
 * The `date` of each month's range search: today, then the first of each following month,
 * until the month holding `lastDay` is asked for (at most `max` months).
 */
export function monthStarts(today: string, lastDay: string, max = 3): string[] {
  const starts = [today];
  let month = today.slice(0, 7);
  while (starts.length < max && month < lastDay.slice(0, 7)) {
    const [year, mon] = month.split('-').map(Number) as [number, number];
    month = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
    starts.push(`${month}-01`);
  }
  return starts;
}

/**
 * Locations named by calendar name (the id where it has none), with " ({id})" where two calendars
 * share a name; slots sorted and unique.
 */
export function toLocations(calendars: EterminCalendar[], slots: Map<string, Set<WallTime>>): LocationSlots[] {
  const named = calendars.map(({ id, name }) => ({ id, name: name || id }));
  const count = new Map<string, number>();
  for (const { name } of named) count.set(name, (count.get(name) ?? 0) + 1);
  return named.map(({ id, name }) => ({
    locationId: id,
    name: (count.get(name) ?? 0) > 1 ? `${name} (${id})` : name,
    slots: [...(slots.get(id) ?? [])].sort(),
  }));
}

/** Trim, collapse whitespace, drop the markup some sites put in names; '' where there is no name. */
export function cleanName(raw: unknown): string {
  return typeof raw === 'string'
    ? raw
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}

function dayOf(start: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(start)?.[1];
  if (!day) throw new ScrapeError('markup', `etermin: not a date: ${JSON.stringify(start)}`);
  return day;
}

function wallTimeOf(start: string): WallTime {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(start);
  if (!match) throw new ScrapeError('markup', `etermin: not a slot time: ${JSON.stringify(start)}`);
  return `${match[1]} ${match[2]}:${match[3]}:${match[4] ?? '00'}`;
}

type Entry = Record<string, unknown>;

function list(json: unknown, what: string): Entry[] {
  if (!Array.isArray(json))
    throw new ScrapeError(
      'markup',
      `etermin: expected a ${what} (JSON array), got ${json === null ? 'null' : typeof json}`,
    );
  return json.filter((entry): entry is Entry => typeof entry === 'object' && entry !== null);
}
