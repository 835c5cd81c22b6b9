import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';
import { cli } from '../helpers/run-bin.js';

const WEEK = 'raw/2026-29.tar.gz';

describe.runIf(hasSharedData(WEEK))('office-watch check (the binary)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-check-cmd-'));
  const db = join(dir, 'db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    expect((await cli('import', sharedData(WEEK)!, '--db', db)).code).toBe(0);
  });

  it('says in one line that an imported week is sound, exit 0', async () => {
    const { code, stdout } = await cli('check', '--db', db);
    expect(code).toBe(0);
    expect(stdout).toBe('sound: 2 sources, 1,322 snapshots, 0 problems\n');
  });

  it('names damage, exits 1, and --repair makes the database sound again', async () => {
    const store = await openStore(db);
    await store.db.put('zz\u0000garbage', Uint8Array.from([1]));
    await store.close();
    const found = await cli('check', '--db', db);
    expect(found.code).toBe(1);
    const [first, detail] = found.stdout.split('\n');
    expect(first).toBe('1 problem (2 sources, 1,322 snapshots): 1 undecodable key; run office-watch check --repair');
    expect(detail).toMatch(/^ {2}key +a key that does not decode: no key family of the store$/);
    const json = JSON.parse((await cli('check', '--json', '--db', db)).stdout) as {
      sound: boolean;
      problems: { kind: string; key: string; repairable: boolean }[];
    };
    expect(json).toMatchObject({ sound: false, problems: [{ kind: 'key', key: 'zz garbage', repairable: true }] });

    const repaired = await cli('check', '--repair', '--db', db);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout.split('\n').slice(0, 2)).toEqual([
      'sound after repair: repaired 1 problem: 1 undecodable key',
      'sound: 2 sources, 1,322 snapshots, 0 problems',
    ]);
    expect((await cli('check', '--db', db)).code).toBe(0);
  });

  it('refuses an argument in one sentence, exit 2', async () => {
    const { code, stdout, stderr } = await cli('check', 'db', '--db', db);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('office-watch: check takes no arguments ("db"); --db PATH names the database.\n');
  });

  it('refuses a missing database in one sentence', async () => {
    const { code, stdout, stderr } = await cli('check', '--db', join(dir, 'nothing'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^office-watch: there is no office-watch database at .*\.\n$/);
  });
});
