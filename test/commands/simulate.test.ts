import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseSites } from '../../scrapers/registry/registry.js';

// Runs the built CLI: `npm run build` first (npm test does).
const BIN = new URL('../../bin/office-watch.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'office-watch-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out, exit };
}

/** Resolves as soon as `check` holds, 15 s at most; then fails naming what it waited for. */
const until = (check: () => boolean, what: string) =>
  vi.waitFor(
    () => {
      if (!check()) throw new Error(`simulate: waited 15 s for ${what}`);
    },
    { timeout: 15_000, interval: 50 },
  );

describe('office-watch simulate', () => {
  it('serves the demo offices, lists them, writes the sites file, and stops on Ctrl-C', async () => {
    const file = join(dir, 'sites.json');
    const { child, out, exit } = run(['simulate', '--port', '0', '--seed', '3', '--speed', '120', '--sites-out', file]);
    await until(
      () => out.stderr.includes('Ctrl-C stops') && existsSync(file) && out.stdout.includes('tempus'),
      'its note, the sites file and the listing',
    );
    const sites = parseSites(readFileSync(file, 'utf8'), file);
    await until(() => out.stdout.trim().split('\n').length === sites.length, 'a line per site of the file');
    expect(sites.length).toBeGreaterThanOrEqual(12);
    const lines = out.stdout.trim().split('\n');
    for (const [i, site] of sites.entries()) {
      const [system, id, url] = lines[i]!.split(/\s+/);
      expect([system, id, url]).toEqual([site.system, site.id, site.url]);
      expect(new URL(site.url).hostname).toBe('127.0.0.1');
    }
    const tempus = sites.find((s) => s.system === 'tempus')!;
    expect((await fetch(tempus.url)).status).toBe(200);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('refuses bad flags with one sentence and writes nothing', async () => {
    const file = join(dir, 'never.json');
    for (const args of [['--speed', '-3'], ['--port', '70000'], ['--seed', '1.5'], ['extra']]) {
      const { out, exit } = run(['simulate', ...args, '--sites-out', file]);
      expect(await exit, args.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/^office-watch: .+\n$/);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('says so when it cannot write the sites file', async () => {
    const { out, exit } = run(['simulate', '--sites-out', join(dir, 'missing', 'sites.json')]);
    expect(await exit).toBe(1);
    expect(out.stderr).toMatch(/^office-watch: cannot write the sites file .+\n$/);
    expect(out.stdout).toBe('');
  });
});
