import { toBerlinWallTime } from '../berlin-time.js';
import type { SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';
import { buildSite, daysOfWeek, defaultVariant, weekOf, type SimTevisDepartment, type SimTevisLocation, type SimTevisService, type TevisFlow, type TevisVariant } from './tevis-model.js';
import { calendarPage, classicServicePage, indexPage, layout, locationPage, suggestPage, wizardServicePage, type SuggestDay } from './tevis-markup.js';

export type { TevisFlow, TevisVariant } from './tevis-model.js';

export interface TevisServerOptions {
  /** The front end of an office (default: derived from its sourceId). */
  flow?: (office: SimOffice) => TevisFlow;
  /** Override other traits of an office's site. */
  variant?: (office: SimOffice) => Partial<TevisVariant>;
}

interface Session {
  /** Classic: the calendars the last calendar page selected. */
  selected: Set<string>;
  /** Wizard: the service and location chosen. */
  service?: SimTevisService;
  location?: SimTevisLocation;
}

interface Site {
  office: SimOffice;
  key: string;
  variant: TevisVariant;
}

const COOKIE = 'TVWebSession';
/** Sessions kept; the oldest expire first (a long demo run must not grow without end). */
const MAX_SESSIONS = 2000;
const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/**
 * tevis (Kommunix) as protocols.md describes it: the older flow (select2 → calendar with window.tevis → caldiv JSON)
 * and today's wizard (select2 → location → POST loc → suggest with a date filter), chosen per office.
 */
export function tevisServer(offices: SimOffice[], options: TevisServerOptions = {}): SystemServer {
  const sites = offices.map((office, i): Site => {
    const variant = { ...defaultVariant(office, options.flow?.(office)), ...options.variant?.(office) };
    return { office, key: `${office.sourceId.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'site'}${i}`, variant };
  });
  const byKey = new Map(sites.map((site) => [site.key, site]));
  const byOffice = new Map(sites.map((site) => [site.office, site]));
  const sessions = new Map<string, Session>();
  let sessionCount = 0;
  const siteOf = (office: SimOffice): Site => {
    const site = byOffice.get(office);
    if (!site) throw new Error(`office ${office.sourceId} is not served by this tevis server`);
    return site;
  };
  return {
    system: 'tevis',
    route: (request) => byKey.get(/^\/tevis\/([^/]+)/.exec(request.path)?.[1] ?? '')?.office,
    handle(office, request) {
      const site = siteOf(office);
      let cookie = request.cookies[COOKIE];
      const setCookies: string[] = [];
      if (cookie === undefined || !sessions.has(cookie)) {
        cookie = undefined;
        if (page(request) === '/') {
          cookie = `${site.key}-${++sessionCount}`;
          sessions.set(cookie, { selected: new Set() });
          if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? '');
          setCookies.push(`${COOKIE}=${cookie}; path=/tevis/${site.key}; HttpOnly`);
        }
      }
      const session = cookie === undefined ? undefined : sessions.get(cookie);
      const response = handle(site, request, session);
      return setCookies.length > 0 ? { ...response, setCookies } : response;
    },
    siteUrl: (origin, office) => `${origin}/tevis/${siteOf(office).key}`,
  };
}

const page = (request: SimRequest): string => request.path.replace(/^\/tevis\/[^/]+/, '') || '/';
const html = (body: string, status = 200): SimResponse => ({ status, body, contentType: 'text/html' });

function handle(site: Site, request: SimRequest, session: Session | undefined): SimResponse {
  const { office, variant } = site;
  const name = office.name;
  const departments = buildSite(office, variant);
  const path = page(request);
  if (path === '/') return html(indexPage(name, departments));
  const noSession = () => html(layout(name, 'Fehler', '<div class="alert alert-danger">Kein gültiger Mandant gefunden</div>'));
  if (!session) return path === '/caldiv' ? html('') : noSession();
  const today = toBerlinWallTime(office.now()).slice(0, 10);
  if (path === '/select2') {
    const department = departments.find((d) => d.md === request.query.get('md'));
    if (!department) return noSession();
    if (variant.flow === 'classic') return html(classicServicePage(name, department, variant));
    const host = String(request.headers.host ?? '127.0.0.1');
    return html(wizardServicePage(name, department, variant, variant.absoluteAction ? `http://${host}/tevis/${site.key}/location` : 'location'));
  }
  const chosen = serviceOf(departments, request);
  if (variant.flow === 'classic' && path === '/calendar') {
    if (!chosen) return html(layout(name, 'Hinweis', '<div class="alert">Der ausgewählte Kalender existiert nicht</div>'));
    session.selected = new Set(chosen.service.calendars);
    return html(calendarPage(name, chosen.service, weekOf(today).week));
  }
  if (variant.flow === 'classic' && path === '/caldiv') return caldiv(site, request, session, today);
  if (variant.flow === 'wizard' && path === '/location') {
    if (!chosen) return noSession();
    session.service = chosen.service;
    if (request.method !== 'POST') return html(locationPage(name, chosen.service));
    const location = chosen.service.locations.find((l) => l.loc === request.form.get('loc'));
    if (!location || !request.form.has('select_location')) return html(locationPage(name, chosen.service));
    session.location = location;
    return { status: 303, body: '', headers: { location: 'suggest' } };
  }
  if (variant.flow === 'wizard' && path === '/suggest') {
    if (!session.service || !session.location) return noSession();
    return html(suggest(site, session.service, session.location, request, today));
  }
  return html(layout(name, 'Seite nicht gefunden', '<p>Die Seite existiert nicht.</p>'), 404);
}

/** The service a `calendar?`/`location?` request names: `mdt` of its department and `{key}=1`. */
function serviceOf(departments: SimTevisDepartment[], request: SimRequest): { department: SimTevisDepartment; service: SimTevisService } | undefined {
  const department = departments.find((d) => d.mdt === request.query.get('mdt'));
  const service = department?.services.find((s) => request.query.get(s.key) === '1');
  return department && service ? { department, service } : undefined;
}

function caldiv(site: Site, request: SimRequest, session: Session, today: string): SimResponse {
  const calendar = request.query.get('cal') ?? '';
  const week = request.query.get('week') ?? '';
  if (!session.selected.has(calendar) || !/^\d{6}$/.test(week)) return html('<div class="caldiv_info">Bitte wählen Sie zuerst ein Anliegen aus.</div>');
  const days = daysOfWeek(week);
  const free = site.office.freeSlots(calendar).filter((slot) => slot.slice(0, 10) >= today);
  const valid = days.map((day) => free.filter((slot) => slot.startsWith(day)).map((slot) => Number(slot.slice(11, 13)) * 60 + Number(slot.slice(14, 16))));
  if (valid.every((minutes) => minutes.length === 0) && site.variant.emptyWeekHtml) return html('<div class="caldiv_info">Keine Termine in dieser Woche</div>');
  const entries = site.variant.validObjects ? valid.map(asObject) : valid;
  const body = JSON.stringify({ week, cal: Number(calendar), days: days.map((d) => d.replace(/-/g, '')), valid: entries, invalid: [], offset: 1 });
  return { body, contentType: 'application/json' };
}

/** `{minute: 1}` for each free minute, and one taken minute at 0 (the shape a Kiel bot reads). */
function asObject(minutes: number[]): Record<string, number> {
  const entry: Record<string, number> = {};
  for (const minute of minutes) entry[String(minute)] = 1;
  const taken = minutes.length > 0 ? ((minutes[0] ?? 0) + 7) % 1440 : undefined;
  if (taken !== undefined && !minutes.includes(taken)) entry[String(taken)] = 0;
  return entry;
}

function suggest(site: Site, service: SimTevisService, location: SimTevisLocation, request: SimRequest, today: string): string {
  const from = isoOf(request.query.get('filter_date_from')) ?? today;
  const to = isoOf(request.query.get('filter_date_to'));
  const free = site.office.freeSlots(location.calendar).filter((slot) => slot.slice(0, 10) >= (from < today ? today : from) && (to === undefined || slot.slice(0, 10) <= to));
  const day = free[0]?.slice(0, 10);
  let shown: SuggestDay | undefined;
  if (day) {
    const minutes = free.filter((slot) => slot.startsWith(day)).map((slot) => Number(slot.slice(11, 13)) * 60 + Number(slot.slice(14, 16)));
    const taken = [...new Set(minutes.map((m) => Math.floor(m / 60) * 60 + 45))].filter((m) => !minutes.includes(m));
    const { week, weekday } = weekOf(day);
    shown = { day, week, weekday, weekdayName: WEEKDAYS[weekday - 1] ?? '', free: minutes, taken };
  }
  const german = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
  return suggestPage(site.office.name, service, location, shown, { from: german(from), to: german(to ?? day ?? from) });
}

function isoOf(german: string | null): string | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(german ?? '');
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
}
