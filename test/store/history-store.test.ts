import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStore } from '../../store/check.js';
import type { BatchOp, Db } from '../../store/db.js';
import { importWeeklyFiles } from '../../store/import-weeks.js';
import { LevelStore, openStore, StoreError } from '../../store/index.js';
import { cityInsights } from '../../store/insights.js';
import { key, type Prefix, range } from '../../store/keys.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-history-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const WEEK = '2021-28';

/** The db with every batch from the `failAfter`-th on refused as LevelDB refuses it on a full disk. */
function fullDiskAfter(db: Db, failAfter: number): Db {
  let batches = 0;
  const batch = (ops: BatchOp[]): Promise<void> => {
    if (++batches < failAfter) return db.batch(ops);
    const cause = Object.assign(new Error('IO error: 000005.log: No space left on device'), { code: 'LEVEL_IO_ERROR' });
    return Promise.reject(Object.assign(new Error('Write failed'), { code: 'LEVEL_IO_ERROR', cause }));
  };
  return new Proxy(db, { get: (target, name) => (name === 'batch' ? batch : Reflect.get(target, name)) });
}

async function allKeys(store: LevelStore, family: Prefix): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of store.db.keys(range([family]))) keys.push(k);
  return keys;
}

describe.runIf(hasSharedData(`raw/${WEEK}.tar.gz`))('a long history in the store', () => {
  const week = sharedData(`raw/${WEEK}.tar.gz`)!;

  it('a full disk mid-import: one sentence, the store sound, and a rerun completes it', async () => {
    const path = join(dir, 'full');
    const clean = join(dir, 'clean');
    const reference = await openStore(clean);
    await importWeeklyFiles(reference, [week]);
    const expected = await reference.stats();
    await reference.close();

    const store = await openStore(path);
    const failing = new LevelStore(fullDiskAfter(store.db, 6));
    const error = await importWeeklyFiles(failing, [week]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('DISK_FULL');
    expect((error as StoreError).message).toMatch(/^the disk holding the database is full.*run the import again/);
    expect((await checkStore(store.db)).problems).toEqual([]);
    const kept = await store.stats();
    expect(kept.reduce((sum, s) => sum + s.snapshots, 0)).toBeLessThan(
      expected.reduce((sum, s) => sum + s.snapshots, 0),
    );
    await importWeeklyFiles(store, [week]);
    expect(await store.stats()).toEqual(expected);
    expect((await checkStore(store.db)).problems).toEqual([]);
    await store.close();
  }, 120_000);

  it('keeps day rollups that insights read; an older database gets them once when opened, same answers', async () => {
    const path = join(dir, 'rollups');
    const store = await openStore(path);
    await importWeeklyFiles(store, [week]);
    const ranges = [
      {},
      { from: '2021-07-13 10:20:00', to: '2021-07-15 08:00:00' },
      { from: '2021-07-14 00:00:00', to: '2021-07-14 23:59:59' },
    ];
    const before = await Promise.all(ranges.map((r) => cityInsights(store, r)));
    // The timeline's long spans: whole days from the rollups, the same counts per day as the hourly aggregates.
    const perDay = (counts: { hour: string; appointments: number; cancellations: number }[]) => {
      const days = new Map<string, [number, number]>();
      for (const c of counts) {
        const day = days.get(c.hour.slice(0, 10)) ?? [0, 0];
        days.set(c.hour.slice(0, 10), [day[0] + c.appointments, day[1] + c.cancellations]);
      }
      return [...days].filter(([, [a, b]]) => a + b > 0);
    };
    for (const [from, to] of [
      ['2021-07-13 10:00:00', '2021-07-17 08:00:00'],
      ['2021-07-12 00:00:00', '2021-07-18 23:59:59'],
    ] as const) {
      const hourly = await store.hourly('bonn', undefined, from, to);
      const daily = await store.daily('bonn', from, to);
      expect(daily.length).toBeLessThan(hourly.length);
      expect(perDay(daily)).toEqual(perDay(hourly));
    }
    expect(before[0]!.cities.length).toBeGreaterThan(10);
    // Make it a database of format 1: no rollups.
    const rollups = await allKeys(store, 'd');
    expect(rollups.length).toBeGreaterThan(36 * 6);
    await store.db.batch([
      ...rollups.map((k) => ({ type: 'del' as const, key: k })),
      { type: 'put', key: key('x', 'format'), value: Buffer.from('office-watch-store-1') },
    ]);
    await store.close();

    const notices: string[] = [];
    const upgraded = await openStore(path, { onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringMatching(/building the daily rollups once/)]);
    expect(await allKeys(upgraded, 'd')).toEqual(rollups);
    expect(await Promise.all(ranges.map((r) => cityInsights(upgraded, r)))).toEqual(before);
    expect((await checkStore(upgraded.db)).problems).toEqual([]);
    // A wrong rollup is found and repairable.
    await upgraded.db.put(rollups[3]!, Buffer.from((await upgraded.db.get(rollups[4]!))!));
    const report = await checkStore(upgraded.db);
    expect(report.problems.map((p) => p.kind)).toEqual(['rollup']);
    await upgraded.close();
    const again: string[] = [];
    await (await openStore(path, { onNotice: (m) => again.push(m) })).close();
    expect(again).toEqual([]);
  }, 120_000);
});

describe.runIf(hasSharedData(`raw/${WEEK}.tar.gz`, 'raw/2026-29.tar.gz'))('an import undone', () => {
  it('leaves records, rollups and totals as they were when a later file turns out bad', async () => {
    const store = await openStore(join(dir, 'undone'));
    await importWeeklyFiles(store, [sharedData(`raw/${WEEK}.tar.gz`)!]);
    const keys = async () => {
      const all: string[] = [];
      for await (const k of store.db.keys()) if (!k.startsWith('x')) all.push(k);
      return all;
    };
    const [before, stats] = [await keys(), await store.stats()];
    const good = sharedData('raw/2026-29.tar.gz')!;
    const cut = join(dir, '2026-30.tar.gz');
    writeFileSync(cut, readFileSync(good).subarray(0, 9000));
    await expect(importWeeklyFiles(store, [good, cut])).rejects.toThrow(/cut short|gzip/);
    expect(await keys()).toEqual(before);
    expect(await store.stats()).toEqual(stats);
    expect((await checkStore(store.db)).problems).toEqual([]);
    await store.close();
  }, 120_000);
});

describe('a database of a newer office-watch', () => {
  it('is refused in one sentence and left as it was', async () => {
    const path = join(dir, 'newer');
    const store = await openStore(path);
    await store.recordSnapshot({
      sourceId: 'alpha',
      takenAt: '2024-07-08 10:00:00',
      locations: [{ locationId: 'x', name: 'X', slots: [] }],
    });
    await store.db.put(key('x', 'format'), Buffer.from('office-watch-store-9'));
    await store.close();
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('NEWER_FORMAT');
    expect((error as StoreError).message).toMatch(
      /written by a newer office-watch \(store format 9.*update office-watch/,
    );
    const level = new Level<string, string>(path);
    await level.open();
    expect(await level.get(key('x', 'format'))).toBe('office-watch-store-9');
    expect(await level.keys(range(['m'])).all()).toEqual([key('m', 'alpha', '2024-07-08 10:00:00')]);
    await level.close();
  });
});
