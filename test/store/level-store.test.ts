import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { LevelStore, openStore, StoreError, type ScrapeRun, type Snapshot } from '../../store/index.js';
import { METRIC } from '../../store/row-metrics.js';

const root = mkdtempSync(join(tmpdir(), 'office-watch-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshPath = (): string => join(root, `db-${++counter}`);

const day = '2021-07-13';
const S = (hhmm: string): string => `${day} ${hhmm}:00`;

/**
 * A snapshot of `sourceId` at `takenAt` ('YYYY-MM-DD HH:MM:SS' or 'HH:MM' on 2021-07-12); locations → free slot times
 * ('HH:MM' on 2021-07-13).
 */
function snap(
  sourceId: string,
  takenAt: string,
  locations: Record<string, string[]>,
  names: Record<string, string> = {},
): Snapshot {
  return {
    sourceId,
    takenAt: takenAt.length === 5 ? `2021-07-12 ${takenAt}:00` : takenAt,
    locations: Object.entries(locations).map(([locationId, slots]) => ({
      locationId,
      name: names[locationId] ?? '',
      slots: slots.map(S),
    })),
  };
}

const run = (sourceId: string, startedAt: string, ok = true): ScrapeRun => ({
  sourceId,
  startedAt,
  durationMs: 1200,
  ok,
  requests: 3,
  ...(ok ? {} : { error: { kind: 'timeout' as const, message: 'no answer in 30 s' } }),
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  const message = (error as StoreError).message;
  // one sentence for a user: no line breaks, no LevelDB internals, ends with a full stop
  expect(message).not.toMatch(/\n|LOCK|LEVEL_|IO error/);
  expect(message).toMatch(/\.$/);
  return error as StoreError;
}

describe('OfficeStore on LevelDB', () => {
  let path: string;
  let store: LevelStore;
  beforeEach(async () => {
    path = freshPath();
    store = await openStore(path);
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads back what it recorded: times, snapshots (unchanged locations included), sources, locations', async () => {
    expect(
      await store.recordSnapshot(
        snap('bonn', '10:00', { b: ['09:00', '09:15'], a: ['09:00', '09:30', '10:00'] }, { a: 'Amt A', b: 'Amt B' }),
      ),
    ).toEqual({ stored: true, changedLocations: 2, appointments: 0, cancellations: 0 });
    // a: 09:30 booked (in the middle); b unchanged
    expect(
      await store.recordSnapshot(
        snap('bonn', '10:15', { a: ['09:00', '10:00'], b: ['09:00', '09:15'] }, { a: 'Amt A (neu)' }),
      ),
    ).toEqual({ stored: true, changedLocations: 1, appointments: 1, cancellations: 0 });
    // b absent from this snapshot; a's 09:30 back: a cancellation
    expect(await store.recordSnapshot(snap('bonn', '10:30', { a: ['09:00', '09:30', '10:00'] }))).toMatchObject({
      stored: true,
      changedLocations: 1,
      cancellations: 1,
    });
    await store.recordSnapshot(snap('dresden', '10:05', { z: ['11:00'] }));

    expect(await store.listSources()).toEqual(['bonn', 'dresden']);
    expect(await store.listLocations('bonn')).toEqual([
      { locationId: 'a', name: 'Amt A (neu)' },
      { locationId: 'b', name: 'Amt B' },
    ]);
    expect(await store.listLocations('dresden')).toEqual([{ locationId: 'z' }]);
    expect(await store.listLocations('nowhere')).toEqual([]);

    expect(await store.snapshotTimes('bonn')).toEqual([
      '2021-07-12 10:00:00',
      '2021-07-12 10:15:00',
      '2021-07-12 10:30:00',
    ]);
    expect(await store.snapshotTimes('bonn', '2021-07-12 10:15:00')).toEqual([
      '2021-07-12 10:15:00',
      '2021-07-12 10:30:00',
    ]);
    expect(await store.snapshotTimes('bonn', '2021-07-12 10:01:00', '2021-07-12 10:15:00')).toEqual([
      '2021-07-12 10:15:00',
    ]);
    expect(await store.snapshotTimes('bonn', undefined, '2021-07-12 10:14:59')).toEqual(['2021-07-12 10:00:00']);
    expect(await store.snapshotTimes('bon')).toEqual([]);

    expect(await store.snapshotAt('bonn', '2021-07-12 10:15:00')).toEqual({
      sourceId: 'bonn',
      takenAt: '2021-07-12 10:15:00',
      locations: [
        { locationId: 'a', slots: [S('09:00'), S('10:00')] },
        { locationId: 'b', slots: [S('09:00'), S('09:15')] },
      ],
    });
    expect(await store.snapshotAt('bonn', '2021-07-12 10:16:00')).toBeUndefined();
    expect(await store.snapshotAt('nowhere', '2021-07-12 10:15:00')).toBeUndefined();
    expect(await store.latestSnapshot('bonn')).toEqual({
      sourceId: 'bonn',
      takenAt: '2021-07-12 10:30:00',
      locations: [{ locationId: 'a', slots: [S('09:00'), S('09:30'), S('10:00')] }],
    });
    expect(await store.latestSnapshot('nowhere')).toBeUndefined();

    expect(await store.stats()).toEqual([
      {
        sourceId: 'bonn',
        snapshots: 3,
        locations: 2,
        changedRows: 4,
        appointments: 1,
        cancellations: 1,
        first: '2021-07-12 10:00:00',
        last: '2021-07-12 10:30:00',
      },
      {
        sourceId: 'dresden',
        snapshots: 1,
        locations: 1,
        changedRows: 1,
        appointments: 0,
        cancellations: 0,
        first: '2021-07-12 10:05:00',
        last: '2021-07-12 10:05:00',
      },
    ]);
  });

  it('sorts and dedupes the slots it is given', async () => {
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['10:00', '09:00', '10:00', '09:30'] }));
    expect((await store.latestSnapshot('bonn'))!.locations[0]!.slots).toEqual([S('09:00'), S('09:30'), S('10:00')]);
  });

  it('locationStates: the state in force at `from` first, then each change up to `to`', async () => {
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00', '09:30', '10:00'] }));
    await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '09:30', '10:00'] }));
    await store.recordSnapshot(snap('bonn', '10:30', { a: ['09:00', '10:00'] }));
    await store.recordSnapshot(snap('bonn', '10:45', { a: ['09:00', '10:00'] }));
    await store.recordSnapshot(snap('bonn', '11:00', { a: ['10:00'] }));
    await store.recordSnapshot(snap('bonn', '11:15', { a: [] }));

    expect(await collect(store.locationStates('bonn', 'a', '2021-07-12 10:20:00', '2021-07-12 11:00:00'))).toEqual([
      { takenAt: '2021-07-12 10:20:00', slots: [S('09:00'), S('09:30'), S('10:00')] },
      { takenAt: '2021-07-12 10:30:00', slots: [S('09:00'), S('10:00')] },
      { takenAt: '2021-07-12 11:00:00', slots: [S('10:00')] },
    ]);
    // `from` on a change: that state, once
    expect(await collect(store.locationStates('bonn', 'a', '2021-07-12 10:30:00', '2021-07-12 10:59:00'))).toEqual([
      { takenAt: '2021-07-12 10:30:00', slots: [S('09:00'), S('10:00')] },
    ]);
    // open range: every change from the first row on
    expect(
      (await collect(store.locationStates('bonn', 'a'))).map((s) => [s.takenAt.slice(11, 16), s.slots.length]),
    ).toEqual([
      ['10:00', 3],
      ['10:30', 2],
      ['11:00', 1],
      ['11:15', 0],
    ]);
    // before the first snapshot: nothing was free
    expect(await collect(store.locationStates('bonn', 'a', '2021-07-12 09:00:00', '2021-07-12 10:00:00'))).toEqual([
      { takenAt: '2021-07-12 09:00:00', slots: [] },
      { takenAt: '2021-07-12 10:00:00', slots: [S('09:00'), S('09:30'), S('10:00')] },
    ]);
    expect(await collect(store.locationStates('bonn', 'nowhere'))).toEqual([]);
  });

  it('keeps run records: failed runs, runs passed with a snapshot, filtered by source and since', async () => {
    await store.recordRun(run('bonn', '2021-07-12T08:00:00.000Z', false));
    await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00'] }), run('bonn', '2021-07-12T08:15:00.000Z'));
    await store.recordSnapshot(snap('dresden', '10:10', { z: ['09:00'] }), run('dresden', '2021-07-12T08:10:00.000Z'));
    await store.recordRun(run('dresden', '2021-07-12T08:25:00.000Z', false));

    expect(await store.runs('bonn')).toEqual([
      run('bonn', '2021-07-12T08:00:00.000Z', false),
      run('bonn', '2021-07-12T08:15:00.000Z'),
    ]);
    expect((await store.runs()).map((r) => `${r.sourceId} ${r.startedAt.slice(11, 16)} ${r.ok}`)).toEqual([
      'bonn 08:00 false',
      'dresden 08:10 true',
      'bonn 08:15 true',
      'dresden 08:25 false',
    ]);
    expect((await store.runs('dresden', '2021-07-12T08:10:00.000Z')).map((r) => r.startedAt)).toEqual([
      '2021-07-12T08:10:00.000Z',
      '2021-07-12T08:25:00.000Z',
    ]);
    expect((await store.runs(undefined, '2021-07-12T08:12:00.000Z')).map((r) => r.sourceId)).toEqual([
      'bonn',
      'dresden',
    ]);
    expect(await store.runs('nowhere')).toEqual([]);
    // a source with only failed runs has no snapshot data
    expect(await store.listSources()).toEqual(['bonn', 'dresden']);
  });

  it('hourly: inferred bookings and cancellations per hour, per source or location, in a range', async () => {
    await store.recordSnapshot(
      snap('bonn', '10:00', { a: ['09:00', '09:15', '09:30'], b: ['09:00', '09:15', '09:30'] }),
    );
    await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '09:30'], b: ['09:00', '09:15', '09:30'] }));
    await store.recordSnapshot(snap('bonn', '10:30', { a: ['09:00', '09:30'], b: ['09:00', '09:30'] }));
    await store.recordSnapshot(snap('bonn', '10:45', { a: ['09:00', '09:15', '09:30'], b: ['09:00', '09:30'] }));
    await store.recordSnapshot(snap('bonn', '11:00', { a: ['09:00', '09:15', '09:30'], b: ['09:00', '09:30'] }));
    await store.recordSnapshot(snap('bonn', '11:15', { a: ['09:00', '09:30'], b: ['09:00', '09:30'] }));

    expect(await store.hourly('bonn')).toEqual([
      { hour: '2021-07-12 10:00:00', appointments: 2, cancellations: 1 },
      { hour: '2021-07-12 11:00:00', appointments: 1, cancellations: 0 },
    ]);
    expect(await store.hourly('bonn', 'b')).toEqual([
      { hour: '2021-07-12 10:00:00', appointments: 1, cancellations: 0 },
    ]);
    expect(await store.hourly('bonn', undefined, '2021-07-12 11:00:00')).toEqual([
      { hour: '2021-07-12 11:00:00', appointments: 1, cancellations: 0 },
    ]);
    expect(await store.hourly('bonn', 'a', undefined, '2021-07-12 10:59:59')).toEqual([
      { hour: '2021-07-12 10:00:00', appointments: 1, cancellations: 1 },
    ]);
    expect(await store.hourly('nowhere')).toEqual([]);
  });

  it('latestSummary: the newest snapshot’s time, locations and free slots, as latestSnapshot has them', async () => {
    expect(await store.latestSummary('bonn')).toBeUndefined();
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00', '09:15', '09:30'], b: ['09:00'] }));
    await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '09:30'], b: ['09:00'], c: [] }));
    const latest = (await store.latestSnapshot('bonn'))!;
    expect(await store.latestSummary('bonn')).toEqual({
      takenAt: latest.takenAt,
      locations: latest.locations.length,
      free: latest.locations.reduce((sum, l) => sum + l.slots.length, 0),
    });
    expect(await store.latestSummary('bonn')).toEqual({ takenAt: '2021-07-12 10:15:00', locations: 3, free: 3 });
  });

  it('sumSnapshotMetrics adds each snapshot’s metrics where told: the same sums as the decoded records', async () => {
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00', '09:15', '09:30'], b: ['09:00'] }));
    await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '09:30'], b: ['09:00', '09:45'] }));
    await store.recordSnapshot(snap('bonn', '10:30', { a: ['09:30'], b: ['09:45'] }));
    const from = '2021-07-12 10:00:00';
    const to = '2021-07-12 10:59:59';
    const size = METRIC.size;
    // One row per location, every snapshot summed into it; one slot of room before, to see the offsets kept.
    const sums = new Int32Array(1 + 2 * size);
    const seen: string[] = [];
    await store.sumSnapshotMetrics('bonn', from, to, sums, (takenAt, location) => {
      seen.push(`${takenAt.slice(11, 16)} ${location}`);
      return 1 + location * size;
    });
    const expected = [new Int32Array(size), new Int32Array(size)];
    for (const [, record] of await collect(store.snapshotRecords('bonn', from, to))) {
      record.locations.forEach((location, n) =>
        record.metrics[n]!.forEach((value, i) => (expected[location]![i]! += value)),
      );
    }
    expect(seen).toEqual(['10:00 0', '10:00 1', '10:15 0', '10:15 1', '10:30 0', '10:30 1']);
    expect(sums[0]).toBe(0);
    expect([...sums.subarray(1)]).toEqual([...expected[0]!, ...expected[1]!]);
    expect(sums[1 + METRIC.appointments]).toBe(1);
    expect(sums[1 + size + METRIC.changed]).toBe(2);
  });

  it('is idempotent: the same snapshot twice (or an older one) is not stored and changes nothing', async () => {
    const first = snap('bonn', '10:00', { a: ['09:00', '09:30', '10:00'] });
    const second = snap('bonn', '10:15', { a: ['09:00', '10:00'] });
    await store.recordSnapshot(first);
    await store.recordSnapshot(second);
    const heard: string[] = [];
    store.onSnapshot((sourceId, takenAt) => heard.push(`${sourceId} ${takenAt}`));
    const before = {
      stats: await store.stats(),
      times: await store.snapshotTimes('bonn'),
      hourly: await store.hourly('bonn'),
      latest: await store.latestSnapshot('bonn'),
    };
    expect(await store.recordSnapshot(second)).toEqual({
      stored: false,
      changedLocations: 0,
      appointments: 0,
      cancellations: 0,
    });
    expect(await store.recordSnapshot(first)).toEqual({
      stored: false,
      changedLocations: 0,
      appointments: 0,
      cancellations: 0,
    });
    expect(
      await store.recordSnapshot({ ...second, locations: [{ locationId: 'a', name: '', slots: [] }] }),
    ).toMatchObject({ stored: false });
    expect({
      stats: await store.stats(),
      times: await store.snapshotTimes('bonn'),
      hourly: await store.hourly('bonn'),
      latest: await store.latestSnapshot('bonn'),
    }).toEqual(before);
    expect(heard).toEqual([]);
  });

  it('stores changes only: an unchanged snapshot adds no row', async () => {
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00', '09:30'], b: ['09:00'] }));
    const changed = async () => (await store.stats())[0]!.changedRows;
    expect(await changed()).toBe(2);
    expect(await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '09:30'], b: ['09:00'] }))).toMatchObject({
      stored: true,
      changedLocations: 0,
    });
    expect(await changed()).toBe(2);
    await store.recordSnapshot(snap('bonn', '10:30', { a: ['09:00'], b: ['09:00'] }));
    expect(await changed()).toBe(3);
    expect((await store.stats())[0]!.snapshots).toBe(3);
    // the unchanged snapshot still reads back whole
    expect((await store.snapshotAt('bonn', '2021-07-12 10:15:00'))!.locations).toEqual([
      { locationId: 'a', slots: [S('09:00'), S('09:30')] },
      { locationId: 'b', slots: [S('09:00')] },
    ]);
  });

  it('reads back exactly through key frames (many changes of one location)', async () => {
    const expected: { takenAt: string; slots: string[] }[] = [];
    let time = Date.UTC(2021, 6, 12, 6) / 1000;
    for (let i = 0; i < 100; i++) {
      // a different free list each time: a window sliding over a day, with a hole that moves
      const slots = Array.from({ length: 12 }, (_, k) =>
        new Date((Date.UTC(2021, 6, 13, 8) / 1000 + (i % 7) * 900 + k * 900) * 1000).toISOString().slice(11, 16),
      ).filter((_, k) => k !== i % 12);
      const takenAt = new Date(time * 1000).toISOString().slice(0, 19).replace('T', ' ');
      await store.recordSnapshot(snap('bonn', takenAt, { a: slots, b: ['08:00'] }));
      expected.push({ takenAt, slots: [...new Set(slots)].sort().map(S) });
      time += 900;
    }
    expect((await store.stats())[0]).toMatchObject({ snapshots: 100, changedRows: 101 });
    expect(await collect(store.locationStates('bonn', 'a'))).toEqual(expected);
    for (const i of [0, 31, 32, 33, 64, 65, 99]) {
      expect((await store.snapshotAt('bonn', expected[i]!.takenAt))!.locations[0]).toEqual({
        locationId: 'a',
        slots: expected[i]!.slots,
      });
    }
    const between = await collect(
      store.locationStates('bonn', 'a', expected[70]!.takenAt.replace(/:00$/, ':01'), expected[72]!.takenAt),
    );
    expect(between.map((s) => s.slots)).toEqual([expected[70]!.slots, expected[71]!.slots, expected[72]!.slots]);
  });

  it('a snapshot reader steps back and forth through key frames, reading a location about once per frame', async () => {
    const expected: { takenAt: string; a: string[] }[] = [];
    let time = Date.UTC(2021, 6, 12, 6) / 1000;
    for (let i = 0; i < 100; i++) {
      const a = Array.from(
        { length: 10 },
        (_, k) => `${String(8 + ((i + k) % 9)).padStart(2, '0')}:${k % 2 ? '30' : '00'}`,
      );
      const takenAt = new Date(time * 1000).toISOString().slice(0, 19).replace('T', ' ');
      // b changes every tenth snapshot only; c never
      await store.recordSnapshot(snap('bonn', takenAt, { a, b: [i % 10 === 0 ? '07:00' : '07:30'], c: [] }));
      expected.push({ takenAt, a: [...new Set(a)].sort().map(S) });
      time += 900;
    }
    // Count the range reads of the rows a reader makes (one per location and key frame stretch).
    let rowReads = 0;
    const counting = new Proxy(store.db, {
      get: (db, name) =>
        name === 'iterator'
          ? (options: { gte?: string }) => (options.gte?.startsWith('r') && rowReads++, db.iterator(options))
          : Reflect.get(db, name).bind(db),
    });
    const reader = new LevelStore(counting).snapshotReader('bonn');
    const order = [...expected.keys()].reverse().concat([...expected.keys()]);
    for (const i of order) {
      const snapshot = (await reader.snapshotAt(expected[i]!.takenAt))!;
      expect(snapshot.locations.map((l) => l.locationId)).toEqual(['a', 'b', 'c']);
      expect(snapshot.locations[0]!.slots).toEqual(expected[i]!.a);
      expect(snapshot.locations[1]!.slots).toEqual([S(i % 10 === 0 ? '07:00' : '07:30')]);
      expect(snapshot.locations[2]!.slots).toEqual([]);
    }
    // a: 100 rows, a key frame every 33; b: 19 rows, one key frame; c: one row. Back and forth again, reads
    // at most a few more than going back once (the chains kept serve the way forth).
    // (One reader per snapshot would read 3 × 200 times.)
    expect(rowReads).toBeGreaterThanOrEqual(4 + 1 + 1);
    expect(rowReads).toBeLessThanOrEqual(4 + 1 + 1 + 6);
    expect(await reader.snapshotAt('2021-07-12 05:00:00')).toBeUndefined();
  });

  it('calls onSnapshot listeners after each stored snapshot until unsubscribed', async () => {
    const heard: string[] = [];
    const stop = store.onSnapshot((sourceId, takenAt) => heard.push(`${sourceId} ${takenAt}`));
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00'] }));
    await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00'] }));
    await store.recordSnapshot(snap('dresden', '10:05', { z: [] }));
    stop();
    await store.recordSnapshot(snap('bonn', '10:15', { a: [] }));
    expect(heard).toEqual(['bonn 2021-07-12 10:00:00', 'dresden 2021-07-12 10:05:00']);
  });

  it('serializes concurrent writes of one source in call order', async () => {
    const outcomes = await Promise.all([
      store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00', '09:30', '10:00'] })),
      store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '10:00'] })),
      store.recordSnapshot(snap('bonn', '10:30', { a: ['09:00', '09:30', '10:00'] })),
      store.recordSnapshot(snap('dresden', '10:30', { z: ['09:00'] })),
    ]);
    expect(outcomes.map((o) => [o.stored, o.appointments, o.cancellations])).toEqual([
      [true, 0, 0],
      [true, 1, 0],
      [true, 0, 1],
      [true, 0, 0],
    ]);
    expect(await store.snapshotTimes('bonn')).toHaveLength(3);
  });

  it('rejects a snapshot time that is no wall time, and stays usable', async () => {
    await expectStoreError(store.recordSnapshot(snap('bonn', 'yesterday noon', { a: ['09:00'] })), 'BAD_INPUT');
    await expectStoreError(store.recordSnapshot(snap('bonn', '2021-07-12T10:00:00', { a: ['09:00'] })), 'BAD_INPUT');
    expect(await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00'] }))).toMatchObject({ stored: true });
    expect(await store.snapshotTimes('bonn')).toEqual(['2021-07-12 10:00:00']);
  });

  it('a second open of the same folder while open is BUSY, in one sentence', async () => {
    const busy = await expectStoreError(openStore(path), 'BUSY');
    expect(busy.message).toContain(path);
    expect(busy.message).toMatch(/busy/);
    // a reader gets through the owner (test/store/remote-db.test.ts), and cannot write
    const reader = await openStore(path, { readOnly: true });
    await expectStoreError(reader.recordSnapshot(snap('bonn', '09:00', { a: [] })), 'BUSY');
    await reader.close();
    // the first store is unharmed
    expect(await store.recordSnapshot(snap('bonn', '10:00', { a: [] }))).toMatchObject({ stored: true });
  });
});

describe('OfficeStore across opens', () => {
  it('continues after a reopen: data and inference state carry', async () => {
    const path = freshPath();
    let store = await openStore(path);
    await store.recordSnapshot(
      snap('bonn', '10:00', { a: ['09:00', '09:30', '10:00'] }, { a: 'Amt A' }),
      run('bonn', '2021-07-12T08:00:00.000Z'),
    );
    await store.close();

    store = await openStore(path);
    try {
      // 15 minutes later in another process: the booking of 09:30 is inferred from the stored state
      expect(await store.recordSnapshot(snap('bonn', '10:15', { a: ['09:00', '10:00'] }))).toEqual({
        stored: true,
        changedLocations: 1,
        appointments: 1,
        cancellations: 0,
      });
      expect(await store.recordSnapshot(snap('bonn', '10:00', { a: ['09:00'] }))).toMatchObject({ stored: false });
      expect(await store.snapshotTimes('bonn')).toEqual(['2021-07-12 10:00:00', '2021-07-12 10:15:00']);
      expect(await store.listLocations('bonn')).toEqual([{ locationId: 'a', name: 'Amt A' }]);
      expect(await store.runs('bonn')).toHaveLength(1);
      expect((await store.stats())[0]).toMatchObject({ snapshots: 2, changedRows: 2, appointments: 1 });
    } finally {
      await store.close();
    }

    const reader = await openStore(path, { readOnly: true });
    try {
      expect((await reader.latestSnapshot('bonn'))!.locations).toEqual([
        { locationId: 'a', slots: [S('09:00'), S('10:00')] },
      ]);
    } finally {
      await reader.close();
    }
  });

  it('a folder with other files in it is NOT_A_DATABASE, and is left alone', async () => {
    const path = freshPath();
    mkdirSync(path);
    writeFileSync(join(path, 'notes.txt'), 'mine');
    const error = await expectStoreError(openStore(path), 'NOT_A_DATABASE');
    expect(error.message).toContain(path);
    await expectStoreError(openStore(path, { readOnly: true }), 'NOT_A_DATABASE');
    expect(existsSync(join(path, 'CURRENT'))).toBe(false);
  });

  it('a plain file is NOT_A_DATABASE', async () => {
    const path = freshPath();
    writeFileSync(path, 'x');
    await expectStoreError(openStore(path), 'NOT_A_DATABASE');
  });

  it('a LevelDB of someone else is NOT_A_DATABASE', async () => {
    const path = freshPath();
    const other = new Level(path);
    await other.put('hello', 'world');
    await other.close();
    await expectStoreError(openStore(path), 'NOT_A_DATABASE');
  });

  it('a missing database opened readOnly is MISSING and is not created', async () => {
    const path = freshPath();
    const error = await expectStoreError(openStore(path, { readOnly: true }), 'MISSING');
    expect(error.message).toContain(path);
    expect(existsSync(path)).toBe(false);
    mkdirSync(path);
    await expectStoreError(openStore(path, { readOnly: true }), 'MISSING');
  });

  it('an empty folder becomes a database', async () => {
    const path = freshPath();
    mkdirSync(path);
    const store = await openStore(path);
    await store.close();
    expect(existsSync(join(path, 'CURRENT'))).toBe(true);
    await (await openStore(path, { readOnly: true })).close();
  });
});
