import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Level } from 'level';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, RangeOptions } from '../../store/db.js';
import { hostDb, type DbHost } from '../../store/db-host.js';
import { readLines, sendLine, socketPath, type Response } from '../../store/db-socket.js';
import { busy } from '../../store/open-level.js';
import { RemoteDb } from '../../store/remote-db.js';
import { openStore, StoreError } from '../../store/index.js';

const root = mkdtempSync(join(tmpdir(), 'office-watch-remote-'));
const path = join(root, 'db');
const level = new Level<string, Uint8Array>(path, { keyEncoding: 'utf8', valueEncoding: 'view' });
let host: DbHost;
let remote: RemoteDb;

// 2,500 keys: ranges cross the 1,000-entry pages. Keys carry NUL like the store's; values are binary.
const N = 2500;
const keyOf = (i: number): string => `r\u0000src\u0000${String(i).padStart(5, '0')}`;
const valueOf = (i: number): Uint8Array => Uint8Array.from({ length: 1 + (i % 40) }, (_, j) => (i * 7 + j) & 255);

beforeAll(async () => {
  await level.open();
  await level.batch(Array.from({ length: N }, (_, i) => ({ type: 'put' as const, key: keyOf(i), value: valueOf(i) })));
  await level.put('x\u0000other', Uint8Array.of(0, 255, 10, 13));
  host = await hostDb(level, path);
  remote = await RemoteDb.connect(socketPath(path)!, () => busy(path));
});
afterAll(async () => {
  await remote.close();
  await host.close();
  await level.close();
  rmSync(root, { recursive: true, force: true });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const bytes = (value: Uint8Array | undefined): string | undefined =>
  value === undefined ? undefined : Buffer.from(value).toString('hex');
const entries = async (db: Db, options: RangeOptions): Promise<[string, string][]> =>
  (await collect(db.iterator(options))).map(([k, v]) => [k, bytes(v)!]);

// What every Db does (get, ranges, refused writes) is in db-contract.test.ts; here what is the remote's own.
describe('RemoteDb against a real LevelDB', () => {
  const ranges: RangeOptions[] = [
    {},
    { reverse: true },
    { gte: keyOf(10), lte: keyOf(2400) },
    { gt: keyOf(10), lt: keyOf(2400), reverse: true },
    { gte: keyOf(999), lt: keyOf(2001) },
    { gte: 'r\u0000src\u0000', lte: 'r\u0000src\u0000\uffff', limit: 1000 },
    { gte: 'r\u0000src\u0000', limit: 1001, reverse: true },
    { limit: 2200 },
    { gt: keyOf(5), limit: 3 },
    { lte: keyOf(2), reverse: true, limit: 1 },
    { limit: 0 },
    { gt: 'x\u0000other' },
    { gte: 'z' },
  ];

  it('iterates every range as LevelDB does, in pages', async () => {
    for (const range of ranges) {
      const direct = await entries(level, range);
      expect(await entries(remote, range), JSON.stringify(range)).toEqual(direct);
      expect(await collect(remote.keys(range))).toEqual(direct.map(([k]) => k));
      expect((await collect(remote.values(range))).map(bytes)).toEqual(direct.map(([, v]) => v));
    }
    expect(await collect(remote.keys({}))).toHaveLength(N + 1);
  });

  it('the owner answers a range with one page of 1,000 entries at most', async () => {
    const socket = connect(socketPath(path)!);
    const answer = new Promise<Response>((resolve) => readLines(socket, (message) => resolve(message as Response)));
    sendLine(socket, { id: 7, op: 'range', range: {}, values: false });
    const response = await answer;
    socket.destroy();
    expect(response.id).toBe(7);
    expect(response.entries).toHaveLength(1000);
    expect(response.entries![999]).toEqual([keyOf(999), null]);
  });

  it('answers many requests at once, each with its own', async () => {
    const picks = Array.from({ length: 200 }, (_, i) => (i * 37) % N);
    const got = await Promise.all(picks.map((i) => remote.get(keyOf(i))));
    expect(got.map(bytes)).toEqual(picks.map((i) => bytes(valueOf(i))));
  });
});

describe('when the owner goes away', () => {
  it('a pending read fails with one sentence', async () => {
    const where = join(root, 'gone.sock');
    const server = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => server.listen(where, resolve));
    const db = await RemoteDb.connect(where, () => busy(path));
    const error = await db.get('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'ENDED', message: 'the process that had the database open ended; try again.' });
    await expect(collect(db.keys())).rejects.toMatchObject({ code: 'ENDED' });
    await db.close();
    server.close();
  });

  it('nobody listening: connect rejects', async () => {
    await expect(RemoteDb.connect(join(root, 'nobody.sock'), () => busy(path))).rejects.toThrow();
  });
});

describe('openStore while another store has the folder open', () => {
  it('reads through the owner when read-only; a writer is told it is busy', async () => {
    const storePath = join(root, 'store');
    const owner = await openStore(storePath);
    await owner.recordSnapshot({
      sourceId: 'bonn',
      takenAt: '2021-07-12 10:00:00',
      locations: [{ locationId: 'a', name: 'A', slots: ['2021-07-13 09:00:00'] }],
    });
    const reader = await openStore(storePath, { readOnly: true });
    expect(await reader.stats()).toEqual(await owner.stats());
    expect(await reader.latestSnapshot('bonn')).toEqual(await owner.latestSnapshot('bonn'));
    await expect(openStore(storePath)).rejects.toMatchObject({ code: 'BUSY' });
    await reader.close();
    await owner.close();
    const after = await openStore(storePath, { readOnly: true });
    expect(await after.listSources()).toEqual(['bonn']);
    await after.close();
  });
});

describe('the socket folder', () => {
  it("is the user's own and closed to others; a folder others could enter is not used", () => {
    // A temp folder of this test's own, so that no other test's socket folder is touched.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = mkdtempSync(join(root, 'tmp-'));
    try {
      const folder = dirname(socketPath(path)!);
      expect(folder.startsWith(process.env.TMPDIR)).toBe(true);
      const stat = statSync(folder);
      expect(stat.mode & 0o077).toBe(0);
      expect(stat.uid).toBe(process.getuid!());
      chmodSync(folder, 0o755);
      expect(socketPath(path)).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
