import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scraperFor } from '../../scrapers/index.js';
import { startDemo } from '../../scrapers/simulator/demo.js';
import { createScheduler } from '../../source/scheduler/index.js';
import { checkStore } from '../../store/check.js';
import { importWeeklyFiles } from '../../store/import-weeks.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { key, range, PREFIX } from '../../store/keys.js';
import { AGGREGATE, decodeAggregate, encodeAggregate } from '../../store/records.js';
import { repairStore } from '../../store/repair.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const root = mkdtempSync(join(tmpdir(), 'office-watch-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const WEEK = 'raw/2026-29.tar.gz';

async function imported(): Promise<LevelStore> {
  const store = await openStore(join(root, `db-${++counter}`));
  await importWeeklyFiles(store, [sharedData(WEEK)!]);
  return store;
}

async function keysOf(store: LevelStore, prefix: Parameters<typeof range>[0]): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of store.db.keys(range(prefix))) keys.push(k);
  return keys;
}

/** A location of the week with at least `rows` rows. */
async function busyLocation(
  store: LevelStore,
  rows: number,
): Promise<{ sourceId: string; locationId: string; rowKeys: string[] }> {
  for (const sourceId of await store.listSources()) {
    for (const { locationId } of await store.listLocations(sourceId)) {
      const rowKeys = await keysOf(store, [PREFIX.row, sourceId, locationId]);
      if (rowKeys.length >= rows) return { sourceId, locationId, rowKeys };
    }
  }
  throw new Error(`no location with ${rows} rows`);
}

describe.runIf(hasSharedData(WEEK))('office-watch check on a real LevelDB', () => {
  it('finds an imported week sound', async () => {
    const store = await imported();
    try {
      const report = await checkStore(store.db);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ sources: 2, snapshots: 1322 });
    } finally {
      await store.close();
    }
  });

  it('finds a database filled by scraping simulated offices sound', async () => {
    const demo = await startDemo({ speed: 0, start: new Date('2026-03-02T07:00:00Z') });
    const store = await openStore(join(root, `db-${++counter}`));
    try {
      const scheduler = createScheduler({
        sites: demo.sites.slice(0, 3),
        store,
        scraperFor,
        now: () => demo.clock.now(),
        minIntervalMinutes: 0,
        weeks: 1,
      });
      for (let round = 0; round < 3; round++) {
        await scheduler.runRound();
        demo.clock.advance(15 * 60_000);
      }
      await scheduler.stop();
      const report = await checkStore(store.db);
      expect(report.problems).toEqual([]);
      expect(report.snapshots).toBeGreaterThanOrEqual(6);
    } finally {
      await store.close();
      await demo.close();
    }
  });

  it('names a deleted row of a change chain, and leaves it for a re-import', async () => {
    const store = await imported();
    try {
      const { sourceId, locationId, rowKeys } = await busyLocation(store, 6);
      await store.db.del(rowKeys[3]!);
      const report = await checkStore(store.db);
      expect(report.problems.find((p) => p.kind === 'chain')?.message).toContain(`${sourceId}/${locationId}`);
      const { after } = await repairStore(store.db, report);
      expect(after.problems.map((p) => p.kind)).toEqual(['chain']);
      expect(after.problems[0]!.fix).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('finds a corrupted value, a wrong aggregate, wrong totals, a garbage key; --repair makes it sound', async () => {
    const store = await imported();
    try {
      const [sourceId] = await store.listSources();
      const hours = await keysOf(store, [PREFIX.hourly, sourceId!]);
      expect(hours.length).toBeGreaterThan(1);
      const hourly = await store.hourly(sourceId!);
      const wrong = decodeAggregate((await store.db.get(hours[0]!))!);
      wrong[AGGREGATE.appointments]! += 5;
      await store.db.put(hours[0]!, encodeAggregate(wrong));
      await store.db.put(hours[1]!, Uint8Array.from([0xff]));
      const source = (await store.source(sourceId!))!;
      await store.db.put(
        key(PREFIX.source, sourceId!),
        Buffer.from(JSON.stringify({ ...source, appointments: source.appointments + 1 })),
      );
      await store.db.put('zz\u0000garbage', Uint8Array.from([1]));

      const report = await checkStore(store.db);
      const kinds = new Set(report.problems.map((p) => p.kind));
      expect(kinds).toEqual(new Set(['key', 'value', 'aggregate', 'totals']));
      expect(report.problems.find((p) => p.kind === 'key')!.key).toBe('zz garbage');
      expect(report.problems.find((p) => p.kind === 'value')!.key).toBe(hours[1]!.replaceAll('\u0000', ' '));
      expect(report.problems.find((p) => p.kind === 'totals')!.message).toContain('appointments');

      const { repaired, unrepairable, after } = await repairStore(store.db, report);
      expect(unrepairable).toEqual([]);
      expect(repaired.length).toBe(report.problems.length);
      expect(after.problems).toEqual([]);
      expect(await store.hourly(sourceId!)).toEqual(hourly);
      expect((await store.source(sourceId!))!.appointments).toBe(source.appointments);
    } finally {
      await store.close();
    }
  });

  it('rebuilds an undecodable source record, dictionary order included', async () => {
    const store = await imported();
    try {
      const [sourceId] = await store.listSources();
      const source = (await store.source(sourceId!))!;
      await store.db.put(key(PREFIX.source, sourceId!), Buffer.from('{"locations": [tru'));
      const report = await checkStore(store.db);
      expect(report.problems.map((p) => p.kind).sort()).toEqual(['totals', 'value']);
      expect((await repairStore(store.db, report)).after.problems).toEqual([]);
      const { names: _lost, ...rest } = source;
      expect(await store.source(sourceId!)).toMatchObject(rest);
    } finally {
      await store.close();
    }
  });
});
