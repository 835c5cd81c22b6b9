import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { SimLocation, SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';
import {
  calendarPage,
  dayPage,
  idParts,
  listPage,
  messagePage,
  noticePage,
  startPage,
  type SimCategory,
  type SimTempusSite,
  type TempusVariant,
} from './tempus-pages.js';

export type { TempusVariant } from './tempus-pages.js';

export interface TempusServerOptions {
  /** Override the variant of an office (default: derived from its sourceId). */
  variant?: (office: SimOffice) => Partial<TempusVariant>;
}

const SESSION_COOKIE = 'PHPSESSID';
const NO_LOCATIONS = 'Leider können wir Ihnen im Moment an keinem Standort einen Termin anbieten.';
const CATEGORY_NAMES = [
  'Meldeangelegenheiten',
  'Pass- und Ausweisangelegenheiten',
  'Führerscheinangelegenheiten',
  'Kfz-Zulassung',
  'Gewerbeangelegenheiten',
];

/** tempus-termine.com as protocols.md describes it; sites told apart by `anlagennr` (`anr` on later pages). */
export function tempusServer(offices: SimOffice[], options: TempusServerOptions = {}): SystemServer {
  const sites = offices.map((office, index) =>
    buildSite(office, index, { ...defaultVariant(office), ...options.variant?.(office) }),
  );
  const byAnr = new Map(sites.map((site) => [String(site.anr), site]));
  const byOffice = new Map(sites.map((site) => [site.office, site]));
  const siteOf = (office: SimOffice): SimTempusSite => {
    const site = byOffice.get(office);
    if (!site) throw new Error(`office ${office.sourceId} is not served by this tempus server`);
    return site;
  };
  return {
    system: 'tempus',
    route: (request) => byAnr.get(request.query.get('anlagennr') ?? request.query.get('anr') ?? '')?.office,
    handle: (office, request) => handle(siteOf(office), request),
    siteUrl(origin, office) {
      const site = siteOf(office);
      return `${origin}/termine/index.php?anlagennr=${site.anr}${site.anwendung ? `&anwendung=${site.anwendung}` : ''}`;
    },
  };
}

function defaultVariant(office: SimOffice): TempusVariant {
  const h = hash(office.sourceId);
  return {
    menu: h % 2 === 0 ? 'nested' : 'flat',
    notice: (h >> 1) % 3 === 0,
    locations: (['direct', 'infolink', 'nav'] as const)[(h >> 3) % 3] ?? 'direct',
    emptyCategory: (h >> 5) % 4 === 0,
    shortCalendar: (h >> 7) % 2 === 0,
  };
}

function buildSite(office: SimOffice, index: number, variant: TempusVariant): SimTempusSite {
  const anr = 10 + index;
  const groups: { name: string; locations: SimLocation[] }[] = [];
  if (variant.locations === 'direct') {
    const used = new Set<string>();
    for (const location of office.locations) {
      let name = location.name.trim() || `Standort ${location.id}`;
      for (let n = 2; used.has(name); n++) name = `${location.name.trim()} ${n}`;
      used.add(name);
      groups.push({ name, locations: [location] });
    }
  } else {
    for (let i = 0; i < office.locations.length; i += 2) {
      const n = i / 2;
      groups.push({
        name: `${CATEGORY_NAMES[n % CATEGORY_NAMES.length]}${n >= CATEGORY_NAMES.length ? ` ${n + 1}` : ''}`,
        locations: office.locations.slice(i, i + 2),
      });
    }
  }
  if (variant.emptyCategory || groups.length === 0) groups.push({ name: 'Sonstige Anliegen', locations: [] });
  const categories: SimCategory[] = groups.map((group, c) => ({
    ...group,
    options: Array.from({ length: 1 + ((c + index) % 3) }, (_, o) => ({
      key: `anliegen_${anr}_${c}_${o}`,
      name: `Anliegen ${o + 1} - ${group.name}`,
    })),
  }));
  const h = hash(office.sourceId);
  return { office, anr, ...((h >> 9) % 2 === 0 ? { anwendung: String(1 + (h % 7)) } : {}), variant, categories };
}

function handle(site: SimTempusSite, request: SimRequest): SimResponse {
  if (request.path !== '/termine/index.php') return { status: 404, body: '<html><body>Not Found</body></html>' };
  const page = request.query.get('page');
  const session = request.cookies[SESSION_COOKIE] === `sim${site.anr}`;
  const today = toBerlinWallTime(site.office.now()).slice(0, 10);
  if (!page) {
    if (site.anwendung && request.query.get('anwendung') !== site.anwendung)
      return html(messagePage(site, 'Bitte wählen Sie zuerst eine Anwendung aus.'));
    return { body: startPage(site), setCookies: [`${SESSION_COOKIE}=sim${site.anr}; path=/`] };
  }
  if (!session) return html(messagePage(site, 'Ihre Sitzung ist abgelaufen. Bitte beginnen Sie erneut.'));
  switch (page) {
    case 'auswahl': {
      if (request.method !== 'POST') return html(messagePage(site, 'Ungültige Anfrage.'));
      const chosen = chosenCategory(site, request.form);
      if (chosen === undefined) return html(messagePage(site, 'Bitte wählen Sie mindestens ein Anliegen aus.'));
      return html(site.variant.notice ? noticePage(site, chosen) : categoryPage(site, chosen, today));
    }
    case 'hinweis':
      return html(categoryPage(site, Number(request.query.get('kategorie')), today));
    case 'tagesauswahl':
    case 'termine': {
      const location = locationOf(site, request.query);
      if (!location) return { status: 404, body: '<html><body>Standort unbekannt</body></html>' };
      const date = request.query.get('datum') ?? '';
      if (page === 'tagesauswahl') return html(calendarPage(site, location, today));
      return /^\d{4}-\d{2}-\d{2}$/.test(date)
        ? html(dayPage(site, location, date))
        : { status: 400, body: '<html><body>Datum fehlt</body></html>' };
    }
    default:
      return { status: 404, body: '<html><body>Not Found</body></html>' };
  }
}

/** The category whose first option is "1" and whose other options are all "0". */
function chosenCategory(site: SimTempusSite, form: URLSearchParams): number | undefined {
  const index = site.categories.findIndex((c) => form.get(c.options[0]?.key ?? '') === '1');
  const category = site.categories[index];
  if (!category?.options.slice(1).every((o) => form.get(o.key) === '0')) return undefined;
  return index;
}

function categoryPage(site: SimTempusSite, index: number, today: string): string {
  const category = site.categories[index];
  if (!category) return messagePage(site, 'Ungültige Anfrage.');
  if (category.locations.length === 0) return messagePage(site, NO_LOCATIONS);
  const only = category.locations[0];
  if (site.variant.locations === 'direct' && only) return calendarPage(site, only, today);
  return listPage(site, category, today);
}

function locationOf(site: SimTempusSite, query: URLSearchParams): SimLocation | undefined {
  return site.office.locations.find((location) => {
    const { row, tasks } = idParts(location.id);
    return (query.get('standortrowid') || undefined) === row && (query.get('tasks') || undefined) === tasks;
  });
}

function html(body: string): SimResponse {
  return { body };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}
