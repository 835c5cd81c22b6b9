import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystemServer } from '../../scrapers/simulator/http-host.js';
import { netappointServer } from '../../scrapers/simulator/netappoint-server.js';
import { fixedOffice } from '../helpers/fixed-office.js';
import { serveRealMuelheim } from '../helpers/real-tevis-site.js';
import { runBin } from '../helpers/run-bin.js';
import { allOfficesListed, startSimulate } from '../helpers/simulate-process.js';
import { hasSharedData } from '../helpers/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-sites-'));
const env = { XDG_CONFIG_HOME: join(dir, 'config') };
const sitesFile = join(dir, 'config', 'office-watch', 'sites.json');
const db = join(dir, 'db');
const sites = (...args: string[]) => runBin(['sites', ...args], 120_000, { env });
const ownFile = (): { id: string; system: string; url: string; params?: Record<string, string> }[] =>
  existsSync(sitesFile) ? JSON.parse(readFileSync(sitesFile, 'utf8')) : [];

/** `office-watch simulate`'s offices: id → the URL a user would paste (the start page of each). */
const pasted = new Map<string, string>();
let simulator: ChildProcess;

beforeAll(async () => {
  const started = await startSimulate([], allOfficesListed);
  simulator = started.child;
  for (const line of started.stdout().trim().split('\n')) {
    const [system, id, url, ...params] = line.trim().split(/\s+/);
    const query = new URLSearchParams(params.map((p) => p.split('=', 2) as [string, string]));
    if (system === 'netappoint') {
      const extra = params.find((p) => p.startsWith('extra='))?.slice(6);
      pasted.set(id!, `${url}/index.php?company=${query.get('company')}${extra ? `&${extra}` : ''}`);
    } else if (system === 'zms') pasted.set(id!, `${url}?services=${query.get('services')!.split(',')[0]}`);
    else pasted.set(id!, url!);
  }
}, 30_000);

afterAll(() => {
  simulator?.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

describe('office-watch sites, from the built binary', () => {
  const systems: [string, string][] = [
    ['frankfurt', 'tevis'],
    ['kassel', 'tevis'],
    ['bonn', 'netappoint'],
    ['muenster', 'netappoint'],
    ['dresden', 'etermin'],
    ['leipzig', 'tempus'],
    ['muenchen', 'zms'],
  ];

  it('adds each simulated system by its URL, and the next snapshot reads it', async () => {
    const added: string[] = [];
    for (const [office, system] of systems) {
      const result = await sites('add', pasted.get(office)!);
      expect(result.code, `${office}: ${result.stderr}`).toBe(0);
      const out = result.stdout.toString();
      expect(out).toMatch(new RegExp(`— ${system}`));
      expect(out).toMatch(/\d+ offices, \d+ free slots/);
      const id = /saved as (\S+)/.exec(out)?.[1];
      expect(id, office).toBeDefined();
      expect(ownFile().find((site) => site.id === id)?.system).toBe(system);
      added.push(id!);
    }
    expect(new Set(added).size).toBe(systems.length);
    const listed = await runBin(['sites', 'list', '--json'], 30_000, { env });
    const records = JSON.parse(listed.stdout.toString()) as { id: string; own?: boolean }[];
    expect(
      records
        .filter((site) => site.own)
        .map((site) => site.id)
        .sort(),
    ).toEqual([...added].sort());
    expect(records.length).toBeGreaterThan(200);
    const include = added.flatMap((id) => ['-i', id]);
    const snapshot = await runBin(['snapshot', ...include, '--weeks', '2', '--json', '--db', db], 180_000, { env });
    expect(snapshot.code, snapshot.stderr).toBe(0);
    const runs = JSON.parse(snapshot.stdout.toString()) as { sourceId: string; ok: boolean; locations?: number }[];
    expect(runs.map((run) => run.sourceId).sort()).toEqual([...added].sort());
    for (const run of runs) expect(run.ok && (run.locations ?? 0) > 0, run.sourceId).toBe(true);
  }, 400_000);

  it('takes a deep link of the tevis wizard (refused without a session) as the same site', async () => {
    const before = ownFile().length;
    const result = await sites('add', `${pasted.get('frankfurt')}/select2?md=1`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.toString()).toMatch(/saved as frankfurt-2 /);
    expect(ownFile()).toHaveLength(before);
  }, 60_000);

  it('refuses the WEB_APPOINT front end and a page of no known system in one sentence, saving nothing', async () => {
    const office = fixedOffice({
      sourceId: 'muc',
      system: 'netappoint',
      now: new Date(),
      locations: [{ id: 'a', name: 'ABH', slots: [] }],
    });
    const system = netappointServer([office], { variant: () => ({ frontEnd: 'web-appoint' }) });
    const server = await startSystemServer(system);
    const before = readFileSync(sitesFile, 'utf8');
    try {
      const company = system.siteParams?.(office)?.company ?? '';
      const url = `${system.siteUrl(server.origin, office)}/index.php?company=${company}`;
      const refused = await sites('add', url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^office-watch: .* shows the Kahlert netappoint WEB_APPOINT front end .*; nothing saved\.\n$/m,
      );
      const unknown = await sites('add', `${server.origin}/nothing-here`);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/shows no booking system office-watch knows \(HTTP 404\); nothing saved\./);
    } finally {
      await server.close();
    }
    expect(readFileSync(sitesFile, 'utf8')).toBe(before);
    const bad = await sites('add', 'not-a-url');
    expect(bad.code).toBe(2);
  }, 60_000);

  it.runIf(hasSharedData('pages/tevis/muelheim-auslaenderamt-select2-2026-07-21.html'))(
    'adds Mülheim from its real pages served on 127.0.0.1: 49 services, the one free time',
    async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const site = await serveRealMuelheim(tomorrow);
      try {
        const result = await sites('add', `${site.origin}/select2?md=1`);
        expect(result.code, result.stderr).toBe(0);
        const out = result.stdout.toString();
        expect(out).toContain('Stadt Mülheim an der Ruhr — tevis (wizard), city Mülheim an der Ruhr');
        expect(out).toContain('49 offices, 1 free slots');
        expect(out).toContain(`next ${tomorrow} 14:30`);
        expect(out).toMatch(/saved as muelheim-an-der-ruhr /);
        // One request for the pasted page, then the scrape: start, select2, 49 × (location, POST, suggest), one step.
        expect(out).toContain(`(${1 + 2 + 49 * 3 + 1} requests)`);
        expect(site.hits).toHaveLength(1 + 2 + 49 * 3 + 1);
      } finally {
        await site.close();
      }
    },
    60_000,
  );

  it('list finds Mülheim an der Ruhr as mülheim, muelheim or Mulheim (one matcher: list, -i, watch, app)', async () => {
    for (const pattern of ['mülheim', 'muelheim', 'Mulheim']) {
      const listed = await runBin(['list', pattern, '--json'], 30_000, { env });
      expect(listed.code, listed.stderr).toBe(0);
      const ids = (JSON.parse(listed.stdout.toString()) as { id: string; city: string }[]).map((site) => site.id);
      expect(ids, pattern).toContain('muelheim');
    }
  }, 60_000);

  it('shows and removes own sites; built-in ones stay', async () => {
    const shown = await sites('show', 'frankfurt-2');
    expect(JSON.parse(shown.stdout.toString())).toMatchObject({ id: 'frankfurt-2', system: 'tevis', own: true });
    const builtIn = await sites('rm', 'frankfurt');
    expect(builtIn.code).toBe(1);
    expect(builtIn.stderr).toMatch(/frankfurt is built in/);
    const removed = await sites('rm', 'frankfurt-2');
    expect(removed.code, removed.stderr).toBe(0);
    expect(ownFile().some((site) => site.id === 'frankfurt-2')).toBe(false);
    const missing = await sites('show', 'frankfurt-2');
    expect(missing.code).toBe(1);
  }, 60_000);
});
