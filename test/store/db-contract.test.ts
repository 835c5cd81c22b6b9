// One contract for every Db the store runs on (as abstract-level's suite is for its implementations): the LevelDB
// this process owns, and a RemoteDb that reads through the owner's socket. Both are opened through the store's API
// (openStore), the remote one as a second, read-only opener of the same folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, StoreError, type LevelStore, type Snapshot } from '../../store/index.js';
import type { Db, RangeOptions } from '../../store/db.js';
import { RemoteDb } from '../../store/remote-db.js';

const root = mkdtempSync(join(tmpdir(), 'office-watch-db-contract-'));
const path = join(root, 'db');
let owner: LevelStore;
let reader: LevelStore;

// Keys like the store's (NUL between parts), 1,200 of them so that ranges cross the remote's 1,000-entry pages.
const keyOf = (i: number): string => `q\u0000src\u0000${String(i).padStart(5, '0')}`;
const valueOf = (i: number): Uint8Array => Uint8Array.from({ length: 1 + (i % 17) }, (_, j) => (i * 31 + j) & 255);
const N = 1200;
const snapshots: Snapshot[] = [
  {
    sourceId: 'alpha',
    takenAt: '2024-07-08 08:00:00',
    locations: [{ locationId: 'l1', name: 'Amt 1', slots: ['2024-07-10 09:00:00', '2024-07-10 09:30:00'] }],
  },
  {
    sourceId: 'alpha',
    takenAt: '2024-07-08 08:15:00',
    locations: [{ locationId: 'l1', name: 'Amt 1', slots: ['2024-07-10 09:30:00'] }],
  },
  {
    sourceId: 'beta',
    takenAt: '2024-07-08 08:05:00',
    locations: [{ locationId: 'b', name: 'Bürgeramt', slots: ['2024-07-09 10:00:00'] }],
  },
];

beforeAll(async () => {
  owner = await openStore(path);
  await owner.db.batch(
    Array.from({ length: N }, (_, i) => ({ type: 'put' as const, key: keyOf(i), value: valueOf(i) })),
  );
  for (const snapshot of snapshots) await owner.recordSnapshot(snapshot);
  reader = await openStore(path, { readOnly: true });
});
afterAll(async () => {
  await reader.close();
  await owner.close();
  rmSync(root, { recursive: true, force: true });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
const hex = (value: Uint8Array | undefined): string | undefined =>
  value === undefined ? undefined : Buffer.from(value).toString('hex');

/** What a range of the seeded keys holds, worked out from the seed rather than read from a database. */
function expected(range: RangeOptions): string[] {
  let keys = Array.from({ length: N }, (_, i) => keyOf(i)).filter(
    (k) =>
      (range.gt === undefined || k > range.gt) &&
      (range.gte === undefined || k >= range.gte) &&
      (range.lt === undefined || k < range.lt) &&
      (range.lte === undefined || k <= range.lte),
  );
  if (range.reverse) keys = keys.reverse();
  return range.limit === undefined || range.limit < 0 ? keys : keys.slice(0, range.limit);
}

const within = { gte: keyOf(0), lte: `${keyOf(0).slice(0, 6)}\uffff` };
const RANGES: RangeOptions[] = [
  within,
  { ...within, reverse: true },
  { gte: keyOf(10), lte: keyOf(1150) },
  { gt: keyOf(10), lt: keyOf(1150), reverse: true },
  { ...within, limit: 1001 },
  { gt: keyOf(5), limit: 3 },
  { ...within, limit: 0 },
  { gte: keyOf(N), lte: within.lte },
];

const implementations: [string, () => LevelStore, boolean][] = [
  ['the owned LevelDB', () => owner, true],
  ['a RemoteDb through the owner', () => reader, false],
];

describe.each(implementations)('the Db contract: %s', (_name, store, writable) => {
  const db = (): Db => store().db;

  it('is the implementation it is said to be', () => {
    expect(db() instanceof RemoteDb).toBe(!writable);
  });

  it('gets a key, a missing one as undefined, many at once in order', async () => {
    expect(hex(await db().get(keyOf(777)))).toBe(hex(valueOf(777)));
    expect(await db().get('q\u0000no such key')).toBeUndefined();
    const many = await db().getMany([keyOf(3), 'q\u0000missing', keyOf(N - 1)]);
    expect(many.map(hex)).toEqual([hex(valueOf(3)), undefined, hex(valueOf(N - 1))]);
    expect(await db().getMany([])).toEqual([]);
  });

  it('iterates every range in key order, bounds and limits as LevelDB takes them', async () => {
    for (const range of RANGES) {
      const keys = expected(range);
      const entries = await collect(db().iterator(range));
      expect(
        entries.map(([k]) => k),
        JSON.stringify(range),
      ).toEqual(keys);
      expect(entries.map(([, v]) => hex(v))).toEqual(keys.map((k) => hex(valueOf(Number(k.slice(-5))))));
      expect(await collect(db().keys(range))).toEqual(keys);
      expect((await collect(db().values(range))).map(hex)).toEqual(entries.map(([, v]) => hex(v)));
    }
  });

  it('stops when the reader breaks off and keeps answering', async () => {
    for await (const k of db().keys({ ...within, reverse: true })) {
      expect(k).toBe(keyOf(N - 1));
      break;
    }
    expect(hex(await db().get(keyOf(1)))).toBe(hex(valueOf(1)));
  });

  it(
    writable ? 'writes: put, del and an atomic batch' : 'refuses every write as busy, and nothing changes',
    async () => {
      const k = 'q\u0000written';
      const writes = () => [
        db().put(k, Uint8Array.of(1)),
        db().del(keyOf(2)),
        db().batch([
          { type: 'put', key: `${k}2`, value: Uint8Array.of(2) },
          { type: 'del', key: keyOf(4) },
        ]),
      ];
      if (writable) {
        await Promise.all(writes());
        expect(hex(await db().get(k))).toBe('01');
        expect(hex(await db().get(`${k}2`))).toBe('02');
        expect(await db().getMany([keyOf(2), keyOf(4)])).toEqual([undefined, undefined]);
        await db().batch([
          { type: 'put', key: keyOf(2), value: valueOf(2) },
          { type: 'put', key: keyOf(4), value: valueOf(4) },
          { type: 'del', key: k },
          { type: 'del', key: `${k}2` },
        ]);
      } else {
        for (const write of writes())
          await expect(write).rejects.toSatisfy((e) => e instanceof StoreError && e.code === 'BUSY');
      }
      expect(await owner.db.get(k)).toBeUndefined();
      expect(hex(await owner.db.get(keyOf(2)))).toBe(hex(valueOf(2)));
    },
  );

  it('serves the store above it: sources, snapshots, stats as recorded', async () => {
    expect(await store().listSources()).toEqual(['alpha', 'beta']);
    for (const snapshot of snapshots) {
      const stored = await store().snapshotAt(snapshot.sourceId, snapshot.takenAt);
      expect(stored?.locations).toEqual(snapshot.locations.map(({ locationId, slots }) => ({ locationId, slots })));
    }
    expect(await store().snapshotTimes('alpha')).toEqual(
      snapshots.filter((s) => s.sourceId === 'alpha').map((s) => s.takenAt),
    );
    const stats = await store().stats();
    expect(stats.map((s) => [s.sourceId, s.snapshots])).toEqual([
      ['alpha', 2],
      ['beta', 1],
    ]);
    expect(await store().listLocations('beta')).toEqual([{ locationId: 'b', name: 'Bürgeramt' }]);
  });
});
