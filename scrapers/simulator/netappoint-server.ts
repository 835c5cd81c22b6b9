import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';
import { defaultVariant, hash, type NetappointVariant } from './netappoint-variant.js';
import {
  daysPage,
  indexPage,
  layout,
  sitesPage,
  timesPage,
  webAppointCalendar,
  webAppointIndex,
  type SimNetLocation,
} from './netappoint-markup.js';

export type { NetappointVariant } from './netappoint-variant.js';

export interface NetappointServerOptions {
  variant?: (office: SimOffice) => Partial<NetappointVariant>;
}

interface Session {
  /**
   * `sites`: services chosen, a site to pick; `days`: the day calendar was shown (shown again to any later request).
   */
  stage: 'fresh' | 'sites' | 'days';
  location?: SimNetLocation;
  screen?: string;
}

interface Site {
  office: SimOffice;
  company: string;
  variant: NetappointVariant;
  locations: SimNetLocation[];
}

const COOKIE = 'PHPSESSID';
/** Sessions kept; the oldest expire first (a long demo run must not grow without end). */
const MAX_SESSIONS = 2000;
const BASE = '/netappoint/termine';
const SERVICES = ['Antrag', 'Beratung', 'Abholung'];

/**
 * netappoint (Kahlert) as protocols.md describes it: one host, sites told apart by `company`; services POSTed per
 * location, day links with year/month/day, time lists at `&step=3&`, and a session that must be dropped between
 * locations.
 */
export function netappointServer(offices: SimOffice[], options: NetappointServerOptions = {}): SystemServer {
  const sites = offices.map((office, i): Site => {
    const variant = { ...defaultVariant(office), ...options.variant?.(office) };
    const seed = 1000 + (hash(office.sourceId) % 800) * 10;
    const locations = office.locations.map((location, n) => ({
      key: `nat_cat_${seed + n}`,
      number: String(seed + n),
      shown: variant.kategorie ? `Kategorie ${location.name}` : location.name,
      services: SERVICES.slice(0, variant.brokenFirstService ? 2 + (n % 2) : 1 + (n % 3)).map((title, j) => ({
        field: `casetype_${seed * 10 + n * 10 + j}`,
        title: `${title} ${location.name.trim()}`,
      })),
      detour: variant.detour && n % 2 === 1,
      id: location.id,
    }));
    return {
      office,
      company: `${office.sourceId.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'stadt'}${i}`,
      variant,
      locations,
    };
  });
  const byCompany = new Map(sites.map((site) => [site.company, site]));
  const byOffice = new Map(sites.map((site) => [site.office, site]));
  const sessions = new Map<string, Session>();
  let count = 0;
  const siteOf = (office: SimOffice): Site => {
    const site = byOffice.get(office);
    if (!site) throw new Error(`office ${office.sourceId} is not served by this netappoint server`);
    return site;
  };
  return {
    system: 'netappoint',
    route: (request) =>
      request.path.startsWith(`${BASE}/`) ? byCompany.get(request.query.get('company') ?? '')?.office : undefined,
    handle(office, request) {
      let cookie = request.cookies[COOKIE];
      const setCookies: string[] = [];
      if (cookie === undefined || !sessions.has(cookie)) {
        cookie = `${(hash(office.sourceId) + ++count).toString(16)}${count}`;
        sessions.set(cookie, { stage: 'fresh' });
        if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? '');
        setCookies.push(`${COOKIE}=${cookie}; path=/netappoint`);
      }
      const response = handle(siteOf(office), request, sessions.get(cookie) ?? { stage: 'fresh' });
      return { ...response, setCookies };
    },
    siteUrl: (origin) => `${origin}${BASE}`,
    siteParams: (office) => ({
      company: siteOf(office).company,
      ...(siteOf(office).variant.extra ? { extra: 'cur_cause=0' } : {}),
    }),
  };
}

const html = (body: string, status = 200): SimResponse => ({ status, body, contentType: 'text/html' });

function handle(site: Site, request: SimRequest, session: Session): SimResponse {
  const { office, variant, company } = site;
  const title = `Terminvereinbarung ${office.name}`;
  const query = `${BASE}/index.php?company=${company}`;
  const step = request.query.get('step');
  const today = toBerlinWallTime(office.now()).slice(0, 10);
  const noService = () =>
    html(layout(title, '<p class="nat_error">Bitte geben Sie mindestens 1 Dienstleistung an.</p>'));
  if (request.method === 'POST') {
    if (session.stage !== 'fresh' && session.screen) return html(session.screen);
    const chosen = site.locations.filter((l) =>
      l.services.some((s) => request.form.get(s.field) === '1' || request.form.get(`CASETYPES[${s.title}]`) === '1'),
    );
    const location = chosen[0];
    if (!location) return noService();
    if (chosen.length > 1)
      return html(
        layout(
          title,
          '<p class="nat_error">Die von Ihnen gewählte Dienstleistungs-Kombination' +
            ' kann nicht an einem Standort bearbeitet werden.</p>',
        ),
      );
    if (
      variant.brokenFirstService &&
      location.services.length > 1 &&
      request.form.get(location.services[0]?.field ?? '') === '1'
    )
      return html('<html><body>Interner Fehler</body></html>', 500);
    if (variant.frontEnd !== 'netappoint')
      return html(
        webAppointCalendar(title, office.name, monthsFrom(today, 5), new Set(freeDays(site, location, today))),
      );
    session.location = location;
    if (location.detour) {
      session.stage = 'sites';
      session.screen = sitesPage(
        title,
        `${query}&step=3&location=${location.number}&cur_cause=0`,
        `Standort ${office.name}`,
      );
      return html(session.screen);
    }
    return html(showDays(site, session, location, today, title));
  }
  if (step === null) {
    if (variant.frontEnd === 'web-appoint') return html(webAppointIndex(title, site.locations));
    const listed = !variant.extra || request.query.get('cur_cause') === '0';
    return html(indexPage(title, `${query}&cur_cause=0&step=2`, listed ? site.locations : [], variant.checkboxes));
  }
  const location = site.locations.find((l) => l.number === request.query.get('location'));
  if (step === '3' && !request.query.has('day')) {
    if (session.stage !== 'sites' || !session.location || session.location !== location) return noService();
    return html(showDays(site, session, session.location, today, title));
  }
  if (step === '3' && location) {
    if (session.stage === 'days' && session.screen) return html(session.screen);
    const day = dayOf(request.query);
    const times = day
      ? office
          .freeSlots(location.id)
          .filter((s) => s.startsWith(day) && day >= today)
          .map((s) => s.slice(11, 16))
      : [];
    return html(
      timesPage(
        title,
        day ?? today,
        times,
        variant.emptyDayTable,
        (t) => `${query}&step=5&location=${location.number}&time=${t}`,
      ),
    );
  }
  if (step === '4') return html(layout(title, '<p>Bitte wählen Sie zuerst eine Uhrzeit.</p>'));
  return html(layout(title, '<p>Die Seite existiert nicht.</p>'), 404);
}

function showDays(site: Site, session: Session, location: SimNetLocation, today: string, title: string): string {
  const days = freeDays(site, location, today);
  const month = days[0]?.slice(0, 7);
  const query = `${BASE}/index.php?company=${site.company}`;
  const link = (day: string) =>
    `${query}&step=4&location=${location.number}` +
    `&year=${day.slice(0, 4)}&month=${Number(day.slice(5, 7))}&day=${Number(day.slice(8, 10))}&cur_cause=0`;
  session.stage = 'days';
  if (month) session.screen = daysPage(title, month, new Set(days.filter((d) => d.startsWith(month))), link);
  else if (site.variant.noDays === 'empty-table') session.screen = daysPage(title, today.slice(0, 7), new Set(), link);
  else
    session.screen = layout(
      title,
      '<p class="nat_error">Die von Ihnen gewählte Dienstleistungs-Kombination' +
        ' kann nicht an einem Standort bearbeitet werden.</p>',
    );
  return session.screen;
}

function freeDays(site: Site, location: SimNetLocation, today: string): string[] {
  return [...new Set(site.office.freeSlots(location.id).map((s) => s.slice(0, 10)))].filter((d) => d >= today).sort();
}

function dayOf(query: URLSearchParams): string | undefined {
  const [y, m, d] = ['year', 'month', 'day'].map((k) => Number(query.get(k)));
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? date.toISOString().slice(0, 10) : undefined;
}

function monthsFrom(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7));
}
