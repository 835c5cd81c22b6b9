import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type LevelStore } from '../../store/index.js';
import { cityInsights, median } from '../../store/insights.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-insights-'));
let store: LevelStore;
const DAY = ['2024-07-10 09:00:00', '2024-07-10 09:15:00', '2024-07-10 09:30:00', '2024-07-10 14:00:00'];

beforeAll(async () => {
  store = await openStore(join(dir, 'db'));
  const snap = (sourceId: string, takenAt: string, slots: string[]) =>
    store.recordSnapshot({ sourceId, takenAt, locations: [{ locationId: 'x', name: 'X', slots }] });
  await snap('alpha', '2024-07-08 10:00:00', DAY);
  await snap('alpha', '2024-07-08 10:15:00', [DAY[0]!, DAY[2]!, DAY[3]!]); // 09:15 booked at 10h, 2 days ahead
  await snap('alpha', '2024-07-08 11:00:00', [DAY[0]!, DAY[2]!]); // 14:00 booked at 11h
  await snap('alpha', '2024-07-09 08:00:00', [DAY[0]!, DAY[1]!, DAY[2]!]); // 09:15 cancelled (after a gap: not counted)
  await snap('alpha', '2024-07-09 08:15:00', [DAY[0]!, DAY[2]!]); // 09:15 booked again at 08h, 1 day ahead
  await snap('beta', '2024-07-08 10:00:00', DAY);
  await snap('beta', '2024-07-08 10:15:00', DAY.slice(1));
  await snap('gamma', '2024-07-08 10:00:00', []);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cityInsights', () => {
  it('reports per source and per city from the aggregates, ranked by bookings per day', async () => {
    const insights = (await cityInsights(store, { cityOf: (id) => (id === 'gamma' ? 'Gammastadt' : 'Alphaburg') }))!;
    expect(insights.cities.map((c) => [c.rank, c.city, c.sources.map((o) => o.sourceId)])).toEqual([
      [1, 'Alphaburg', ['alpha', 'beta']],
      [2, 'Gammastadt', ['gamma']],
    ]);
    const alpha = insights.cities[0]!.sources[0]!;
    expect(alpha).toMatchObject({ days: 2, locations: 1, snapshots: 5, bookings: 3, cancellations: 0 });
    expect(alpha.bookingsPerDay).toBe(1.5);
    expect(alpha.leadMedianDays).toBe(2);
    expect(alpha.leadDays.slice(0, 3)).toEqual([0, 1, 2]);
    expect(alpha.slotHours[9]).toBe(2);
    expect(alpha.slotHours[14]).toBe(1);
    expect(alpha.popularSlotHours).toEqual([9, 14]);
    expect(alpha.popularBookingHours).toEqual([8, 10, 11]);
    // day 1: (4 + 3 + 2) / 3 snapshots = 3; day 2: (3 + 2) / 2 = 2.5
    expect(alpha.freeSlotsPerDay).toBe(2.8);
    const city = insights.cities[0]!;
    expect(city).toMatchObject({ bookings: 4, days: 2, bookingsPerDay: 2, locations: 2 });
    // city free slots per day: day 1 alpha 3 + beta 3.5, day 2 alpha 2.5
    expect(city.freeSlotsPerDay).toBe(4.5);
    expect(insights.cities[1]).toMatchObject({
      bookings: 0,
      cancellationRate: null,
      leadMedianDays: null,
      popularSlotHours: [],
    });
  });

  it('reports the published totals as stats does', async () => {
    const insights = (await cityInsights(store))!;
    const stats = await store.stats();
    for (const s of stats) {
      const source = insights.cities.flatMap((c) => c.sources).find((o) => o.sourceId === s.sourceId)!;
      expect(source.published).toEqual({ bookings: s.appointments, cancellations: s.cancellations });
    }
  });

  it('limits to a range and to sources, and is undefined for an empty one', async () => {
    const day2 = (await cityInsights(store, { from: '2024-07-09 00:00:00', to: '2024-07-09 23:59:59' }))!;
    const found = day2.cities.flatMap((c) => c.sources.map((o) => [o.sourceId, o.bookings, o.snapshots]));
    expect(found).toEqual([['alpha', 1, 2]]);
    expect(day2.first).toBe('2024-07-09 08:00:00');
    const beta = (await cityInsights(store, { sources: (id) => id === 'beta' }))!;
    expect(beta.cities.map((c) => c.city)).toEqual(['beta']);
    expect(await cityInsights(store, { from: '2030-01-01 00:00:00' })).toBeUndefined();
    expect(await cityInsights(store, { sources: () => false })).toBeUndefined();
  });

  it("counts a source's offices (its locations) seen in the range; a city adds its sources' offices", async () => {
    const at = (time: string) => `2024-07-20 ${time}:00`;
    const record = (sourceId: string, time: string, names: string[]) => {
      const locations = names.map((name) => ({ locationId: name, name, slots: [at('15:00')] }));
      return store.recordSnapshot({ sourceId, takenAt: at(time), locations });
    };
    await record('delta', '10:00', ['Nord', 'Süd']);
    await record('delta', '10:15', ['Nord', 'Süd', 'West']);
    await record('epsilon', '10:00', ['Mitte']);
    const options = { sources: (id: string) => id === 'delta' || id === 'epsilon', cityOf: () => 'Deltastadt' };
    const [city] = (await cityInsights(store, options))!.cities;
    expect(city!.sources.map((o) => [o.sourceId, o.locations])).toEqual([
      ['delta', 3],
      ['epsilon', 1],
    ]);
    expect(city!.locations).toBe(4);
    const early = (await cityInsights(store, { ...options, to: at('10:05') }))!.cities[0]!;
    expect(early.sources.map((o) => [o.sourceId, o.locations])).toEqual([
      ['delta', 2],
      ['epsilon', 1],
    ]);
  });

  it('takes the lower median of a histogram', () => {
    expect(median([0, 1, 2])).toBe(2);
    expect(median([1, 1, 0, 0])).toBe(0);
    expect(median([0, 0])).toBeNull();
  });
});
