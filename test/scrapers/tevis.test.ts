import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { createSimClock } from '../../scrapers/simulator/clock.js';
import { startSystemServer, type RunningServer } from '../../scrapers/simulator/http-host.js';
import { createSimulatedOffice } from '../../scrapers/simulator/office.js';
import { defaultVariant } from '../../scrapers/simulator/tevis-variant.js';
import { tevisServer, type TevisVariant } from '../../scrapers/simulator/tevis-server.js';
import { muelheimSized } from '../../scrapers/simulator/tevis-sized-sites.js';
import type { FaultKind, SimOffice } from '../../scrapers/simulator/types.js';
import { createTevisScraper } from '../../scrapers/tevis.js';
import type { ScrapeResult, Site, WallTime } from '../../scrapers/types.js';
import { fixedOffice } from '../helpers/fixed-office.js';
import { expectedTevisLocations, lastDayOf } from '../helpers/tevis-expected.js';

const NAMES = [
  'Bürgerbüro Mitte',
  '  Bürgerbüro  Süd ',
  'Standesamt',
  'Ausländerbehörde',
  'Kfz-Zulassung',
  'Führerscheinstelle',
  'Gewerbe  und Gaststätten',
  'Straßenverkehr',
];
const scrape = createTevisScraper({ timeoutMs: 5000, retries: 0 });

interface PlannedLocation {
  id: string;
  name: string;
  slots: [number, number][];
}

function officeOf(sourceId: string, now: Date, locations: PlannedLocation[]): SimOffice {
  const today = toBerlinWallTime(now).slice(0, 10);
  const slotAt = ([day, step]: [number, number]): WallTime => {
    const minutes = 7 * 60 + step * 5;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return `${addDays(today, day)} ${hhmm}:00`;
  };
  return fixedOffice({
    sourceId,
    system: 'tevis',
    now,
    locations: locations.map((l) => ({ id: l.id, name: l.name, slots: [...new Set(l.slots.map(slotAt))] })),
  });
}

/** The traits the server shows: the office's defaults with `traits` over them (as tevisServer makes them). */
const variantOf = (office: SimOffice, traits: Partial<TevisVariant>): TevisVariant => ({
  ...defaultVariant(office),
  ...traits,
});

async function run(office: SimOffice, traits: Partial<TevisVariant>, weeks: number): Promise<ScrapeResult> {
  const system = tevisServer([office], { variant: () => traits });
  const server = await startSystemServer(system);
  try {
    const site: Site = {
      id: office.sourceId,
      system: 'tevis',
      name: office.name,
      city: office.city,
      url: system.siteUrl(server.origin, office),
    };
    return await scrape(site, { weeks, now: office.now() });
  } finally {
    await server.close();
  }
}

/** Every service of the site is there, at each calendar or office location, with its free slots in the lookahead. */
function expectTruth(result: ScrapeResult, office: SimOffice, weeks: number, variant: TevisVariant): void {
  if (!result.ok) throw new Error(`${office.sourceId} failed: ${result.failure.kind}: ${result.failure.message}`);
  const { snapshot } = result;
  expect(snapshot.sourceId).toBe(office.sourceId);
  expect(snapshot.takenAt).toBe(toBerlinWallTime(office.now()));
  const ids = snapshot.locations.map((l) => l.locationId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(snapshot.locations).toEqual(expectedTevisLocations(office, variant, weeks));
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
  servicesPerCalendar: fc.integer({ min: 1, max: 3 }),
  renumber: fc.boolean(),
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
        slots: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: weeks * 7 + 3 }), fc.integer({ min: 0, max: 131 })), {
          maxLength: 8,
          selector: ([d, m]) => d * 1000 + m,
        }),
      }),
      { minLength: 1, maxLength: 4, selector: (l) => l.id },
    ),
  }),
);

describe('scrapeTevis against the simulated server', () => {
  it('reads both flows exactly (names, ids, slots) on a known office', async () => {
    const now = new Date('2025-10-03T13:20:00Z');
    const office = officeOf('aachen', now, [
      {
        id: 'rwth',
        name: 'Ausländeramt Aachen - Außenstelle RWTH',
        slots: [
          [0, 40],
          [1, 0],
          [69, 18],
          [69, 24],
        ],
      },
      { id: 'amt', name: 'Ausländeramt', slots: [[5, 3]] },
    ]);
    const traits: Partial<TevisVariant> = { flow: 'wizard', calendarAttribute: 'none', pairs: false, extras: true };
    traits.departments = 1;
    const wizard = await run(office, traits, 2);
    expectTruth(wizard, office, 2, variantOf(office, traits));
    expect(wizard.ok && wizard.snapshot.locations.map((l) => [l.locationId, l.slots])).toEqual([
      ['burgeramt/auslanderamt-aachen-aussenstelle-rwth', ['2025-10-03 10:20:00', '2025-10-04 07:00:00']],
      ['burgeramt/auslanderamt', ['2025-10-08 07:15:00']],
      ['burgeramt/sonstige-anliegen', ['2025-10-03 10:20:00', '2025-10-04 07:00:00']],
      ['burgeramt/nur-telefonisch', []],
    ]);
    const rwth = 'Ausländeramt Aachen - Außenstelle RWTH';
    expect(wizard.ok && wizard.snapshot.locations[0]?.name).toBe(`Bürgeramt / ${rwth} / ${rwth}`);
    const classicTraits: Partial<TevisVariant> = { ...traits, flow: 'classic', cncForms: false, departments: 2 };
    classicTraits.calendarAttribute = 'some';
    const classic = await run(office, classicTraits, 2);
    expectTruth(classic, office, 2, variantOf(office, classicTraits));
    expect(classic.ok && classic.snapshot.locations.map((l) => l.name)).toEqual([
      'Bürgeramt / Ausländeramt Aachen - Außenstelle RWTH',
      'Bürgeramt / Sonstige Anliegen',
      'Bürgeramt / Nur telefonisch',
      'Ausländerbehörde / Ausländeramt',
      'Ausländerbehörde / Sonstige Anliegen',
      'Ausländerbehörde / Nur telefonisch',
    ]);
  });

  it('keeps a service without free time, with no slots, also where no calendar id can be known', async () => {
    const office = officeOf('leer', new Date('2026-07-22T10:33:00Z'), [
      { id: 'a', name: 'Ausländeramt', slots: [] },
      { id: 'b', name: 'Bürgeramt', slots: [[1, 3]] },
    ]);
    for (const calendarAttribute of ['all', 'none'] as const) {
      const traits: Partial<TevisVariant> = { flow: 'wizard', calendarAttribute, pairs: false, extras: false };
      const result = await run(office, { ...traits, departments: 1 }, 1);
      expect(result.ok && result.snapshot.locations.map((l) => [l.locationId, l.slots.length])).toEqual([
        ['burgeramt/auslanderamt', 0],
        ['burgeramt/burgeramt', 1],
      ]);
    }
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

describe('scrapeTevis requests per round', () => {
  it('a Mülheim-sized wizard site (49 services, 7 calendars): 3 requests a service, a calendar read once', async () => {
    const shape = muelheimSized();
    const clock = createSimClock({ start: new Date('2026-07-21T06:00:00Z'), speed: 0 });
    const office = createSimulatedOffice(shape.spec, clock, 7);
    const variant = variantOf(office, shape.variant);
    const result = await run(office, shape.variant, 4);
    expectTruth(result, office, 4, variant);
    expect(result.ok && result.snapshot.locations).toHaveLength(49);
    // Pages one free day each: after the first (from the location POST), one filter step per further free day of the
    // lookahead, and one that shows none left unless the last day shown ends the lookahead.
    const today = toBerlinWallTime(clock.now()).slice(0, 10);
    const lastDay = lastDayOf(today, 4);
    const steps = office.locations.map(({ id }) => {
      const days = [...new Set(office.freeSlots(id).map((slot) => slot.slice(0, 10)))].filter((day) => day >= today);
      const [first] = days;
      if (first === undefined || first >= lastDay) return 0;
      const later = days.filter((day) => day > first && day <= lastDay);
      return later.length + ((later[later.length - 1] ?? first) < lastDay ? 1 : 0);
    });
    expect(steps.every((n) => n > 1)).toBe(true);
    // Start page and select2, then per service its location page, the POST and the suggest page it redirects to.
    expect(result.requests).toBe(2 + 49 * 3 + steps.reduce((a, b) => a + b, 0));
  });

  it("skips the location page and the calendar already read where the service's attributes name them", async () => {
    const office = officeOf('attr', new Date('2025-10-03T13:20:00Z'), [
      {
        id: 'a',
        name: 'Infostelle',
        slots: [
          [0, 40],
          [1, 0],
          [2, 5],
        ],
      },
      { id: 'b', name: 'RWTH', slots: [[3, 3]] },
    ]);
    const traits: Partial<TevisVariant> = { flow: 'wizard', pairs: false, extras: false, departments: 1 };
    traits.servicesPerCalendar = 3;
    const withAttributes = await run(office, { ...traits, calendarAttribute: 'all' }, 2);
    expectTruth(withAttributes, office, 2, variantOf(office, { ...traits, calendarAttribute: 'all' }));
    // Per calendar: its location page, POST + redirect, then two more free days and a step that finds none left for
    // calendar a, that step alone for b; the other two services of each calendar cost nothing.
    expect(withAttributes.requests).toBe(2 + (3 + 3) + (3 + 1));
    const without = await run(office, { ...traits, calendarAttribute: 'none' }, 2);
    expectTruth(without, office, 2, variantOf(office, { ...traits, calendarAttribute: 'none' }));
    // Without: each service its location page, POST + redirect; each calendar's lookahead still once.
    expect(without.requests).toBe(2 + 6 * 3 + 3 + 1);
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
      {
        id: '11',
        name: 'Bürgerbüro Süd',
        slots: [
          [0, 12],
          [2, 30],
        ],
      },
      { id: '12', name: 'Straßenverkehrsamt', slots: [[3, 1]] },
    ]),
  );
  const flowOf = (office: SimOffice) => (office.sourceId.endsWith('wizard') ? 'wizard' : 'classic');
  const traits = (office: SimOffice): Partial<TevisVariant> => ({
    flow: flowOf(office),
    calendarAttribute: 'some',
    extras: true,
  });
  const system = tevisServer(offices, { variant: traits });
  beforeAll(async () => void (server = await startSystemServer(system)));
  afterAll(async () => server?.close());

  for (const office of offices) {
    for (const fault of Object.keys(expected) as FaultKind[]) {
      it(`${office.sourceId}: ${fault}`, async () => {
        office.fault = fault;
        try {
          const site: Site = {
            id: office.sourceId,
            system: 'tevis',
            name: office.name,
            city: office.city,
            url: system.siteUrl(server?.origin ?? '', office),
          };
          const result = await quick(site, { weeks: 1, now: office.now() });
          if (expected[fault] === undefined) {
            expectTruth(result, office, 1, variantOf(office, traits(office)));
            expect(
              result.ok &&
                result.snapshot.locations.some(
                  (l) => l.name.includes('Straßenverkehrsamt') || l.name.includes('Bürgerbüro Süd'),
                ),
            ).toBe(true);
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
