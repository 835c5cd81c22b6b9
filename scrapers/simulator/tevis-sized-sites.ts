import type { LocationSpec, OfficeSpec, OpeningHours } from './office-spec.js';
import { MORNINGS } from './opening-hours.js';
import type { TevisVariant } from './tevis-variant.js';

/** A simulated tevis site shaped like a real one: the office and the traits its server must show. */
export interface TevisSiteShape {
  spec: OfficeSpec;
  variant: Partial<TevisVariant>;
  /** Services the site lists. */
  services: number;
}

const LONG_DAYS: OpeningHours = { mon: '08:00-15:00', tue: '08:00-15:00', thu: '08:00-18:00', fri: '08:00-12:00' };

const ONE_DEPARTMENT: Partial<TevisVariant> = { pairs: false, extras: false, departments: 1 };

/** Some calendars are in more demand than others. */
const share = (i: number): number => 0.85 + (i % 3) * 0.15;

const at = (id: string, name: string, hours: OpeningHours, demand: number): LocationSpec => ({
  id,
  name,
  slotMinutes: 15,
  hours,
  horizonDays: 35,
  demand,
  cancellationRate: 0.2,
});

/**
 * Mülheim an der Ruhr's Ausländeramt as its 2026 page shows it: 49 services (7 calendars of 7 services), one
 * department, the wizard, and no calendar or location attribute on any service, so that every service needs its
 * location page. `demand` 1 books about what the calendars offer; the real office (2026) is booked out (try 20).
 */
export function muelheimSized(demand = 1): TevisSiteShape {
  const sections = [
    'Meldewesen',
    'Allgemeine Ausländerangelegenheiten',
    'Bürger der EU',
    'Visaangelegenheiten',
    'Max-Planck-Institute',
    'Studierende',
    'Einbürgerung',
  ];
  return {
    spec: {
      sourceId: demand === 1 ? 'muelheim-sized' : `muelheim-sized-x${demand}`,
      system: 'tevis',
      name: 'Stadt Mülheim an der Ruhr (simuliert)',
      city: 'Mülheim an der Ruhr',
      locations: sections.map((name, i) => at(`m${i + 1}`, name, i % 2 ? LONG_DAYS : MORNINGS, demand * share(i))),
    },
    variant: { flow: 'wizard', calendarAttribute: 'none', servicesPerCalendar: 7, ...ONE_DEPARTMENT },
    services: 49,
  };
}

/** The StädteRegion Aachen's Ausländeramt as its 2025 pages show it: 22 services, 11 calendars, both attributes. */
export function aachenSized(demand = 1): TevisSiteShape {
  const names = ['Abholung', 'Aufenthalt', 'Integration', 'Infostelle', 'Einladung', 'Unionsbürger', 'RWTH', 'FH'];
  names.push('Klassenfahrt', 'Duldung', 'Visa');
  return {
    spec: {
      sourceId: 'aachen-sized',
      system: 'tevis',
      name: 'StädteRegion Aachen (simuliert)',
      city: 'Aachen',
      locations: names.map((name, i) => at(`a${i + 1}`, name, i % 2 === 0 ? LONG_DAYS : MORNINGS, demand * share(i))),
    },
    variant: { flow: 'wizard', calendarAttribute: 'all', servicesPerCalendar: 2, ...ONE_DEPARTMENT },
    services: 22,
  };
}
