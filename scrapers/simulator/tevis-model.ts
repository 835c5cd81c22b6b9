import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { SimOffice } from './types.js';
import { hash, type TevisVariant } from './tevis-variant.js';

export interface SimTevisLocation {
  loc: string;
  name: string;
  /** The calendar id the site shows this month. */
  calendar: string;
  /** The office location (SimLocation id) whose free slots the calendar holds. */
  office: string;
}

export interface SimTevisService {
  key: string;
  title: string;
  /** Wizard: the accordion section it is listed in. */
  section: string;
  calendars: string[];
  /** The calendar attribute as served, if any. */
  attribute?: string;
  /** What the site says for a service without calendar. */
  noCalendar?: 'zero' | string;
  /** The office locations (each with its calendar) of the service. */
  locations: SimTevisLocation[];
}

export interface SimTevisDepartment {
  md: string;
  mdt: string;
  name: string;
  services: SimTevisService[];
}

const DEPARTMENTS = ['Bürgeramt', 'Ausländerbehörde', 'Straßenverkehrsamt', 'Standesamt'];
const PAIRED_SERVICES = ['Aufenthaltstitel verlängern', 'Führerschein umschreiben', 'Personalausweis beantragen'];
PAIRED_SERVICES.push('Meldebescheinigung');
const MORE_SERVICES = ['Erstantrag', 'Verlängerung', 'Abholung', 'Beratung', 'Änderung', 'Familie', 'Übertrag'];
const NO_CALENDAR = [
  'Der ausgewählte Kalender existiert nicht',
  'Es wurde kein Mandantor empfangen',
  'Eingabe der persönlichen Daten für den Termin',
  'zero',
];

/** Months since year 0 on the office's clock (Berlin): the ids of the site change with it. */
export const monthOf = (office: SimOffice): number => {
  const [year, month] = toBerlinWallTime(office.now()).slice(0, 7).split('-').map(Number);
  return (year ?? 0) * 12 + (month ?? 1);
};

/**
 * The site as it stands in the office's current month: departments, services, office locations, calendars — the same
 * names in both flows. Like the real sites, mdt, cnc keys, loc and calendar ids change from one month to the next.
 */
export function buildSite(office: SimOffice, variant: TevisVariant): SimTevisDepartment[] {
  const epoch = variant.renumber ? monthOf(office) : 0;
  const seed = hash(office.sourceId) % 500;
  const count = Math.max(1, Math.min(variant.departments, office.locations.length));
  const perCalendar = Math.max(1, variant.servicesPerCalendar);
  const calendarBase = 100 + ((epoch * 53 + seed) % 700) * 10;
  let cnc = 100 + ((epoch * 37 + seed) % 900) * 10;
  let loc = 20 + ((epoch * 7 + seed) % 60);
  const departments: SimTevisDepartment[] = [];
  for (let d = 0; d < count; d++) {
    const own = office.locations.flatMap((l, i) => (i % count === d ? [{ ...l, index: i }] : []));
    const places = own.map(
      (l): SimTevisLocation => ({ loc: `${loc++}`, name: l.name, calendar: `${calendarBase + l.index}`, office: l.id }),
    );
    const size = variant.pairs ? 2 : 1;
    const groups: (typeof places)[] = [];
    for (let i = 0; i < places.length; i += size) groups.push(places.slice(i, i + size));
    const services: SimTevisService[] = [];
    groups.forEach((group, g) => {
      const paired = `${PAIRED_SERVICES[(d + g) % PAIRED_SERVICES.length]} ${g + 1}`;
      const base = group.length === 1 ? (group[0]?.name ?? '') : paired;
      for (let j = 0; j < perCalendar; j++) {
        const i = services.length;
        const calendars = group.map((l) => l.calendar);
        const some = variant.calendarAttribute === 'some' && i % 2 === 1;
        const all = variant.calendarAttribute === 'all';
        // A classic calendar page names one calendar: a service with two always lists them in its attribute.
        const withAttribute = all || some || (variant.flow === 'classic' && group.length > 1);
        const more = MORE_SERVICES[(j - 1) % MORE_SERVICES.length];
        services.push({
          key: `cnc-${cnc++}`,
          title: j === 0 ? base : `${base} – ${more}${j > MORE_SERVICES.length ? ` ${j}` : ''}`,
          section: perCalendar > 1 ? base : `Bereich ${g < groups.length / 2 ? 1 : 2}`,
          calendars,
          ...(withAttribute ? { attribute: calendars.join('|') } : {}),
          locations: group,
        });
      }
    });
    const first = services[0];
    if (variant.extras && first) {
      const shared = first.locations.slice(0, 1);
      const calendars = shared.map((l) => l.calendar);
      const attribute = first.attribute === undefined ? {} : { attribute: calendars.join('|') };
      const section = 'Weitere';
      const locations = shared;
      services.push({ key: `cnc-${cnc++}`, title: 'Sonstige Anliegen', section, calendars, ...attribute, locations });
      const noCalendar = NO_CALENDAR[(seed + d) % NO_CALENDAR.length] ?? 'zero';
      const none = { calendars: [], noCalendar, locations: [] };
      services.push({ key: `cnc-${cnc++}`, title: 'Nur telefonisch', section, ...none });
    }
    const mdt = String(40 + ((epoch * 3 + seed + d * 11) % 400));
    departments.push({ md: String(d + 1), mdt, name: DEPARTMENTS[d % DEPARTMENTS.length] ?? 'Bürgeramt', services });
  }
  return departments;
}
