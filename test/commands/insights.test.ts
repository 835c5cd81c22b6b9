import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryCityOf } from '../../source/registry-city.js';
import type { Insights } from '../../store/insights.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

// Runs the built CLI: `npm run build` first (npm test does).
const BIN = new URL('../../bin/office-watch.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'office-watch-insights-cli-'));
const db = join(dir, 'db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ...out })));
}

describe.runIf(hasSharedData('raw/2021-28.tar.gz'))('office-watch insights on week 2021-28', () => {
  beforeAll(async () => {
    const imported = await run(['import', sharedData('raw/2021-28.tar.gz')!]);
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);

  it('covers every city of the week, and its published totals equal stats', async () => {
    // Both read-only: whichever opens second reads through the first (store/db-host.ts).
    const [insights, stats] = await Promise.all([run(['insights', '--json']), run(['stats', '--json'])]);
    expect(insights.code, insights.stderr).toBe(0);
    expect(stats.code, stats.stderr).toBe(0);
    const report = JSON.parse(insights.stdout) as Insights;
    type Stats = { sourceId: string; locations: number; appointments: number; cancellations: number };
    const sources = JSON.parse(stats.stdout) as Stats[];
    const cityOf = registryCityOf();
    expect(report.cities.map((c) => c.city).sort()).toEqual(
      [...new Set(sources.map((s) => cityOf(s.sourceId)))].sort(),
    );
    expect(report.cities.map((c) => c.city)).toEqual(expect.arrayContaining(['Bonn', 'Frankfurt']));
    expect(report.cities.map((c) => c.rank)).toEqual(report.cities.map((_, i) => i + 1));
    const perSource = report.cities.flatMap((c) => c.sources);
    expect(perSource.map((o) => o.sourceId).sort()).toEqual(sources.map((s) => s.sourceId).sort());
    for (const s of sources) {
      const found = perSource.find((o) => o.sourceId === s.sourceId)!;
      expect(found.published, s.sourceId).toEqual({ bookings: s.appointments, cancellations: s.cancellations });
      // A source's offices are its locations, as stats counts them.
      expect(found.locations, s.sourceId).toBe(s.locations);
    }
    const bonn = report.cities.find((c) => c.city === 'Bonn')!;
    expect(bonn.bookings).toBeGreaterThan(0);
    expect(bonn.days).toBe(7);
    expect(bonn.leadDays.reduce((a, b) => a + b, 0)).toBe(bonn.bookings);
    expect(bonn.published.bookings).toBe(bonn.sources.reduce((a, o) => a + o.published.bookings, 0));
    expect(bonn.locations).toBe(4);
  }, 60_000);

  it('prints a table by default and CSV with --csv, limited by --source and the range', async () => {
    const table = await run(['insights', '--source', 'bonn*', '--from', '2021-07-13', '--to', '2021-07-14']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Insights 2021-07-13 00:\d\d – 2021-07-14 23:\d\d/);
    expect(table.stdout).toContain('Bonn');
    expect(table.stdout).not.toContain('Frankfurt');
    // Sources (booking sites) and offices (their locations) each by their name: Bonn is 2 sources with 4 offices.
    expect(table.stdout).toMatch(/: 1 city, 2 sources \(booking sites\), 4 offices\./);
    expect(table.stdout).toMatch(/#\s+city\s+sources\s+offices\s+days/);
    expect(table.stdout).toMatch(/^ ?1\s+Bonn\s+2\s+4\s+2\s/m);
    expect(table.stdout).toMatch(/^Sources$/m);
    const csv = await run(['insights', '--csv', '--source', 'bonn']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^level,city,source,rank,days/);
    const rows = lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','));
    expect(rows).toEqual(['city,Bonn,', 'source,Bonn,bonn', 'source,Bonn,bonnbau']);
    expect(lines.map((l) => l.split(',').at(-1))).toEqual(['offices', '4', '3', '1']);
  }, 60_000);

  it('says in one sentence when the range or the sources hold nothing', async () => {
    for (const args of [
      ['--from', '2030-01-01'],
      ['--source', 'no-such-source'],
    ]) {
      const result = await run(['insights', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^office-watch: [^\n]+\.\n$/);
      expect(result.stdout).toBe('');
    }
    const bad = await run(['insights', '--from', 'yesterday']);
    expect(bad.code).toBe(2);
  }, 60_000);
});
