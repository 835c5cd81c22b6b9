import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { BIN, runBin, type BinOptions } from '../helpers/run-bin.js';

// Before the fix, a folder under /proc made node's mkdir -p loop forever: a run that hangs fails here.
const HANG_MS = 20_000;

/** Every path under `dir`, the databases left out (LevelDB renames its files on every open). */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name.startsWith('db') ? [] : [join(dir, e.name), ...(e.isDirectory() ? walk(join(dir, e.name)) : [])],
  );

/** Run the binary and expect one sentence on stderr matching `message`, exit `code`, no hang, nothing on stdout. */
async function refused(args: string[], message: RegExp, code = 1, options: BinOptions = {}): Promise<void> {
  const result = await runBin(args, HANG_MS, options);
  expect(result.timedOut, `${args.join(' ')} hung`).toBe(false);
  expect(result.stderr).toMatch(/^office-watch: [^\n]+\.\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout.toString()).toBe('');
}

const isRoot = process.getuid?.() === 0;

describe('paths that cannot be written', () => {
  // Open to everyone: the read-only case runs as nobody when the tests run as root.
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-paths-'));
  const db = join(dir, 'db');
  const file = join(dir, 'file.txt');
  const readOnly = join(dir, 'read-only');
  let before: string[] = [];

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    const store = await openStore(db);
    try {
      for (const [takenAt, slots] of [
        ['2026-07-13 10:00:00', ['2026-07-14 09:00:00', '2026-07-14 09:15:00']],
        ['2026-07-13 10:15:00', ['2026-07-14 09:15:00']],
      ] as const) {
        const locations = [{ locationId: 'a', name: 'A', slots: [...slots] }];
        await store.recordSnapshot({ sourceId: 'bonn', takenAt, locations });
      }
    } finally {
      await store.close();
    }
    writeFileSync(file, 'keep me\n');
    mkdirSync(readOnly, { mode: 0o555 });
    chmodSync(readOnly, 0o555);
    before = walk(dir);
  });

  afterAll(() => {
    chmodSync(readOnly, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  const writers = (out: string) => [
    ['export', '--csv', '--out', out, '--db', db],
    ['export', '--csv', '--out', out, '--tar', '--db', db],
    ['metrics', '--week', '2026-29', '--out', out, '--db', db],
  ];
  const quote = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  const linux = existsSync('/proc/self');

  it.runIf(linux)('--out under /proc: says the folder cannot be made there, and does not loop', async () => {
    for (const out of ['/proc/office-watch-nope', '/proc/office-watch-nope/deeper']) {
      for (const args of writers(out)) {
        await refused(args, new RegExp(`cannot use ${quote(out)} as the output folder: /proc takes no new folders\\.`));
      }
    }
    expect(walk(dir)).toEqual(before);
  });

  it('--out naming a file, or a path under a file: one sentence naming it, the file untouched', async () => {
    for (const args of writers(file)) {
      await refused(args, new RegExp(`cannot use ${quote(file)} as the output folder: it is a file, not a folder\\.`));
    }
    const under = join(file, 'out');
    for (const args of writers(under)) {
      const why = `${quote(file)} is a file, not a folder`;
      await refused(args, new RegExp(`cannot use ${quote(under)} as the output folder: ${why}\\.`));
    }
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(walk(dir)).toEqual(before);
  });

  it('--out in a read-only folder: permission denied, nothing made', async () => {
    // Root may write anywhere: the binary runs as nobody then.
    const as: BinOptions = isRoot ? { uid: 65534, gid: 65534 } : {};
    for (const out of [readOnly, join(readOnly, 'out')]) {
      for (const args of writers(out)) {
        await refused(args, new RegExp(`cannot use ${quote(out)} as the output folder: permission denied\\.`), 1, as);
      }
    }
    expect(walk(dir)).toEqual(before);
  });

  it('a file in the way inside --out: one sentence naming it; the week folders made for nothing go again', async () => {
    const out = join(dir, 'blocked');
    mkdirSync(join(out, '2026-29.tar.gz'), { recursive: true });
    mkdirSync(join(out, '2026-29', 'bonn.csv'), { recursive: true });
    mkdirSync(join(out, 'changed.csv'), { recursive: true });
    const [csv, tar, metrics] = writers(out);
    await refused(csv!, new RegExp(`cannot write ${quote(join(out, '2026-29', 'bonn.csv'))}: .+ is a folder\\.`));
    await refused(tar!, new RegExp(`cannot write ${quote(join(out, '2026-29.tar.gz'))}: .+ is a folder\\.`));
    await refused(metrics!, new RegExp(`cannot write ${quote(join(out, 'changed.csv'))}: .+ is a folder\\.`));
    const fresh = join(dir, 'fresh', 'out');
    await refused(['export', '--out', fresh, '--from', '2030-01-01', '--db', db], /no snapshots in that range\./);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
    rmSync(out, { recursive: true });
  });

  it.runIf(linux)('--db under /proc or under a file: one sentence, no loop, for every writer', async () => {
    const week = join(dir, 'week.csv');
    writeFileSync(week, 'date,source_id,location_id\n');
    const places = [
      ['/proc/office-watch-nope', '/proc takes no new folders'],
      [join(file, 'db'), `${file} is a file, not a folder`],
    ] as const;
    for (const [bad, why] of places) {
      const message = new RegExp(`cannot use ${quote(bad)} as the database folder: ${quote(why)}\\.`);
      await refused(['import', week, '--db', bad], message);
      await refused(['watch', 'add', '--city', 'Bonn', '--within', '3', '--db', bad], message);
    }
    rmSync(week);
    expect(walk(dir)).toEqual(before);
  });

  it.runIf(existsSync('/dev/full'))('stdout on a full device: one sentence, exit 1', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, 'export', '--db', db], { stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'close')) as [number];
      expect(stderr).toBe('office-watch: cannot write the output: no space is left on the device.\n');
      expect(code).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it.runIf(existsSync('/dev/zero'))('a device to read from (/dev/zero never ends): refused at once', async () => {
    await refused(['import', '/dev/zero', '--db', db], /\/dev\/zero is a device, not a file\./);
    await refused(['list', '--sites', '/dev/zero'], /the sites file \/dev\/zero is a device, not a file\./);
    const sites = /the sites file \/dev\/zero is a device, not a file\./;
    await refused(['snapshot', '--sites', '/dev/zero', '--db', db], sites);
  });
});
