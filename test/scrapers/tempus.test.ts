import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { startSystemServer } from '../../scrapers/simulator/http-host.js';
import { tempusServer, type TempusVariant } from '../../scrapers/simulator/tempus-server.js';
import type { FaultKind, SimOffice, SystemServer } from '../../scrapers/simulator/types.js';
import { createTempusScraper } from '../../scrapers/tempus.js';
import type { ScrapeResult, Site, WallTime } from '../../scrapers/types.js';
import { fixedOffice } from '../helpers/fixed-office.js';

const NAMES = [
  'Bürgerbüro Mitte',
  '  Bürgeramt   Süd ',
  'Standesamt',
  'Ausländerbehörde',
  'Zulassungsstelle Nord',
  'Führerscheinstelle',
];

interface Plan {
  weeks: number;
  now: Date;
  offices: { locations: { id: string; name: string; slots: [number, number][] }[]; variant: TempusVariant }[];
}

const arbVariant: fc.Arbitrary<TempusVariant> = fc.record({
  menu: fc.constantFrom('nested' as const, 'flat' as const),
  notice: fc.boolean(),
  locations: fc.constantFrom('direct' as const, 'infolink' as const, 'nav' as const),
  emptyCategory: fc.boolean(),
  shortCalendar: fc.boolean(),
});

const arbPlan: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: 3 }).chain((weeks) =>
  fc.record({
    weeks: fc.constant(weeks),
    now: fc.date({ min: new Date('2021-07-01T00:00:00Z'), max: new Date('2026-07-31T00:00:00Z'), noInvalidDate: true }),
    offices: fc.array(
      fc.record({
        locations: fc.uniqueArray(
          fc.record({
            id: fc
              .tuple(fc.integer({ min: 1, max: 999 }), fc.option(fc.integer({ min: 100, max: 99_999 }), { freq: 6 }))
              .map(([row, tasks]) => `${row}/${tasks ?? '-'}`),
            name: fc.constantFrom(...NAMES),
            slots: fc.uniqueArray(
              fc.tuple(fc.integer({ min: 0, max: weeks * 7 - 1 }), fc.integer({ min: 0, max: 131 })),
              { maxLength: 8, selector: ([d, m]) => d * 1000 + m },
            ),
          }),
          { minLength: 1, maxLength: 3, selector: (l) => l.id },
        ),
        variant: arbVariant,
      }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);

function slotAt(today: string, [day, step]: [number, number]): WallTime {
  const minutes = 7 * 60 + step * 5;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${addDays(today, day)} ${hhmm}:00`;
}

function officesOf(plan: Plan): { offices: SimOffice[]; variants: Map<string, TempusVariant> } {
  const today = toBerlinWallTime(plan.now).slice(0, 10);
  const variants = new Map<string, TempusVariant>();
  const offices = plan.offices.map((o, i) => {
    variants.set(`tp${i}`, o.variant);
    return fixedOffice({
      sourceId: `tp${i}`,
      system: 'tempus',
      now: plan.now,
      locations: o.locations.map((l) => ({
        id: l.id,
        name: l.name,
        slots: [...new Set(l.slots.map((s) => slotAt(today, s)))],
      })),
    });
  });
  return { offices, variants };
}

function siteOf(server: SystemServer, origin: string, office: SimOffice): Site {
  return {
    id: office.sourceId,
    system: 'tempus',
    name: office.name,
    city: office.city,
    url: server.siteUrl(origin, office),
  };
}

const clean = (name: string) => name.replace(/\s+/g, ' ').trim();

/**
 * The snapshot equals the office's truth: every location with free slots, exactly those slots, named after it.
 * A fully booked location may be missing where no link names it (a category answering with its calendar directly);
 * with a location list every location is there.
 */
function expectTruth(result: ScrapeResult, office: SimOffice, now: Date, everyLocation: boolean): void {
  if (!result.ok) throw new Error(`${office.sourceId} failed: ${result.failure.kind}: ${result.failure.message}`);
  const { snapshot } = result;
  expect(snapshot.sourceId).toBe(office.sourceId);
  expect(snapshot.takenAt).toBe(toBerlinWallTime(now));
  const ids = office.locations.map((l) => l.id);
  for (const scraped of snapshot.locations) expect(ids).toContain(scraped.locationId);
  for (const location of office.locations) {
    const scraped = snapshot.locations.find((l) => l.locationId === location.id);
    const truth = office.freeSlots(location.id);
    if (!scraped && truth.length === 0 && !everyLocation) continue;
    expect(scraped?.slots).toEqual(truth);
    expect(scraped?.name).toContain(clean(location.name));
  }
}

describe('tempus scraper over HTTP', () => {
  it('reports each location with exactly its free slots, across menu layouts, notices and location lists', async () => {
    const scrape = createTempusScraper({ timeoutMs: 5000 });
    await fc.assert(
      fc.asyncProperty(arbPlan, async (plan) => {
        const { offices, variants } = officesOf(plan);
        const server = tempusServer(offices, { variant: (o) => variants.get(o.sourceId) ?? {} });
        const running = await startSystemServer(server);
        try {
          for (const office of offices) {
            const result = await scrape(siteOf(server, running.origin, office), { weeks: plan.weeks, now: plan.now });
            expectTruth(result, office, plan.now, variants.get(office.sourceId)?.locations !== 'direct');
          }
        } finally {
          await running.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('finds days past the calendar shown by substituting datum=; a booked-out listed location: no slots', async () => {
    const now = new Date('2021-08-30T06:00:00Z');
    const office = fixedOffice({
      sourceId: 'short',
      system: 'tempus',
      now,
      locations: [
        {
          id: '231/2693',
          name: 'Brackwede',
          slots: ['2021-08-31 07:45:00', '2021-10-04 09:00:00', '2021-10-04 09:15:00'],
        },
        { id: '231/2696', name: 'Sennestadt', slots: [] },
      ],
    });
    const server = tempusServer([office], {
      variant: () => ({ menu: 'flat', notice: true, locations: 'infolink', emptyCategory: true, shortCalendar: true }),
    });
    const running = await startSystemServer(server);
    try {
      const result = await createTempusScraper()(siteOf(server, running.origin, office), { weeks: 6, now });
      expectTruth(result, office, now, true);
      expect(result.ok && result.snapshot.locations.map((l) => l.name)).toEqual([
        'Brackwede: Meldeangelegenheiten',
        'Sennestadt: Meldeangelegenheiten',
      ]);
    } finally {
      await running.close();
    }
  });

  const expected: Partial<Record<FaultKind, string>> = {
    timeout: 'timeout',
    'http-500': 'http-status',
    'slow-drip': 'timeout',
    captcha: 'captcha',
    maintenance: 'maintenance',
    latin1: 'ok',
    malformed: 'markup',
  };
  for (const fault of Object.keys(expected) as FaultKind[]) {
    const outcome =
      expected[fault] === 'ok' ? 'a correct snapshot with umlauts decoded' : `a '${expected[fault]}' failure`;
    it(`a '${fault}' fault gives ${outcome} for that site only`, async () => {
      const now = new Date('2024-03-28T09:30:00Z');
      const offices = ['a', 'b', 'c'].map((id, i) =>
        fixedOffice({
          sourceId: `f${id}`,
          system: 'tempus',
          now,
          locations: [
            { id: `${300 + i}/4619`, name: 'Bürgerbüro Süd', slots: ['2024-03-28 14:00:00', '2024-04-02 08:30:00'] },
            { id: `${300 + i}/4620`, name: 'Straßenverkehrsbehörde', slots: ['2024-04-03 11:45:00'] },
          ],
        }),
      );
      (offices[1] as SimOffice).fault = fault;
      const variant = (o: SimOffice): Partial<TempusVariant> => ({
        locations: o.sourceId === 'fb' ? 'direct' : 'nav',
        notice: o.sourceId !== 'fa',
      });
      const server = tempusServer(offices, { variant });
      const running = await startSystemServer(server);
      try {
        const scrape = createTempusScraper({ timeoutMs: 400 });
        const results = [];
        for (const office of offices)
          results.push(await scrape(siteOf(server, running.origin, office), { weeks: 1, now }));
        expectTruth(results[0] as ScrapeResult, offices[0] as SimOffice, now, true);
        expectTruth(results[2] as ScrapeResult, offices[2] as SimOffice, now, true);
        const faulty = results[1] as ScrapeResult;
        if (expected[fault] === 'ok') {
          expectTruth(faulty, offices[1] as SimOffice, now, true);
          expect(faulty.ok && faulty.snapshot.locations.map((l) => l.name)).toEqual([
            'Bürgerbüro Süd',
            'Straßenverkehrsbehörde',
          ]);
        } else {
          expect(faulty.ok).toBe(false);
          if (!faulty.ok) expect(faulty.failure.kind).toBe(expected[fault]);
          if (!faulty.ok && fault === 'http-500') expect(faulty.failure.status).toBe(500);
        }
      } finally {
        await running.close();
      }
    });
  }
});
