import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';
import { buildSite, type SimTevisDepartment, type SimTevisLocation, type SimTevisService } from './tevis-model.js';
import { defaultVariant, type TevisFlow, type TevisVariant } from './tevis-variant.js';
import { weekOf } from './tevis-weeks.js';
import { calendarPage, classicServicePage, indexPage, layout, locationPage, noCalendarPage } from './tevis-markup.js';
import { wizardServicePage } from './tevis-markup.js';
import { caldiv, suggest } from './tevis-answers.js';

export type { TevisFlow, TevisVariant } from './tevis-variant.js';

export interface TevisServerOptions {
  /**
   * The front end of an office (default: derived from its sourceId). Asked at every request, so a site can switch
   * from the older flow to the wizard mid-run: `(office) => (office.now() < switchAt ? 'classic' : 'wizard')`.
   */
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
  /** The site's traits now (its flow may change). */
  variant(): TevisVariant;
}

const COOKIE = 'TVWebSession';
/** Sessions kept; the oldest expire first (a long demo run must not grow without end). */
const MAX_SESSIONS = 2000;

/**
 * tevis (Kommunix) as protocols.md describes it: the older flow (select2 → calendar with window.tevis → caldiv JSON)
 * and today's wizard (select2 → location → POST loc → suggest with a date filter), chosen per office.
 */
export function tevisServer(offices: SimOffice[], options: TevisServerOptions = {}): SystemServer {
  const sites = offices.map((office, i): Site => {
    const variant = () => ({ ...defaultVariant(office, options.flow?.(office)), ...options.variant?.(office) });
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
  const { office } = site;
  const variant = site.variant();
  const name = office.name;
  const departments = buildSite(office, variant);
  const path = page(request);
  if (path === '/') return html(indexPage(name, departments));
  const noSession = () =>
    html(layout(name, 'Fehler', '<div class="alert alert-danger">Kein gültiger Mandant gefunden</div>'));
  if (!session) return path === '/caldiv' ? html('') : noSession();
  const today = toBerlinWallTime(office.now()).slice(0, 10);
  if (path === '/select2') {
    const department = departments.find((d) => d.md === request.query.get('md'));
    if (!department) return noSession();
    if (variant.flow === 'classic') return html(classicServicePage(name, department, variant));
    const host = String(request.headers.host ?? '127.0.0.1');
    return html(
      wizardServicePage(
        name,
        department,
        variant,
        variant.absoluteAction ? `http://${host}/tevis/${site.key}/location` : 'location',
      ),
    );
  }
  const chosen = serviceOf(departments, request);
  if (variant.flow === 'classic' && path === '/calendar') {
    if (!chosen)
      return html(layout(name, 'Hinweis', '<div class="alert">Der ausgewählte Kalender existiert nicht</div>'));
    session.selected = new Set(chosen.service.calendars);
    return html(calendarPage(name, chosen.service, weekOf(today).week));
  }
  if (variant.flow === 'classic' && path === '/caldiv') {
    return caldiv(office, variant, departments, request, session.selected, today);
  }
  if (variant.flow === 'wizard' && path === '/location') {
    if (!chosen) return noSession();
    session.service = chosen.service;
    if (chosen.service.locations.length === 0) return html(noCalendarPage(name, chosen.service));
    if (request.method !== 'POST') return html(locationPage(name, chosen.service));
    const location = chosen.service.locations.find((l) => l.loc === request.form.get('loc'));
    if (!location || !request.form.has('select_location')) return html(locationPage(name, chosen.service));
    session.location = location;
    return { status: 303, body: '', headers: { location: 'suggest' } };
  }
  if (variant.flow === 'wizard' && path === '/suggest') {
    if (!session.service || !session.location) return noSession();
    return html(suggest(office, session.service, session.location, request.query, today));
  }
  return html(layout(name, 'Seite nicht gefunden', '<p>Die Seite existiert nicht.</p>'), 404);
}

/** The service a `calendar?`/`location?` request names: `mdt` of its department and `{key}=1`. */
function serviceOf(
  departments: SimTevisDepartment[],
  request: SimRequest,
): { department: SimTevisDepartment; service: SimTevisService } | undefined {
  const department = departments.find((d) => d.mdt === request.query.get('mdt'));
  const service = department?.services.find((s) => request.query.get(s.key) === '1');
  return department && service ? { department, service } : undefined;
}
