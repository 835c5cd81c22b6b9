import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { cli } from '../helpers/run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-snapshot-'));
let server: Server;
let origin = '';

beforeAll(async () => {
  // A site that answers every request with a server error.
  server = createServer((_request, response) =>
    response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Fehler</h1>'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('office-watch snapshot', () => {
  it('--demo: scrapes the simulated offices once, stores them, prints a line per source', async () => {
    const db = join(dir, 'demo-db');
    const { code, stdout, stderr } = await cli('snapshot', '--demo', '--db', db);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ sources: \d+ ok, \d+ failed · \d+ locations · \d+ free slots · [\d.]+ s$/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => /^(ok {2}|FAIL) {2}\S+/.test(line))).toBe(true);
    expect(lines.filter((line) => line.startsWith('ok')).length).toBeGreaterThan(0);
    // München on ZMS: its Bürgerbüros read, its Ausländerbehörde (behind a captcha) named as not read.
    const muenchen = lines.find((line) => /^ok\s+muenchen\s/.test(line));
    expect(muenchen).toMatch(/\s6 locations\s+\d+ free\s/);
    const notice = '(captcha: 1 office needs a captcha and is not read (Ausländerbehörde 10187259); 3 of 4 read)';
    expect(muenchen?.endsWith(notice)).toBe(true);
    const store = await openStore(db, { readOnly: true });
    try {
      const ok = lines.filter((line) => line.startsWith('ok')).map((line) => line.split(/\s+/)[1]);
      expect(await store.listSources()).toEqual(expect.arrayContaining(ok));
      expect(await store.runs()).toHaveLength(lines.length - 1);
    } finally {
      await store.close();
    }
  });

  it('--demo --json: an array of per-source summaries', async () => {
    const { code, stdout } = await cli('snapshot', '--demo', '--json', '-w', '2', '--db', join(dir, 'demo-json'));
    expect(code).toBe(0);
    type Summary = { sourceId: string; ok: boolean; durationMs: number; locations?: number; freeSlots?: number };
    const summaries = JSON.parse(stdout) as Summary[];
    expect(summaries.length).toBeGreaterThan(0);
    const muenchen = summaries.find((s) => s.sourceId === 'muenchen');
    expect(muenchen).toMatchObject({ system: 'zms', ok: true, locations: 6, notice: { kind: 'captcha' } });
    for (const s of summaries) {
      expect(typeof s.sourceId).toBe('string');
      expect(typeof s.durationMs).toBe('number');
      if (s.ok) expect(s.locations).toBeGreaterThanOrEqual(0);
    }
  });

  it('a failing site is a row of the summary, and the exit code is 0', async () => {
    const sites = join(dir, 'failing.json');
    writeFileSync(
      sites,
      JSON.stringify([
        { id: 'refused', system: 'tevis', name: 'Stadt Nirgendwo', url: 'http://127.0.0.1:1/tevis' },
        { id: 'broken', system: 'etermin', name: 'Stadt Kaputt', url: `${origin}/etermin/kaputt` },
        { id: 'other', system: 'custom', name: 'Stadt Anders', url: 'https://example.org' },
      ]),
    );
    const { code, stdout } = await cli('snapshot', '--sites', sites, '--json', '--db', join(dir, 'failing-db'));
    expect(code).toBe(0);
    const byId = Object.fromEntries((JSON.parse(stdout) as { sourceId: string }[]).map((s) => [s.sourceId, s]));
    expect(byId.refused).toMatchObject({ ok: false, error: { kind: 'down' } });
    expect(byId.broken).toMatchObject({ ok: false, error: { kind: 'http-status' } });
    expect(byId.other).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it.each([
    [['-w', '0'], 2, /--weeks needs a whole number from 1 to 26/],
    [['--parallel', 'many'], 2, /--parallel needs a whole number/],
    [['-i', 'atlantis'], 1, /no source matches "atlantis"/],
    [['-i', 'bonn', '-e', 'bo*'], 1, /no source is left to scrape/],
    [['--system', 'nope'], 2, /--system must be one of/],
    [['--sites', '/nonexistent/sites.json'], 1, /sites file \/nonexistent\/sites\.json does not exist/],
    [['--demo', '--sites', 'x.json'], 2, /--demo .* no --sites/],
  ])('%j → exit %i with one sentence, nothing written', async (args, exit, message) => {
    const db = join(dir, `bad-${exit}-${args.join('')}`.replace(/[^\w-]/g, '_'));
    const { code, stdout, stderr } = await cli('snapshot', ...args, '--db', db);
    expect(code).toBe(exit);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(db)).toBe(false);
  });
});
