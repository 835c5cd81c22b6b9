import type { SimOffice } from './types.js';

/** Which of the two tevis front ends an office runs. */
export type TevisFlow = 'classic' | 'wizard';

/** How one simulated tevis site presents itself. */
export interface TevisVariant {
  flow: TevisFlow;
  /** Classic: one `form.cnc-form` per service; otherwise the older page (one mdt, standalone inputs). */
  cncForms: boolean;
  /** Which services carry the calendar attribute (and, in the wizard, `data-tevis-locations`). */
  calendarAttribute: 'all' | 'some' | 'none';
  /** Spell it `data-tevis-calendar` (singular). */
  singularAttribute: boolean;
  /** Two calendars per service (classic: "a|b" in one attribute; wizard: two locations of one service). */
  pairs: boolean;
  /** Classic: `valid` entries as `{minute: 1}` objects (with taken minutes at 0). */
  validObjects: boolean;
  /** Classic: a week without free time answers with a body that is not JSON. */
  emptyWeekHtml: boolean;
  /** Extra services: one sharing another's calendar, one without calendar ("Nur telefonisch"). */
  extras: boolean;
  /** Wizard: the form action is an absolute URL. */
  absoluteAction: boolean;
  departments: number;
  /** Services booked through each calendar (Mülheim's Ausländeramt: 49 services, a few calendars). */
  servicesPerCalendar: number;
  /** mdt, cnc keys, loc and calendar ids change with each month of the office's clock, as on the real sites. */
  renumber: boolean;
}

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
    servicesPerCalendar: 1,
    renumber: true,
  };
}
