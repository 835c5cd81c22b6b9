import type { SimOffice } from './types.js';

/** How one simulated netappoint site presents itself. */
export interface NetappointVariant {
  /**
   * `web-appoint`: the Munich front end throughout; `web-appoint-calendar`: a normal start page, a WEB_APPOINT day
   * calendar.
   */
  frontEnd: 'netappoint' | 'web-appoint' | 'web-appoint-calendar';
  /** Every other location asks to choose a site first (the step-3 detour). */
  detour: boolean;
  /** The first service of each location fails (HTTP 500): a scraper must retry with the second. */
  brokenFirstService: boolean;
  /** A location without free days answers with an empty calendar table or with a notice. */
  noDays: 'empty-table' | 'message';
  /** Location names shown as "Kategorie {name}". */
  kategorie: boolean;
  /** Some services are checkboxes instead of selects. */
  checkboxes: boolean;
  /** A day without free times shows an empty `table.nat_timeslist` (otherwise no table). */
  emptyDayTable: boolean;
  /** The start page lists the services only with the extra parameter `cur_cause=0`. */
  extra: boolean;
}

export function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export function defaultVariant(office: SimOffice): NetappointVariant {
  const h = hash(office.sourceId);
  return {
    frontEnd: 'netappoint',
    detour: h % 2 === 0,
    brokenFirstService: (h >> 1) % 3 === 0,
    noDays: (h >> 3) % 2 === 0 ? 'empty-table' : 'message',
    kategorie: (h >> 4) % 2 === 0,
    checkboxes: (h >> 5) % 2 === 0,
    emptyDayTable: (h >> 6) % 2 === 0,
    extra: (h >> 7) % 2 === 0,
  };
}
