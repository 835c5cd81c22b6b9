import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { createNetappointScraper } from '../../scrapers/netappoint.js';
import { slugify } from '../../scrapers/netappoint-parse.js';
import { startSystemServer, type RunningServer } from '../../scrapers/simulator/http-host.js';
import { netappointServer, type NetappointVariant } from '../../scrapers/simulator/netappoint-server.js';
import type { FaultKind, SimOffice, SystemServer } from '../../scrapers/simulator/types.js';
import type { ScrapeResult, Site, WallTime } from '../../scrapers/types.js';
import { fixedOffice } from '../helpers/fixed-office.js';

const NAMES = [
  'Führerscheinwesen',
  '  Bürgerbüro  Süd ',
  'Standesamt',
  'Ausländerbehörde',
  'Kfz-Zulassung',
  'Straßenverkehrsamt',
  'Gewerbe  und Gaststätten',
  'Meldewesen (Außenstelle)',
];
const scrape = createNetappointScraper({ timeoutMs: 5000, retries: 0 });
const clean = (name: string) => name.replace(/\s+/g, ' ').trim();

function officeOf(sourceId: string, now: Date, locations: { name: string; slots: [number, number][] }[]): SimOffice {
  const today = toBerlinWallTime(now).slice(0, 10);
  const slotAt = ([day, step]: [number, number]): WallTime => {
    const minutes = 7 * 60 + step * 5;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return `${addDays(today, day)} ${hhmm}:00`;
  };
  return fixedOffice({
    sourceId,
    system: 'netappoint',
    now,
    locations: locations.map((l) => ({
      id: slugify(clean(l.name)),
      name: l.name,
      slots: [...new Set(l.slots.map(slotAt))],
    })),
  });
}

const siteOf = (system: SystemServer, origin: string, office: SimOffice): Site => ({
  id: office.sourceId,
  system: 'netappoint',
  name: office.name,
  city: office.city,
  url: system.siteUrl(origin, office),
  params: system.siteParams?.(office) ?? {},
});

async function run(office: SimOffice, variant: Partial<NetappointVariant>, weeks: number): Promise<ScrapeResult> {
  const system = netappointServer([office], { variant: () => variant });
  const server = await startSystemServer(system);
  try {
    return await scrape(siteOf(system, server.origin, office), { weeks, now: office.now() });
  } finally {
    await server.close();
  }
}

/**
 * The snapshot equals the office's truth: every location (slug id, clean name), its free slots up to today + weeks×7.
 */
function expectTruth(result: ScrapeResult, office: SimOffice, weeks: number): void {
  if (!result.ok) throw new Error(`${office.sourceId} failed: ${result.failure.kind}: ${result.failure.message}`);
  const { snapshot } = result;
  const now = office.now();
  const lastDay = addDays(toBerlinWallTime(now).slice(0, 10), weeks * 7);
  expect(snapshot.sourceId).toBe(office.sourceId);
  expect(snapshot.takenAt).toBe(toBerlinWallTime(now));
  expect(snapshot.locations.map((l) => l.locationId)).toEqual(office.locations.map((l) => l.id));
  for (const location of office.locations) {
    const scraped = snapshot.locations.find((l) => l.locationId === location.id);
    expect(scraped?.name).toBe(clean(location.name));
    expect(scraped?.slots).toEqual(office.freeSlots(location.id).filter((s) => s.slice(0, 10) <= lastDay));
  }
}

const arbVariant: fc.Arbitrary<Partial<NetappointVariant>> = fc.record({
  detour: fc.boolean(),
  brokenFirstService: fc.boolean(),
  noDays: fc.constantFrom('empty-table' as const, 'message' as const),
  kategorie: fc.boolean(),
  checkboxes: fc.boolean(),
  emptyDayTable: fc.boolean(),
  extra: fc.boolean(),
});

const arbCase = fc.integer({ min: 1, max: 3 }).chain((weeks) =>
  fc.record({
    weeks: fc.constant(weeks),
    now: fc.date({ min: new Date('2021-07-01T00:00:00Z'), max: new Date('2026-07-31T00:00:00Z'), noInvalidDate: true }),
    variant: arbVariant,
    locations: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...NAMES),
        slots: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: weeks * 7 + 5 }), fc.integer({ min: 0, max: 131 })), {
          maxLength: 8,
          selector: ([d, m]) => d * 1000 + m,
        }),
      }),
      { minLength: 1, maxLength: 4, selector: (l) => slugify(clean(l.name)) },
    ),
  }),
);

describe('scrapeNetappoint against the simulated server', () => {
  it('reads a known office: detour, broken first service, next-month days', async () => {
    const office = officeOf('bonn', new Date('2021-08-30T06:00:00Z'), [
      {
        name: 'Führerscheinwesen',
        slots: [
          [0, 9],
          [2, 0],
          [2, 1],
          [9, 3],
        ],
      },
      { name: 'Kategorie-frei', slots: [] },
      { name: '  Bürgerbüro  Süd ', slots: [[3, 12]] },
    ]);
    const result = await run(office, { detour: true, brokenFirstService: true, kategorie: true, noDays: 'message' }, 2);
    expectTruth(result, office, 2);
    expect(result.ok && result.snapshot.locations.map((l) => [l.locationId, l.slots])).toEqual([
      [
        'fuhrerscheinwesen',
        ['2021-08-30 07:45:00', '2021-09-01 07:00:00', '2021-09-01 07:05:00', '2021-09-08 07:15:00'],
      ],
      ['kategorie-frei', []],
      ['burgerburo-sud', ['2021-09-02 08:00:00']],
    ]);
  });

  it('reports the WEB_APPOINT front end as unsupported, never as no slots', async () => {
    const office = officeOf('muenchen', new Date('2023-10-29T10:00:00Z'), [
      { name: 'Ausländerbehörde München', slots: [[3, 5]] },
    ]);
    for (const frontEnd of ['web-appoint', 'web-appoint-calendar'] as const) {
      const result = await run(office, { frontEnd }, 2);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.failure.kind).toBe('unsupported');
    }
  });

  it('equals the true free slots of random offices and markup variants', async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, async ({ weeks, now, variant, locations }) => {
        const office = officeOf('prop', now, locations);
        expectTruth(await run(office, variant, weeks), office, weeks);
      }),
      { numRuns: 25 },
    );
  });
});

describe('scrapeNetappoint faults', () => {
  const quick = createNetappointScraper({ timeoutMs: 300, retries: 0 });
  const expected: Partial<Record<FaultKind, string | undefined>> = {
    timeout: 'timeout',
    'slow-drip': 'timeout',
    'http-500': 'http-status',
    captcha: 'captcha',
    maintenance: 'maintenance',
    malformed: 'markup',
    latin1: undefined,
  };
  const office = officeOf('fault', new Date('2024-02-27T08:00:00Z'), [
    {
      name: 'Führerscheinwesen',
      slots: [
        [0, 12],
        [2, 30],
      ],
    },
    { name: 'Straßenverkehrsamt', slots: [[3, 1]] },
  ]);
  const system = netappointServer([office], { variant: () => ({ detour: true, kategorie: true }) });
  let server: RunningServer | undefined;
  beforeAll(async () => void (server = await startSystemServer(system)));
  afterAll(async () => server?.close());

  for (const fault of Object.keys(expected) as FaultKind[]) {
    it(fault, async () => {
      office.fault = fault;
      try {
        const result = await quick(siteOf(system, server?.origin ?? '', office), { weeks: 1, now: office.now() });
        if (expected[fault] === undefined) {
          expectTruth(result, office, 1);
          expect(result.ok && result.snapshot.locations.map((l) => l.name)).toEqual([
            'Führerscheinwesen',
            'Straßenverkehrsamt',
          ]);
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
});
