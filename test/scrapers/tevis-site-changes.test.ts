import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession } from '../../scrapers/http.js';
import { createSimClock } from '../../scrapers/simulator/clock.js';
import { startSystemServer } from '../../scrapers/simulator/http-host.js';
import { createSimulatedOffice } from '../../scrapers/simulator/office.js';
import type { LocationSpec, OfficeSpec, OpeningHours } from '../../scrapers/simulator/office-spec.js';
import { tevisServer, type TevisFlow, type TevisVariant } from '../../scrapers/simulator/tevis-server.js';
import type { SimOffice } from '../../scrapers/simulator/types.js';
import { parseServicePage } from '../../scrapers/tevis-parse.js';
import { createTevisScraper } from '../../scrapers/tevis.js';
import { openStore } from '../../store/index.js';

const LONG = '07:30-12:30 14:00-18:00';
const HOURS: OpeningHours = { mon: '07:30-12:30', tue: LONG, wed: '07:30-12:30', thu: LONG, fri: '07:30-12:00' };
const at = (id: string, name: string, slotMinutes: number): LocationSpec => ({
  id,
  name,
  slotMinutes,
  hours: HOURS,
  horizonDays: 21,
  demand: 1.1,
  cancellationRate: 0.6,
});
const SPEC: OfficeSpec = {
  sourceId: 'wandelstadt',
  system: 'tevis',
  name: 'Stadt Wandelstadt',
  city: 'Wandelstadt',
  locations: [at('1', 'Meldewesen', 10), at('2', 'Kfz-Zulassung', 15), at('3', 'Ausländerbehörde', 20)],
};
/** Every 15 minutes (the published rules count nothing across longer gaps) from 22:00 on the last evening of July
 * to 10:00 on 1 August (Berlin): midnight begins a month, and renumbers. */
const SITE = { id: SPEC.sourceId, system: 'tevis', name: SPEC.name, city: SPEC.city };
const START = new Date('2024-07-31T20:00:00Z');
const ROUNDS = 49;
const scrape = createTevisScraper({ timeoutMs: 5000, retries: 0 });
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Run {
  /** Per round: each location's id and slots. */
  snapshots: [string, string[]][][];
  /** Per round: the bookings and cancellations the store inferred. */
  inferred: [number, number][];
  hourly: unknown[];
  /** What the site showed at the first and the last round: its flow, mdt and service keys. */
  site: { flow: string; ids: string }[];
}

async function runSite(traits: Partial<TevisVariant>, flow: (office: SimOffice) => TevisFlow): Promise<Run> {
  const clock = createSimClock({ start: START, speed: 0 });
  const office = createSimulatedOffice(SPEC, clock, 11);
  const system = tevisServer([office], { flow, variant: () => traits });
  const server = await startSystemServer(system);
  const dir = mkdtempSync(join(tmpdir(), 'ow-tevis-changes-'));
  dirs.push(dir);
  const store = await openStore(join(dir, 'db'));
  const url = system.siteUrl(server.origin, office);
  const run: Run = { snapshots: [], inferred: [], hourly: [], site: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) clock.advance(15 * 60_000);
      const result = await scrape({ ...SITE, url }, { weeks: 1, now: clock.now() });
      if (!result.ok) throw new Error(`round ${round}: ${result.failure.kind}: ${result.failure.message}`);
      run.snapshots.push(result.snapshot.locations.map((l) => [l.locationId, l.slots]));
      const outcome = await store.recordSnapshot(result.snapshot);
      run.inferred.push([outcome.appointments, outcome.cancellations]);
      if (round === 0 || round === ROUNDS - 1) {
        const session = createSession({});
        await session.get(`${url}/`);
        const page = parseServicePage(await session.get(`${url}/select2?md=1`));
        run.site.push({ flow: page.flow, ids: [page.services[0]?.mdt, ...page.services.map((s) => s.key)].join(' ') });
      }
    }
    run.hourly = await store.hourly(SPEC.sourceId);
    return run;
  } finally {
    await store.close();
    await server.close();
  }
}

/** The changed run infers exactly what the unchanged one does, under the same location ids all along. */
function expectSameInference(changed: Run, unchanged: Run): void {
  const ids = (run: Run) => run.snapshots.map((locations) => locations.map(([id]) => id));
  expect(new Set(ids(changed).map((list) => list.join()))).toEqual(new Set([ids(changed)[0]?.join()]));
  expect(ids(changed)).toEqual(ids(unchanged));
  expect(changed.snapshots).toEqual(unchanged.snapshots);
  expect(changed.inferred).toEqual(unchanged.inferred);
  expect(changed.hourly).toEqual(unchanged.hourly);
  // Not vacuous: the office took bookings and saw cancellations while the site changed.
  const total = (kind: 0 | 1) => unchanged.inferred.reduce((sum, counts) => sum + counts[kind], 0);
  expect(total(0)).toBeGreaterThan(10);
  expect(total(1)).toBeGreaterThan(0);
}

const TRAITS: Partial<TevisVariant> = {
  calendarAttribute: 'some',
  pairs: false,
  extras: true,
  departments: 2,
  servicesPerCalendar: 2,
  cncForms: true,
};

describe('a tevis site that changes, scraped into a real store', () => {
  for (const flow of ['classic', 'wizard'] as const) {
    it(`${flow}: renumbering its ids at the month's turn changes no location id and no inferred booking`, async () => {
      const renumbered = await runSite({ ...TRAITS, renumber: true }, () => flow);
      const unchanged = await runSite({ ...TRAITS, renumber: false }, () => flow);
      // The renumbered site showed other ids in August (mdt, every service key); the unchanged one the same.
      expect(renumbered.site[0]?.ids).not.toBe(renumbered.site[1]?.ids);
      expect(renumbered.site[1]?.ids.split(' ').some((id) => renumbered.site[0]?.ids.includes(id))).toBe(false);
      expect(unchanged.site[0]?.ids).toBe(unchanged.site[1]?.ids);
      expectSameInference(renumbered, unchanged);
    });
  }

  it('switching from the older flow to the wizard mid-morning changes no location id and no inference', async () => {
    const switchAt = new Date('2024-08-01T07:10:00Z');
    const flow = (office: SimOffice): TevisFlow => (office.now() < switchAt ? 'classic' : 'wizard');
    const switched = await runSite({ ...TRAITS, renumber: true }, flow);
    const unchanged = await runSite({ ...TRAITS, renumber: true }, () => 'classic');
    expect(switched.site.map((s) => s.flow)).toEqual(['classic', 'wizard']);
    expect(unchanged.site.map((s) => s.flow)).toEqual(['classic', 'classic']);
    expectSameInference(switched, unchanged);
  });
});
