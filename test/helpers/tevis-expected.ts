import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { slugify } from '../../scrapers/slug.js';
import { buildSite } from '../../scrapers/simulator/tevis-model.js';
import type { TevisVariant } from '../../scrapers/simulator/tevis-variant.js';
import type { SimOffice } from '../../scrapers/simulator/types.js';
import type { LocationSlots } from '../../scrapers/types.js';

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Last day of the lookahead: the Sunday of the (weeks-1)th ISO week after today's (apart from the scraper's own). */
export function lastDayOf(today: string, weeks: number): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return addDays(today, weeks * 7 - weekday);
}

/**
 * The snapshot a tevis scrape of a simulated site must give, read off the site's structure: every service, at each
 * of its calendars (older flow) or office locations (wizard), in page order, with the true free slots of the
 * lookahead; the id `department/service`, plus the place where a service has several, repeats numbered `-2`.
 * (Independent of the scraper's code: the rules of the README, restated.)
 */
export function expectedTevisLocations(office: SimOffice, variant: TevisVariant, weeks: number): LocationSlots[] {
  return expectedWithSimIds(office, variant, weeks).map(({ simId: _, ...location }) => location);
}

/** The simulated location behind each id a tevis scrape gives (its ground truth is kept under the simulated id). */
export function tevisSimIds(office: SimOffice, variant: TevisVariant): Map<string, string> {
  const ids = expectedWithSimIds(office, variant, 1).flatMap((l) =>
    l.simId ? [[l.locationId, l.simId] as const] : [],
  );
  return new Map(ids);
}

function expectedWithSimIds(
  office: SimOffice,
  variant: TevisVariant,
  weeks: number,
): (LocationSlots & { simId?: string })[] {
  const today = toBerlinWallTime(office.now()).slice(0, 10);
  const lastDay = lastDayOf(today, weeks);
  const taken = new Set<string>();
  const idOf = (parts: string[]): string => {
    const base = parts.map((p) => slugify(p) || 'unnamed').join('/');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const inLookahead = (slot: string) => slot.slice(0, 10) >= today && slot.slice(0, 10) <= lastDay;
  const free = (id: string) => office.freeSlots(id).filter(inLookahead);
  const expected: (LocationSlots & { simId?: string })[] = [];
  for (const department of buildSite(office, variant)) {
    const titles = department.services.map((s) => clean(s.title));
    for (const service of department.services) {
      const title = clean(service.title);
      // The wizard's page groups services in sections: a title listed twice is told apart by its section.
      const repeated = variant.flow === 'wizard' && titles.filter((t) => t === title).length > 1;
      const parts = [department.name, repeated ? `${title} (${clean(service.section)})` : title];
      const placeOf = (name: string, i: number) => (variant.flow === 'wizard' ? clean(name) : `Kalender ${i + 1}`);
      const places = service.locations.map((l, i) => ({ office: l.office, place: placeOf(l.name, i) }));
      if (places.length === 0) expected.push({ locationId: idOf(parts), name: parts.join(' / '), slots: [] });
      for (const { office: id, place } of places) {
        const several = places.length > 1;
        const named = several || variant.flow === 'wizard' ? [...parts, place] : parts;
        expected.push({
          locationId: idOf(several ? named : parts),
          name: named.join(' / '),
          slots: free(id),
          simId: id,
        });
      }
    }
  }
  return expected;
}
