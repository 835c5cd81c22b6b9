import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../scrapers/simulator/demo.js';
import { openStore } from '../../store/index.js';
import { repoRoot } from '../helpers/shared-data.js';
import { runBin } from '../helpers/run-bin.js';

// The binary's resolver is replaced (test/helpers/fake-dns.mjs): no name is looked up for real, nothing leaves
// 127.0.0.1.
const FAKE_DNS = join(repoRoot, 'test/helpers/fake-dns.mjs');
const withDns = (mode: 'offline' | 'loopback') => ({
  env: { FAKE_DNS: mode, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${FAKE_DNS}`.trim() },
});

const SYSTEMS = ['tevis', 'netappoint', 'etermin', 'tempus'];
/** The one sentence of a round that found the network down, `hosts` a pattern ("6 hosts: …"). */
const networkDown = (hosts: string) =>
  new RegExp(`^office-watch: the network looks down \\(EAI_AGAIN for ${hosts}\\); nothing was scraped\\.\\n$`);
const dir = mkdtempSync(join(tmpdir(), 'office-watch-offline-'));
let demo: Demo;

beforeAll(async () => {
  demo = await startDemo({ speed: 0 });
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `count` sites of real systems on hosts that never resolve, `hosts` distinct ones. */
function unreachableSites(count: number, hosts: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `gone${i}`,
    system: SYSTEMS[i % SYSTEMS.length],
    name: `Stadt ${i}`,
    city: `Stadt ${i}`,
    url: `https://termine.city${i % hosts}.invalid/${SYSTEMS[i % SYSTEMS.length]}/x${i}`,
    params: { company: `stadt${i}` }, // netappoint asks for it before any request
  }));
}

async function runs(db: string) {
  const store = await openStore(db, { readOnly: true });
  try {
    return await store.runs();
  } finally {
    await store.close();
  }
}

describe('office-watch snapshot without network', () => {
  it('says the network looks down in one sentence and exits 1, without waiting on each site', async () => {
    const sites = join(dir, 'offline.json');
    writeFileSync(sites, JSON.stringify(unreachableSites(24, 8)));
    const db = join(dir, 'offline-db');
    const started = Date.now();
    const result = await runBin(['snapshot', '--sites', sites, '--db', db], 30_000, withDns('offline'));
    const elapsed = Date.now() - started;
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toMatch(networkDown('6 hosts: termine\\.city\\d\\.invalid, [^)]+'));
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    // Today's round took 0.8 s a site one host after another (got retries a failed lookup twice); now no site is tried.
    expect(elapsed).toBeLessThan(10_000);
    expect(await runs(db)).toEqual([]);
  });

  it('--json: the same sentence, nothing on stdout', async () => {
    const sites = join(dir, 'offline-json.json');
    writeFileSync(sites, JSON.stringify(unreachableSites(6, 6)));
    const args = ['snapshot', '--json', '--sites', sites, '--db', join(dir, 'offline-json-db')];
    const result = await runBin(args, 30_000, withDns('offline'));
    expect(result.stderr).toMatch(networkDown('6 hosts: [^)]+'));
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
  });

  it('working sites beside names that do not resolve: a round like any, every site a row, exit 0', async () => {
    // The simulated offices under names of their own (the fake resolver makes them 127.0.0.1), and dead domains.
    const named = (url: string, i: number) => url.replace('127.0.0.1', `office${i}.test`);
    const working = demo.sites.slice(0, 4).map(({ locations: _, ...s }, i) => ({ ...s, url: named(s.url, i) }));
    const sites = join(dir, 'mix.json');
    writeFileSync(sites, JSON.stringify([...working, ...unreachableSites(4, 4)]));
    const db = join(dir, 'mix-db');
    const result = await runBin(['snapshot', '-w', '1', '--sites', sites, '--db', db], 60_000, withDns('loopback'));
    const lines = result.stdout.toString().trimEnd().split('\n');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const unresolved = /^FAIL {2}gone\d +down: ENOTFOUND at https:\/\/termine\.city\d\.invalid/;
    const dead = lines.filter((line) => unresolved.test(line));
    expect(dead).toHaveLength(4);
    // The demo's offices have faults of their own (an error page now and then): rows all the same.
    const offices = lines.filter((line) => working.some((site) => line.slice(6).startsWith(`${site.id} `)));
    expect(offices).toHaveLength(4);
    expect(offices.filter((line) => line.startsWith('ok  ')).length).toBeGreaterThan(0);
    expect(offices.filter((line) => / down: /.test(line))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^8 sources: \d ok, \d failed · /);
    expect(await runs(db)).toHaveLength(8);
  });
});
