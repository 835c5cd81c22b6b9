import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { createEterminScraper } from '../../scrapers/etermin.js';
import { eterminServer, type EterminVariant } from '../../scrapers/simulator/etermin-server.js';
import { startSystemServer } from '../../scrapers/simulator/http-host.js';
import type { FaultKind, SimOffice, SystemServer } from '../../scrapers/simulator/types.js';
import type { ScrapeResult, Site, WallTime } from '../../scrapers/types.js';
import { fixedOffice } from '../helpers/fixed-office.js';

const NAMES = [
  'Bürgerbüro',
  '  Bürgerbüro ',
  'Standesamt',
  'Ausländerbehörde',
  'Kfz-Zulassung',
  'Führerscheinstelle',
  'Gewerbe  und Gaststätten',
];

interface Plan {
  weeks: number;
  now: Date;
  offices: { locations: { id: string; name: string; slots: [number, number][] }[]; variant: EterminVariant }[];
}

const arbPlan: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: 3 }).chain((weeks) =>
  fc.record({
    weeks: fc.constant(weeks),
    now: fc.date({ min: new Date('2021-07-01T00:00:00Z'), max: new Date('2026-07-31T00:00:00Z'), noInvalidDate: true }),
    offices: fc.array(
      fc.record({
        locations: fc.uniqueArray(
          fc.record({
            id: fc.integer({ min: 1000, max: 300_000 }).map(String),
            name: fc.constantFrom(...NAMES),
            slots: fc.uniqueArray(
              fc.tuple(fc.integer({ min: 0, max: weeks * 7 - 1 }), fc.integer({ min: 0, max: 131 })),
              { maxLength: 10, selector: ([d, m]) => d * 1000 + m },
            ),
          }),
          { minLength: 1, maxLength: 4, selector: (l) => l.id },
        ),
        variant: fc.record({
          groups: fc.integer({ min: 1, max: 3 }),
          fullSlots: fc.boolean(),
          sharedCalendar: fc.boolean(),
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

function slotAt(today: string, [day, step]: [number, number]): WallTime {
  const minutes = 7 * 60 + step * 5;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${addDays(today, day)} ${hhmm}:00`;
}

function officesOf(plan: Plan): { offices: SimOffice[]; variants: Map<string, EterminVariant> } {
  const today = toBerlinWallTime(plan.now).slice(0, 10);
  const variants = new Map<string, EterminVariant>();
  const offices = plan.offices.map((o, i) => {
    variants.set(`et${i}`, o.variant);
    return fixedOffice({
      sourceId: `et${i}`,
      system: 'etermin',
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
    system: 'etermin',
    name: office.name,
    city: office.city,
    url: server.siteUrl(origin, office),
  };
}

const clean = (name: string) => name.replace(/\s+/g, ' ').trim();

/**
 * The snapshot equals the office's truth: every calendar, its exact free slots, its name (with " (id)" on shared
 * names).
 */
function expectTruth(result: ScrapeResult, office: SimOffice, now: Date): void {
  if (!result.ok) throw new Error(`${office.sourceId} failed: ${result.failure.kind}: ${result.failure.message}`);
  const { snapshot } = result;
  expect(snapshot.sourceId).toBe(office.sourceId);
  expect(snapshot.takenAt).toBe(toBerlinWallTime(now));
  expect(snapshot.locations.map((l) => l.locationId).sort()).toEqual(office.locations.map((l) => l.id).sort());
  for (const location of office.locations) {
    const scraped = snapshot.locations.find((l) => l.locationId === location.id);
    const shared = office.locations.filter((l) => clean(l.name) === clean(location.name)).length > 1;
    expect(scraped?.name).toBe(shared ? `${clean(location.name)} (${location.id})` : clean(location.name));
    expect(scraped?.slots).toEqual(office.freeSlots(location.id));
  }
}

describe('etermin scraper over HTTP', () => {
  it('reports every calendar with exactly its free slots, across variants and months', async () => {
    const scrape = createEterminScraper({ timeoutMs: 5000 });
    await fc.assert(
      fc.asyncProperty(arbPlan, async (plan) => {
        const { offices, variants } = officesOf(plan);
        const server = eterminServer(offices, { variant: (o) => variants.get(o.sourceId) ?? {} });
        const running = await startSystemServer(server);
        try {
          for (const office of offices)
            expectTruth(
              await scrape(siteOf(server, running.origin, office), { weeks: plan.weeks, now: plan.now }),
              office,
              plan.now,
            );
        } finally {
          await running.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('pages month by month: a horizon across a month end asks two months, never more than three', async () => {
    const now = new Date('2021-08-25T08:00:00Z');
    const office = fixedOffice({
      sourceId: 'month',
      system: 'etermin',
      now,
      locations: [{ id: '501', name: 'Bürgerbüro', slots: ['2021-08-26 09:00:00', '2021-09-07 10:15:00'] }],
    });
    const server = eterminServer([office], { variant: () => ({ groups: 1, fullSlots: true, sharedCalendar: false }) });
    const running = await startSystemServer(server);
    try {
      const result = await createEterminScraper()(siteOf(server, running.origin, office), { weeks: 2, now });
      expectTruth(result, office, now);
      // services, calendars, 2 month searches, 2 days with free slots + 1 day of only full (cap 0) slots
      expect(result.requests).toBe(7);
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
    const outcome = expected[fault] === 'ok' ? 'a correct snapshot' : `a '${expected[fault]}' failure`;
    it(`a '${fault}' fault gives ${outcome} for that site only`, async () => {
      const now = new Date('2024-03-28T09:30:00Z');
      const offices = ['a', 'b', 'c'].map((id, i) =>
        fixedOffice({
          sourceId: `f${id}`,
          system: 'etermin',
          now,
          locations: [
            { id: String(7000 + i), name: 'Bürgerbüro Süd', slots: ['2024-03-28 14:00:00', '2024-04-02 08:30:00'] },
            { id: String(8000 + i), name: 'Straßenverkehrsbehörde', slots: ['2024-04-03 11:45:00'] },
          ],
        }),
      );
      (offices[1] as SimOffice).fault = fault;
      const server = eterminServer(offices);
      const running = await startSystemServer(server);
      try {
        const scrape = createEterminScraper({ timeoutMs: 400 });
        const results = [];
        for (const office of offices)
          results.push(await scrape(siteOf(server, running.origin, office), { weeks: 2, now }));
        expectTruth(results[0] as ScrapeResult, offices[0] as SimOffice, now);
        expectTruth(results[2] as ScrapeResult, offices[2] as SimOffice, now);
        const faulty = results[1] as ScrapeResult;
        if (expected[fault] === 'ok') {
          expectTruth(faulty, offices[1] as SimOffice, now);
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
