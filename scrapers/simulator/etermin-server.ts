import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import type { WallTime } from '../types.js';
import type { SimLocation, SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';

/** How one simulated etermin site presents itself. */
export interface EterminVariant {
  /** Service groups the calendars are spread over (at most one per calendar). */
  groups: number;
  /** Slot lists also carry taken slots with `cap: 0`, and one day of only taken slots is marked available. */
  fullSlots: boolean;
  /** The first calendar is offered by every group too (a scraper must not count it twice). */
  sharedCalendar: boolean;
}

export interface EterminServerOptions {
  /** Override the variant of an office (default: derived from its sourceId). */
  variant?: (office: SimOffice) => Partial<EterminVariant>;
}

interface SimService {
  sid: number;
  name: string | null;
  duration: number | null;
}

interface SimGroup {
  sgid: number;
  name: string;
  services: SimService[];
  /** The one a client should pick: the shortest. */
  shortest: SimService;
  calendars: SimLocation[];
}

interface SimSite {
  office: SimOffice;
  key: string;
  variant: EterminVariant;
  groups: SimGroup[];
}

/** www.etermin.net as protocols.md describes it: one API host, sites told apart by the `webid` header. */
export function eterminServer(offices: SimOffice[], options: EterminServerOptions = {}): SystemServer {
  const sites = offices.map((office, index) =>
    buildSite(office, index, { ...defaultVariant(office), ...options.variant?.(office) }),
  );
  const byKey = new Map(sites.map((site) => [site.key.toLowerCase(), site]));
  const byOffice = new Map(sites.map((site) => [site.office, site]));
  const siteOf = (office: SimOffice): SimSite => {
    const site = byOffice.get(office);
    if (!site) throw new Error(`office ${office.sourceId} is not served by this etermin server`);
    return site;
  };
  return {
    system: 'etermin',
    route(request) {
      const path = request.path.replace(/^\/etermin(?=\/)/, '');
      const webid = header(request, 'webid');
      if (path.startsWith('/api/')) return webid ? byKey.get(webid.toLowerCase())?.office : undefined;
      return byKey.get(decodeURIComponent(path.slice(1)).toLowerCase())?.office;
    },
    handle: (office, request) => handle(siteOf(office), request),
    siteUrl: (origin, office) => `${origin}/etermin/${siteOf(office).key}`,
  };
}

function defaultVariant(office: SimOffice): EterminVariant {
  const h = hash(office.sourceId);
  return { groups: 1 + (h % 3), fullSlots: (h >> 2) % 2 === 0, sharedCalendar: (h >> 3) % 3 === 0 };
}

function buildSite(office: SimOffice, index: number, variant: EterminVariant): SimSite {
  const key = `Termine-${office.sourceId.replace(/[^A-Za-z0-9]/g, '')}${index}`;
  const count = Math.max(1, Math.min(variant.groups, office.locations.length));
  const groups: SimGroup[] = [];
  for (let g = 0; g < count; g++) {
    const base = 50_000 + index * 100 + g * 10;
    const services: SimService[] = [
      { sid: base + 9, name: null, duration: null },
      { sid: base + 1, name: `Beratung ${g + 1}`, duration: 30 },
      { sid: base + 2, name: `Kurzanliegen ${g + 1}`, duration: 10 + g * 5 },
      { sid: base + 3, name: `Antrag ${g + 1}`, duration: 45 },
    ];
    const calendars = office.locations.filter((_, i) => i % count === g);
    const first = office.locations[0];
    if (variant.sharedCalendar && g > 0 && first) calendars.unshift(first);
    groups.push({
      sgid: 1000 + index * 10 + g,
      name: `Gruppe ${g + 1}`,
      services,
      shortest: services[2] as SimService,
      calendars,
    });
  }
  return { office, key, variant, groups };
}

function handle(site: SimSite, request: SimRequest): SimResponse {
  const path = request.path.replace(/^\/etermin(?=\/)/, '');
  if (!path.startsWith('/api/'))
    return {
      body:
        `<!DOCTYPE html><html><head><title>${site.office.name}</title></head><body><div id="app"></div>` +
        '<footer>Online-Terminbuchung powered by eTermin</footer></body></html>',
    };
  if (!(header(request, 'accept') ?? '').includes('application/json'))
    return json({ error: 'Accept: application/json expected' }, 406);
  if (!(header(request, 'referer') ?? '').toLowerCase().endsWith(`/${site.key.toLowerCase()}`))
    return json({ error: 'bad referer' }, 403);
  const q = request.query;
  switch (path) {
    case '/api/servicegroupservice':
      if ((q.get('w') ?? '').toLowerCase() !== site.key.toLowerCase()) return json({ error: 'unknown w' }, 400);
      return json(
        site.groups.flatMap((g) =>
          g.services.map((s) => ({ sgid: g.sgid, sid: s.sid, s: s.name, sg: g.name, duration: s.duration })),
        ),
      );
    case '/api/calendar': {
      const group = groupOf(site, q.get('serviceid'));
      return json(group ? group.calendars.map((c) => ({ calendarid: idValue(c.id), calendarname: c.name })) : []);
    }
    case '/api/timeslots':
      return timeslots(site, q);
    default:
      return json({ error: 'not found' }, 404);
  }
}

function timeslots(site: SimSite, q: URLSearchParams): SimResponse {
  const date = q.get('date') ?? '';
  const appfuture = Number(q.get('appfuture'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isInteger(appfuture) || !q.has('duration'))
    return json({ error: 'bad request' }, 400);
  const group = groupOf(site, q.get('serviceid'));
  const calendar = group?.calendars.find((c) => c.id === q.get('calendarid'));
  // Only the shortest service is bookable in every slot; longer ones see no free time here.
  if (
    !group ||
    !calendar ||
    group.shortest.sid !== Number(q.get('serviceid')) ||
    Number(q.get('duration')) !== group.shortest.duration
  )
    return json([]);
  const today = toBerlinWallTime(site.office.now()).slice(0, 10);
  const byDay = slotsByDay(site, calendar, group.shortest.duration ?? 10, today, addDays(today, appfuture));
  if (q.get('rangesearch') === '1') {
    const days: { start: string; available: boolean }[] = [];
    for (
      let day = date < today ? today : date;
      day.slice(0, 7) === date.slice(0, 7) && day <= addDays(today, appfuture);
      day = addDays(day, 1)
    ) {
      days.push({ start: `${day}T00:00:00`, available: byDay.has(day) });
    }
    return json(days);
  }
  const slots = (byDay.get(date) ?? []).map(({ time, cap }) => ({
    start: `${date}T${time}:00`,
    end: `${date}T${plusMinutes(time, group.shortest.duration ?? 10)}:00`,
    calendarid: idValue(calendar.id),
    calendarname: calendar.name,
    cap,
    available: cap > 0,
  }));
  return json(slots);
}

type SlotsByDay = Map<string, { time: string; cap: number }[]>;

/** slotsByDay per free list (the office hands out the same list while nothing changes) and request shape. */
const slotsByDayCache = new WeakMap<readonly WallTime[], Map<string, SlotsByDay>>();

/** Per day the slots of a calendar: free ones (cap 1) and, in the fullSlots variant, taken ones (cap 0). */
function slotsByDay(
  site: SimSite,
  calendar: SimLocation,
  duration: number,
  today: string,
  lastDay: string,
): SlotsByDay {
  const all = site.office.freeSlots(calendar.id);
  const shape = `${site.variant.fullSlots === true}|${duration}|${today}|${lastDay}`;
  let known = slotsByDayCache.get(all);
  if (!known) slotsByDayCache.set(all, (known = new Map()));
  let byDay = known.get(shape);
  if (!byDay) known.set(shape, (byDay = computeSlotsByDay(site, all, duration, today, lastDay)));
  return byDay;
}

function computeSlotsByDay(
  site: SimSite,
  all: readonly WallTime[],
  duration: number,
  today: string,
  lastDay: string,
): SlotsByDay {
  const free = all.filter((s: WallTime) => s.slice(0, 10) >= today && s.slice(0, 10) <= lastDay);
  const byDay: SlotsByDay = new Map();
  const add = (day: string, time: string, cap: number) => {
    const list = byDay.get(day);
    if (list) list.push({ time, cap });
    else byDay.set(day, [{ time, cap }]);
  };
  const freeSet = new Set(free.map((s) => s.slice(0, 16)));
  for (const slot of free) add(slot.slice(0, 10), slot.slice(11, 16), 1);
  if (site.variant.fullSlots) {
    for (const slot of free) {
      const taken = plusMinutes(slot.slice(11, 16), duration);
      if (taken > slot.slice(11, 16) && !freeSet.has(`${slot.slice(0, 10)} ${taken}`)) add(slot.slice(0, 10), taken, 0);
    }
    for (let day = today; day <= lastDay; day = addDays(day, 1)) {
      if (!byDay.has(day)) {
        add(day, '08:00', 0);
        break;
      }
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => a.time.localeCompare(b.time));
  return byDay;
}

function groupOf(site: SimSite, serviceId: string | null): SimGroup | undefined {
  return site.groups.find((g) => g.services.some((s) => String(s.sid) === serviceId));
}

function plusMinutes(time: string, minutes: number): string {
  const total = Math.min(23 * 60 + 59, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function idValue(id: string): string | number {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : id;
}

function json(value: unknown, status = 200): SimResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}
