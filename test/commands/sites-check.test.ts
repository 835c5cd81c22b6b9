import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { runBin } from '../helpers/run-bin.js';
import { startSimulate } from '../helpers/simulate-process.js';
import { repoRoot } from '../helpers/shared-data.js';

// No name is looked up for real: names ending in .invalid do not exist, the rest is 127.0.0.1 (fake-dns.mjs).
const FAKE_DNS = join(repoRoot, 'test/helpers/fake-dns.mjs');
const dir = mkdtempSync(join(tmpdir(), 'office-watch-sites-check-'));
const env = {
  XDG_CONFIG_HOME: join(dir, 'config'),
  FAKE_DNS: 'loopback',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${FAKE_DNS}`.trim(),
};
const sitesFile = join(dir, 'sites.json');
let simulator: ChildProcess;
let sites: { id: string; system: string; url: string }[];

interface Checked {
  sourceId: string;
  status: { state: string; since?: string; to?: string; how?: string };
  skipped?: string;
}

const check = async (db: string, ...args: string[]): Promise<Checked[]> => {
  const result = await runBin(['sites', 'check', ...args, '--sites', sitesFile, '--json', '--db', db], 180_000, {
    env,
  });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout.toString()) as Checked[];
};

beforeAll(async () => {
  const args = ['--site-changes', '--sites-out', sitesFile];
  simulator = (await startSimulate(args, ({ stderr }) => stderr.includes('sites written'))).child;
  sites = JSON.parse(readFileSync(sitesFile, 'utf8'));
}, 30_000);

afterAll(() => {
  simulator?.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

describe('office-watch sites check against the simulator', () => {
  it("prints each one's status: working and renumbering, moved, system changed, no such name, refused", async () => {
    const db = join(dir, 'fresh');
    const checked = new Map((await check(db)).map((c) => [c.sourceId, c]));
    expect(checked.size).toBe(sites.length);
    // Frankfurt and Offenbach are the wizard sites that renumber their ids every month.
    for (const id of ['frankfurt', 'offenbach', 'kassel', 'bonn', 'dresden', 'leipzig', 'muenchen'])
      expect(checked.get(id)?.status.state, id).toBe('ok');
    expect(checked.get('umzug')?.status).toMatchObject({
      state: 'moved',
      to: expect.stringMatching(/^http:\/\/localhost:\d+\/tevis\/offenbach3\/$/),
    });
    expect(checked.get('wechsel')?.status).toMatchObject({
      state: 'moved',
      how: expect.stringContaining('is now a tevis site'),
    });
    expect(checked.get('verschwunden')?.status).toMatchObject({
      state: 'failing',
      how: expect.stringContaining('ENOTFOUND'),
    });
    expect(checked.get('abgeschaltet')?.status).toMatchObject({
      state: 'failing',
      how: expect.stringContaining('ECONNREFUSED'),
    });
    // list --status and stats show what the check learnt.
    const listed = await runBin(['list', '--status', '--json', '--sites', sitesFile, '--db', db], 60_000, { env });
    const records = JSON.parse(listed.stdout.toString()) as { id: string; status: { state: string } }[];
    expect(Object.fromEntries(records.map((r) => [r.id, r.status.state]))).toMatchObject({
      umzug: 'moved',
      abgeschaltet: 'failing',
      kassel: 'ok',
    });
    const table = (
      await runBin(['list', 'umzug', '--status', '--sites', sitesFile, '--db', db], 60_000, { env })
    ).stdout.toString();
    expect(table).toMatch(/STATUS\n.*umzug.*\smoved\n/);
    const stats = JSON.parse(
      (await runBin(['stats', '--json', '--db', db], 60_000, { env })).stdout.toString(),
    ) as Checked[];
    expect(stats.find((s) => s.sourceId === 'kassel')?.status.state).toBe('ok');
    // At once again: every site was just tried, so none is tried now, and each keeps its status.
    const again = await check(db, 'umzug', 'kassel');
    expect(again.map((c) => [c.sourceId, c.status.state, Boolean(c.skipped)])).toEqual([
      ['kassel', 'ok', true],
      ['umzug', 'moved', true],
    ]);
    const text = await runBin(['sites', 'check', 'umzug', '--sites', sitesFile, '--db', db], 60_000, { env });
    expect(text.stdout.toString()).toMatch(
      /^moved {3}umzug {2}.*moved \(HTTP 301\) to .*; to follow it: office-watch sites add 'http:\/\/localhost:/m,
    );
  }, 300_000);

  it('calls a site gone after 3 days of no such name, and tries it at most once a day', async () => {
    const db = join(dir, 'gone');
    const store = await openStore(db);
    const error = {
      kind: 'down' as const,
      message: 'ENOTFOUND at http://termine.verschwunden.invalid/tevis/',
      code: 'ENOTFOUND',
    };
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    for (const days of [4, 3, 1.5])
      await store.recordRun({
        sourceId: 'verschwunden',
        startedAt: daysAgo(days),
        durationMs: 5,
        ok: false,
        error,
        requests: 1,
      });
    await store.close();
    const [first] = await check(db, 'verschwunden');
    expect(first).toMatchObject({ sourceId: 'verschwunden', status: { state: 'gone', since: expect.any(String) } });
    expect(first!.skipped).toBeUndefined();
    expect(Date.parse(first!.status.since!)).toBeLessThan(Date.now() - 3.9 * 86_400_000);
    const [second] = await check(db, 'verschwunden');
    expect(second!.skipped).toMatch(/^gone, tried once a day; next try in 14\d\d min$/);
  }, 120_000);
});
