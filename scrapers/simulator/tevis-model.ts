import { toBerlinWallTime } from '../berlin-time.js';
import type { SimOffice } from './types.js';

/** Which of the two tevis front ends an office runs. */
export type TevisFlow = 'classic' | 'wizard';

/** How one simulated tevis site presents itself. */
export interface TevisVariant {
  flow: TevisFlow;
  /** Classic: one `form.cnc-form` per service; otherwise the older page (one mdt, standalone inputs). */
  cncForms: boolean;
  /** Which services carry the calendar attribute. */
  calendarAttribute: 'all' | 'some' | 'none';
  /** Spell it `data-tevis-calendar` (singular). */
  singularAttribute: boolean;
  /** Two calendars per service (classic: "a|b" in one attribute; wizard: two locations of one service). */
  pairs: boolean;
  /** Classic: `valid` entries as `{minute: 1}` objects (with taken minutes at 0). */
  validObjects: boolean;
  /** Classic: a week without free time answers with a body that is not JSON. */
  emptyWeekHtml: boolean;
  /** Extra services: one without calendar (classic), one sharing another's calendar. */
  extras: boolean;
  /** Wizard: the form action is an absolute URL. */
  absoluteAction: boolean;
  departments: number;
}

export interface SimTevisLocation {
  loc: string;
  name: string;
  calendar: string;
}

export interface SimTevisService {
  key: string;
  title: string;
  calendars: string[];
  /** The calendar attribute as served, if any. */
  attribute?: string;
  /** Classic: what the calendar page says for a service without calendar. */
  noCalendar?: 'zero' | string;
  /** Wizard: the office locations of the service. */
  locations: SimTevisLocation[];
}

export interface SimTevisDepartment {
  md: string;
  mdt: string;
  name: string;
  services: SimTevisService[];
}

const DEPARTMENTS = ['Bürgeramt', 'Ausländerbehörde', 'Straßenverkehrsamt', 'Standesamt'];
const WIZARD_SERVICES = ['Aufenthaltstitel verlängern', 'Führerschein umschreiben', 'Personalausweis beantragen', 'Übertrag Aufenthaltserlaubnis', 'Meldebescheinigung'];
const NO_CALENDAR = ['Der ausgewählte Kalender existiert nicht', 'Es wurde kein Mandantor empfangen', 'Eingabe der persönlichen Daten für den Termin', 'zero'];

export function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export function defaultVariant(office: SimOffice, flow?: TevisFlow): TevisVariant {
  const h = hash(office.sourceId);
  return {
    flow: flow ?? (h % 2 === 0 ? 'classic' : 'wizard'),
    cncForms: (h >> 1) % 2 === 0,
    calendarAttribute: (['all', 'some', 'none'] as const)[(h >> 2) % 3] ?? 'all',
    singularAttribute: (h >> 4) % 4 === 0,
    pairs: (h >> 6) % 3 === 0,
    validObjects: (h >> 8) % 2 === 0,
    emptyWeekHtml: (h >> 9) % 2 === 0,
    extras: (h >> 10) % 2 === 0,
    absoluteAction: (h >> 11) % 2 === 0,
    departments: 1 + ((h >> 12) % 2),
  };
}

/**
 * The site as it stands in the office's current month: departments, services, locations.
 * Like the real sites, mdt, cnc keys and loc ids change from one month to the next; calendar ids are the office's.
 */
export function buildSite(office: SimOffice, variant: TevisVariant): SimTevisDepartment[] {
  const month = toBerlinWallTime(office.now()).slice(0, 7);
  const [year, mm] = month.split('-').map(Number);
  const epoch = (year ?? 2021) * 12 + (mm ?? 1);
  const seed = hash(office.sourceId) % 500;
  const count = Math.max(1, Math.min(variant.departments, office.locations.length));
  const departments: SimTevisDepartment[] = [];
  let cnc = 100 + ((epoch * 37 + seed) % 900) * 10;
  let loc = 20 + ((epoch * 7 + seed) % 60);
  for (let d = 0; d < count; d++) {
    const own = office.locations.filter((_, i) => i % count === d);
    const groups: (typeof own)[] = [];
    for (let i = 0; i < own.length; i += variant.pairs ? 2 : 1) groups.push(own.slice(i, i + (variant.pairs ? 2 : 1)));
    const services: SimTevisService[] = groups.map((group, i) => {
      const calendars = group.map((l) => l.id);
      // A classic calendar page names one calendar: a service with two always lists them in its attribute.
      const withAttribute = variant.calendarAttribute === 'all' || (variant.calendarAttribute === 'some' && i % 2 === 1) || (variant.flow === 'classic' && group.length > 1);
      const title = variant.flow === 'classic' ? (group[0]?.name ?? '') : `${WIZARD_SERVICES[(d + i) % WIZARD_SERVICES.length]} ${i + 1}`;
      return {
        key: `cnc-${cnc++}`,
        title,
        calendars,
        ...(withAttribute ? { attribute: calendars.join('|') } : {}),
        locations: group.map((l) => ({ loc: String(loc++), name: l.name, calendar: l.id })),
      };
    });
    const first = services[0];
    if (variant.extras && first) {
      const shared = first.calendars.slice(0, 1);
      services.push({ key: `cnc-${cnc++}`, title: 'Sonstige Anliegen', calendars: shared, ...(first.attribute ? { attribute: shared.join('|') } : {}), locations: first.locations.slice(0, 1) });
      if (variant.flow === 'classic') services.push({ key: `cnc-${cnc++}`, title: 'Nur telefonisch', calendars: [], noCalendar: NO_CALENDAR[(seed + d) % NO_CALENDAR.length] ?? 'zero', locations: [] });
    }
    departments.push({ md: String(d + 1), mdt: String(40 + ((epoch * 3 + seed + d * 11) % 400)), name: DEPARTMENTS[(seed + d) % DEPARTMENTS.length] ?? 'Bürgeramt', services });
  }
  return departments;
}

/** 'YYYYWW' (ISO week) → the seven days 'YYYY-MM-DD' from Monday. */
export function daysOfWeek(week: string): string[] {
  const year = Number(week.slice(0, 4));
  const number = Number(week.slice(4));
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000) + (number - 1) * 7 * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

/** ISO week 'YYYYWW' and weekday (Monday 1) of a day, as the suggest forms carry them. */
export function weekOf(day: string): { week: string; weekday: number } {
  for (const offset of [0, 1, -1]) {
    const week = `${Number(day.slice(0, 4)) + offset}`;
    for (let n = 1; n <= 53; n++) {
      const days = daysOfWeek(`${week}${String(n).padStart(2, '0')}`);
      if (days[3]?.slice(0, 4) !== week) continue;
      const index = days.indexOf(day);
      if (index >= 0) return { week: `${week}${String(n).padStart(2, '0')}`, weekday: index + 1 };
    }
  }
  throw new Error(`no ISO week for ${day}`);
}
