import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Site, Snapshot } from '../../scrapers/types.js';
import type { RunListener, SiteHealth } from '../../source/scheduler/index.js';
import { buildSlotGrid } from '../../source/tui/data/slot-grid.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { openStore } from '../../store/index.js';
import type { LevelStore } from '../../store/index.js';

let dir: string;
let store: LevelStore;

const snap = (sourceId: string, takenAt: string, locations: [string, string, string[]][]): Snapshot => ({
  sourceId,
  takenAt,
  locations: locations.map(([locationId, name, slots]) => ({ locationId, name, slots })),
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-tui-data-'));
  store = await openStore(join(dir, 'db'));
  await store.recordSnapshot(
    snap('bonn', '2021-08-10 11:45:00', [
      ['a', 'Führerscheinwesen', ['2021-08-11 08:00:00', '2021-08-11 08:05:00']],
      ['b', 'Kfz', []],
    ]),
  );
  await store.recordSnapshot(
    snap('bonn', '2021-08-10 12:00:00', [
      ['a', 'Führerscheinwesen', ['2021-08-11 08:05:00', '2021-08-11 08:10:00']],
      ['b', 'Kfz', ['2021-08-12 09:00:00']],
    ]),
  );
  await store.recordSnapshot(
    snap('imported-x', '2021-08-10 12:00:00', [['z', 'Amt \u001b[31mZ', ['2021-08-11 10:00:00']]]),
  );
  await store.recordRun({
    sourceId: 'bonn',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    durationMs: 900,
    ok: false,
    requests: 1,
    error: { kind: 'down', message: 'ECONNREFUSED' },
  });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sites = [
  { id: 'bonn', name: 'Stadt Bonn', city: 'Bonn' },
  { id: 'dresden', name: 'Dresden', city: 'Dresden', locations: [{ id: '1', name: 'Altstadt' }] },
];

describe('WatchData over the store', () => {
  test('cities from the sites and the db (unknown sources by id), free counts, states from the runs', async () => {
    const { data, ready, close } = createStoreWatchData({ store, sites });
    await ready;
    const overview = data.overview();
    expect(overview.cities.map((c) => c.name)).toEqual(['Bonn', 'Dresden', 'imported-x']);
    expect(overview.cities[0]).toMatchObject({ free: 3, state: 'failing' });
    expect(overview.cities[1]).toMatchObject({ state: 'idle' });
    expect(overview.cities[1]!.free).toBeUndefined();
    expect(overview).toMatchObject({ sources: 3, offices: 4, failing: 1, scraping: false });
    // Grouped: working (Dresden, not run yet; the imported source) before failing (Bonn).
    expect(data.health().map((row) => row.sourceId)).toEqual(['dresden', 'imported-x', 'bonn']);
    expect(data.health()[2]).toMatchObject({
      sourceId: 'bonn',
      state: 'failing',
      lastError: 'down: ECONNREFUSED',
      successRate: 0,
    });
    expect(data.health()[2]!.status).toMatchObject({ state: 'failing', kind: 'down' });
    close();
  });

  test('the list hears of db sources once their newest snapshots are read, not by registry counts', async () => {
    // The registry knows five offices of Bonn; its newest snapshot in the db has two.
    const registry = [
      { id: 'bonn', name: 'Stadt Bonn', city: 'Bonn', locations: ['1', '2', '3', '4', '5'].map((id) => ({ id })) },
    ];
    const { data, ready, close } = createStoreWatchData({ store, sites: [], lookup: registry });
    const told: number[] = [];
    data.subscribe(() => told.push(data.overview().offices));
    await ready;
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]).toBe(3);
    expect(new Set(told)).toEqual(new Set([3]));
    close();
  });

  test('acceptSource leaves out db sources that --include/--exclude drop', async () => {
    const { data, ready } = createStoreWatchData({ store, sites, acceptSource: (id) => id !== 'imported-x' });
    await ready;
    expect(data.overview().cities.map((c) => c.name)).toEqual(['Bonn', 'Dresden']);
  });

  test('a frame: the locations with names, the snapshot and the one before; a cursor goes back', async () => {
    const { data, ready } = createStoreWatchData({ store, sites });
    await ready;
    const live = (await data.slots('Bonn')).frame;
    expect(live.at).toBe('2021-08-10 12:00:00');
    expect(live.columns.map((c) => [c.locationId, c.name, c.slots.length, c.previous?.length])).toEqual([
      ['a', 'Führerscheinwesen', 2, 2],
      ['b', 'Kfz', 1, 0],
    ]);
    const back = (await data.slots('Bonn', '2021-08-10 11:50:00')).frame;
    expect(back.at).toBe('2021-08-10 11:45:00');
    expect(back.columns[0]!.previous).toBeUndefined();
    expect((await data.slots('Bonn')).times).toEqual(['2021-08-10 11:45:00', '2021-08-10 12:00:00']);
    const imported = (await data.slots('imported-x')).frame;
    expect(imported.columns[0]!.name).toBe('Amt Z');
  });

  test('timeline scopes and hourly counts over the last 7 days of the data', async () => {
    const { data, ready } = createStoreWatchData({ store, sites });
    await ready;
    const scopes = await data.scopes('Bonn');
    expect(scopes.map((s) => s.label)).toEqual(['Bonn', 'Führerscheinwesen', 'Kfz']);
    const { end, counts } = await data.hourly('Bonn', scopes[0]!);
    expect(end).toBe('2021-08-10 12:00:00');
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c.hour <= end)).toBe(true);
  });

  test("hourly counts over the hours asked for (the timeline's 7 days, 4 weeks, a year)", async () => {
    const slots = ['2021-08-20 08:00:00', '2021-08-20 08:05:00'];
    // A booking on 08-01 at 10 h and one on 08-09 at 11 h.
    for (const day of ['2021-08-01 10', '2021-08-09 11']) {
      await store.recordSnapshot(snap('kassel', `${day}:00:00`, [['k', 'Bürgerbüro', slots]]));
      await store.recordSnapshot(snap('kassel', `${day}:15:00`, [['k', 'Bürgerbüro', slots.slice(1)]]));
    }
    const { data, ready, close } = createStoreWatchData({ store, sites });
    await ready;
    const [scope] = await data.scopes('kassel');
    const hours = async (span?: number) => {
      const { counts } = await data.hourly('kassel', scope!, span);
      return counts.filter((c) => c.appointments > 0).map((c) => c.hour);
    };
    expect(await hours()).toEqual(['2021-08-09 11:00:00']);
    expect(await hours(28 * 24)).toEqual(['2021-08-01 10:00:00', '2021-08-09 11:00:00']);
    expect(await hours(2)).toEqual(['2021-08-09 11:00:00']);
    close();
  });

  test('a new snapshot reaches the listeners and the overview', async () => {
    const { data, ready, close } = createStoreWatchData({ store, sites });
    await ready;
    await data.slots('Bonn');
    const changed: (readonly string[] | undefined)[] = [];
    data.subscribe((ids) => changed.push(ids));
    await store.recordSnapshot(
      snap('bonn', '2021-08-10 12:15:00', [
        ['a', 'Führerscheinwesen', []],
        ['b', 'Kfz', []],
      ]),
    );
    await expect.poll(() => changed).toContainEqual(['bonn']);
    expect(data.overview().cities[0]!.free).toBe(0);
    expect((await data.slots('Bonn')).times).toHaveLength(3);
    expect((await data.slots('Bonn')).frame.at).toBe('2021-08-10 12:15:00');
    close();
  });

  test('times stepped through stay in the history window as snapshots come (a long run keeps no more)', async () => {
    // A window of half an hour.
    const { data, ready, close } = createStoreWatchData({ store, sites, historyDays: 1 / 48 });
    await ready;
    expect((await data.slots('Bonn')).times).toEqual(['2021-08-10 11:45:00', '2021-08-10 12:00:00']);
    const changed: (readonly string[] | undefined)[] = [];
    data.subscribe((ids) => changed.push(ids));
    await store.recordSnapshot(snap('bonn', '2021-08-10 12:15:00', [['a', 'Führerscheinwesen', []]]));
    await store.recordSnapshot(
      snap('bonn', '2021-08-10 12:30:00', [['a', 'Führerscheinwesen', ['2021-08-11 08:00:00']]]),
    );
    await expect.poll(() => changed.length).toBe(2);
    expect((await data.slots('Bonn')).times).toEqual([
      '2021-08-10 12:00:00',
      '2021-08-10 12:15:00',
      '2021-08-10 12:30:00',
    ]);
    close();
  });

  test('peekSlots: what was read shows at once; the step back is read ahead; a snapshot makes it stale', async () => {
    const { data, ready, close } = createStoreWatchData({ store, sites });
    await ready;
    expect(data.peekSlots!('Bonn')).toBeUndefined();
    await data.slots('Bonn');
    expect(data.peekSlots!('Bonn')).toMatchObject({
      times: ['2021-08-10 11:45:00', '2021-08-10 12:00:00'],
      frame: { city: 'Bonn', at: '2021-08-10 12:00:00' },
    });
    // `[` from live goes to the snapshot before: read ahead, without a request.
    await expect.poll(() => data.peekSlots!('Bonn', '2021-08-10 11:45:00')?.frame.at).toBe('2021-08-10 11:45:00');
    const changed: (readonly string[] | undefined)[] = [];
    data.subscribe((ids) => changed.push(ids));
    await store.recordSnapshot(
      snap('bonn', '2021-08-10 12:15:00', [
        ['a', 'Führerscheinwesen', []],
        ['b', 'Kfz', []],
      ]),
    );
    await expect.poll(() => changed).toContainEqual(['bonn']);
    expect(data.peekSlots!('Bonn')).toBeUndefined();
    expect(data.peekSlots!('imported-x')).toBeUndefined();
    expect((await data.slots('Bonn')).frame.at).toBe('2021-08-10 12:15:00');
    expect(data.peekSlots!('Bonn')?.times).toHaveLength(3);
    close();
  });

  test('grid, counts and timeline follow the improved rules (issue 15): a day withdrawn is no booking', async () => {
    const day = (d: number, time: string) => `2021-08-1${d} ${time}:00`;
    const times = ['09:00', '09:15', '09:30'];
    const before = [day(2, '09:00'), ...times.map((t) => day(3, t)), ...times.map((t) => day(4, t))];
    // The 13th goes whole (withdrawn; the published rules count 3 bookings there), the 14th's 09:15 is booked.
    const after = [day(2, '09:00'), day(4, '09:00'), day(4, '09:30')];
    await store.recordSnapshot(snap('wien', '2021-08-11 10:00:00', [['a', 'Amt', before]]));
    await store.recordSnapshot(snap('wien', '2021-08-11 10:15:00', [['a', 'Amt', after]]));
    const { data, ready, close } = createStoreWatchData({ store, sites: [{ id: 'wien', name: 'Wien', city: 'Wien' }] });
    await ready;
    const { frame } = await data.slots('Wien');
    expect(buildSlotGrid(frame, '2021-08-13')).toMatchObject({ withdrawn: 3, booked: 0 });
    const rows = [{ time: '09:00' }, { time: '09:15', cells: ['booked'] }, { time: '09:30' }];
    expect(buildSlotGrid(frame, '2021-08-14')).toMatchObject({ booked: 1, rows });
    const { counts } = await data.hourly('Wien', { label: 'Wien' });
    expect(counts.reduce((sum, c) => sum + c.appointments, 0)).toBe(1);
    expect((await store.stats()).find((s) => s.sourceId === 'wien')?.appointments).toBe(4);
    close();
  });

  test('while the first round runs, the overview says how many of the scheduled sources it has done', async () => {
    const listeners = new Set<RunListener>();
    const idle = {
      state: 'stale',
      running: false,
      consecutiveFailures: 0,
      runs24h: 0,
      status: { state: 'new' },
    } as const;
    const health: SiteHealth[] = sites.map((site) => ({ sourceId: site.id, ...idle }));
    const scheduler = {
      health: () => health,
      nextRoundAt: new Date('2021-08-10T10:15:00Z'),
      onRun: (listener: RunListener) => (listeners.add(listener), () => void listeners.delete(listener)),
      onRound: () => () => undefined,
      rescrape: async () => ({ startedAt: new Date(), durationMs: 0, outcomes: [], skipped: [] }),
    };
    const { data, ready, close } = createStoreWatchData({ store, sites, scheduler });
    await ready;
    expect(data.overview().firstRound).toEqual({ done: 0, total: 2 });
    const run = { sourceId: 'bonn', startedAt: new Date().toISOString(), durationMs: 10, ok: true, requests: 1 };
    const ran = (id: string, i: number) => {
      for (const listener of listeners) listener({ site: { id } as Site, run: { ...run, sourceId: id } }, health[i]!);
    };
    ran('bonn', 0);
    expect(data.overview().firstRound).toEqual({ done: 1, total: 2 });
    ran('dresden', 1);
    expect(data.overview().firstRound).toBeUndefined();
    close();
    expect(listeners.size).toBe(0);
  });
});
