import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../scrapers/berlin-time.js';
import { startSystemServer, type RunningServer } from '../../scrapers/simulator/http-host.js';
import { tevisServer, type TevisVariant } from '../../scrapers/simulator/tevis-server.js';
import type { FaultKind, SimOffice } from '../../scrapers/simulator/types.js';
import { createTevisScraper } from '../../scrapers/tevis.js';
import type { ScrapeResult, Site, WallTime } from '../../scrapers/types.js';
import { fixedOffice } from '../helpers/fixed-office.js';

const NAMES = ['Bürgerbüro Mitte', '  Bürgerbüro  Süd ', 'Standesamt', 'Ausländerbehörde', 'Kfz-Zulassung', 'Führerscheinstelle', 'Gewerbe  und Gaststätten', 'Straßenverkehr'];
const scrape = createTevisScraper({ timeoutMs: 5000, retries: 0 });
const clean = (name: string) => name.replace(/\s+/g, ' ').trim();

/** Last day of the lookahead: the Sunday of the (weeks-1)th ISO week after today's (computed apart from the scraper). */
function lastDayOf(today: string, weeks: number): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return addDays(today, weeks * 7 - weekday);
}

interface PlannedLocation {
  id: string;
  name: string;
  slots: [number, number][];
}

function officeOf(sourceId: string, now: Date, locations: PlannedLocation[]): SimOffice {
  const today = toBerlinWallTime(now).slice(0, 10);
  const slotAt = ([day, step]: [number, number]): WallTime => {
    const minutes = 7 * 60 + step * 5;
    return `${addDays(today, day)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
  };
  return fixedOffice({ sourceId, system: 'tevis', now, locations: locations.map((l) => ({ id: l.id, name: l.name, slots: [...new Set(l.slots.map(slotAt))] })) });
}

async function run(office: SimOffice, variant: Partial<TevisVariant>, weeks: number, scraper = scrape): Promise<ScrapeResult> {
  const system = tevisServer([office], { variant: () => variant });
  const server = await startSystemServer(system);
  try {
    const site: Site = { id: office.sourceId, system: 'tevis', name: office.name, city: office.city, url: system.siteUrl(server.origin, office) };
    return await scraper(site, { weeks, now: office.now() });
  } finally {
    await server.close();
  }
}

/** Every location whose calendar can be known is there with exactly its free slots in the lookahead. */
function expectTruth(result: ScrapeResult, office: SimOffice, weeks: number, variant: Partial<TevisVariant>): void {
  if (!result.ok) throw new Error(`${office.sourceId} failed: ${result.failure.kind}: ${result.failure.message}`);
  const { snapshot } = result;
  const now = office.now();
  const today = toBerlinWallTime(now).slice(0, 10);
  const lastDay = lastDayOf(today, weeks);
  expect(snapshot.sourceId).toBe(office.sourceId);
  expect(snapshot.takenAt).toBe(toBerlinWallTime(now));
  const ids = snapshot.locations.map((l) => l.locationId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every((id) => office.locations.some((l) => l.id === id))).toBe(true);
  for (const location of office.locations) {
    const scraped = snapshot.locations.find((l) => l.locationId === location.id);
    const truth = office.freeSlots(location.id).filter((s) => s.slice(0, 10) <= lastDay);
    // The wizard shows a calendar id only beside a free time: an office location without any and without
    // a calendar attribute of its own cannot be named, and is left out rather than guessed.
    if (!scraped && variant.flow === 'wizard' && office.freeSlots(location.id).length === 0) continue;
    expect(scraped, `location ${location.id}`).toBeDefined();
    expect(scraped?.slots).toEqual(truth);
    expect(scraped?.name).toMatch(/^\S.* \/ .*\S$/);
    if (!variant.pairs || variant.flow === 'wizard') expect(scraped?.name.endsWith(` / ${clean(location.name)}`)).toBe(true);
  }
}

const arbVariant: fc.Arbitrary<TevisVariant> = fc.record({
  flow: fc.constantFrom('classic' as const, 'wizard' as const),
  cncForms: fc.boolean(),
  calendarAttribute: fc.constantFrom('all' as const, 'some' as const, 'none' as const),
  singularAttribute: fc.boolean(),
  pairs: fc.boolean(),
  validObjects: fc.boolean(),
  emptyWeekHtml: fc.boolean(),
  extras: fc.boolean(),
  absoluteAction: fc.boolean(),
  departments: fc.integer({ min: 1, max: 2 }),
});

const arbCase = fc.integer({ min: 1, max: 3 }).chain((weeks) =>
  fc.record({
    weeks: fc.constant(weeks),
    now: fc.date({ min: new Date('2021-07-01T00:00:00Z'), max: new Date('2026-07-31T00:00:00Z'), noInvalidDate: true }),
    variant: arbVariant,
    locations: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 9999 }).map(String),
        name: fc.constantFrom(...NAMES),
        slots: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: weeks * 7 + 3 }), fc.integer({ min: 0, max: 131 })), { maxLength: 8, selector: ([d, m]) => d * 1000 + m }),
      }),
      { minLength: 1, maxLength: 4, selector: (l) => l.id },
    ),
  }),
);

describe('scrapeTevis against the simulated server', () => {
  it('reads both flows exactly (names, ids, slots) on a known office', async () => {
    const now = new Date('2025-10-03T13:20:00Z');
    const office = officeOf('aachen', now, [
      { id: '169', name: 'Ausländeramt Aachen - Außenstelle RWTH', slots: [[0, 40], [1, 0], [69, 18], [69, 24]] },
      { id: '478', name: 'Ausländeramt', slots: [[5, 3]] },
    ]);
    const wizard = await run(office, { flow: 'wizard', calendarAttribute: 'none', pairs: false, extras: true, departments: 1 }, 2);
    expectTruth(wizard, office, 2, { flow: 'wizard' });
    if (!wizard.ok) return;
    expect(wizard.snapshot.locations.map((l) => l.slots)).toEqual([['2025-10-03 10:20:00', '2025-10-04 07:00:00'], ['2025-10-08 07:15:00']]);
    expect(wizard.snapshot.locations[0]?.name).toMatch(/^[^/]+ \/ [^/]+ \/ Ausländeramt Aachen - Außenstelle RWTH$/);
    const classic = await run(office, { flow: 'classic', cncForms: false, calendarAttribute: 'some', pairs: false, extras: true, departments: 2 }, 2);
    expectTruth(classic, office, 2, { flow: 'classic' });
    if (classic.ok) expect(classic.snapshot.locations.map((l) => l.name.split(' / ').length)).toEqual([2, 2]);
  });

  it('leaves out a wizard location only where no calendar id can be known', async () => {
    const office = officeOf('leer', new Date('2026-07-22T10:33:00Z'), [
      { id: '478', name: 'Ausländeramt', slots: [] },
      { id: '479', name: 'Bürgeramt', slots: [[1, 3]] },
    ]);
    const known = await run(office, { flow: 'wizard', calendarAttribute: 'all', pairs: false, extras: false, departments: 1 }, 1);
    expect(known.ok && known.snapshot.locations.map((l) => [l.locationId, l.slots.length])).toEqual([['478', 0], ['479', 1]]);
    const unknown = await run(office, { flow: 'wizard', calendarAttribute: 'none', pairs: false, extras: false, departments: 1 }, 1);
    expect(unknown.ok && unknown.snapshot.locations.map((l) => l.locationId)).toEqual(['479']);
  });

  it('equals the true free slots of random offices, flows and markup variants', async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, async ({ weeks, now, variant, locations }) => {
        const office = officeOf('prop', now, locations);
        expectTruth(await run(office, variant, weeks), office, weeks, variant);
      }),
      { numRuns: 25 },
    );
  });
});

describe('scrapeTevis faults', () => {
  const quick = createTevisScraper({ timeoutMs: 300, retries: 0 });
  const expected: Partial<Record<FaultKind, string | undefined>> = {
    timeout: 'timeout',
    'slow-drip': 'timeout',
    'http-500': 'http-status',
    captcha: 'captcha',
    maintenance: 'maintenance',
    malformed: 'markup',
    latin1: undefined,
  };
  let server: RunningServer | undefined;
  const offices = (['classic', 'wizard'] as const).map((flow) =>
    officeOf(`fault-${flow}`, new Date('2024-02-27T08:00:00Z'), [
      { id: '11', name: 'Bürgerbüro Süd', slots: [[0, 12], [2, 30]] },
      { id: '12', name: 'Straßenverkehrsamt', slots: [[3, 1]] },
    ]),
  );
  const system = tevisServer(offices, { flow: (office) => (office.sourceId.endsWith('wizard') ? 'wizard' : 'classic'), variant: () => ({ calendarAttribute: 'some', extras: true }) });
  beforeAll(async () => void (server = await startSystemServer(system)));
  afterAll(async () => server?.close());

  for (const office of offices) {
    for (const fault of Object.keys(expected) as FaultKind[]) {
      it(`${office.sourceId}: ${fault}`, async () => {
        office.fault = fault;
        try {
          const site: Site = { id: office.sourceId, system: 'tevis', name: office.name, city: office.city, url: system.siteUrl(server?.origin ?? '', office) };
          const result = await quick(site, { weeks: 1, now: office.now() });
          if (expected[fault] === undefined) {
            expectTruth(result, office, 1, { flow: office.sourceId.endsWith('wizard') ? 'wizard' : 'classic' });
            expect(result.ok && result.snapshot.locations.some((l) => l.name.includes('Straßenverkehrsamt') || l.name.includes('Bürgerbüro Süd'))).toBe(true);
          } else {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.failure.kind).toBe(expected[fault]);
            if (!result.ok && fault === 'http-500') expect(result.failure.status).toBe(500);
          }
        } finally {
          office.fault = undefined;
        }
      });
    }
  }
});
