import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, runBin } from '../helpers/run-bin.js';
import { allOfficesListed, startSimulate } from '../helpers/simulate-process.js';
import { PtySession } from './pty-session.js';

// The built app in a real pseudo-terminal over the user's own sites (simulated offices on 127.0.0.1), and a second
// terminal that adds a site and a watch while it runs.
const dir = mkdtempSync(join(tmpdir(), 'ow-pty-own-sites-'));
const db = join(dir, 'db');
const env = { XDG_CONFIG_HOME: join(dir, 'config'), TERM: 'xterm-256color', NO_COLOR: '1' };
const urls = new Map<string, string>();
let simulator: ChildProcess;

beforeAll(async () => {
  const started = await startSimulate([], allOfficesListed);
  simulator = started.child;
  for (const line of started.stdout().trim().split('\n')) {
    const [system, id, url, company] = line.trim().split(/\s+/);
    urls.set(id!, system === 'netappoint' ? `${url}/index.php?${company}` : url!);
  }
}, 30_000);

afterAll(() => {
  simulator?.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

describe('the app while another terminal changes its sites and watches', () => {
  test('sites/watch add in another terminal: the app lists the new city, keeps the watch; a adds a site', async () => {
    const first = await runBin(['sites', 'add', urls.get('kassel')!, '--id', 'own-kassel'], 60_000, { env });
    expect(first.code, first.stderr).toBe(0);
    const app = new PtySession([BIN, '-i', 'own-*', '--db', db], { cwd: dir, env, cols: 100, rows: 30 });
    try {
      await app.waitFor((screen) => screen.includes('Kassel') && screen.includes('q quit'), 60_000, 'the app');
      expect(app.screen()).not.toContain('Bonn');
      const added = await runBin(['sites', 'add', urls.get('bonn')!, '--id', 'own-bonn'], 60_000, { env });
      expect(added.code, added.stderr).toBe(0);
      await app.waitFor((screen) => screen.includes('Bonn'), 30_000, 'Bonn in the cities list');
      const watch = await runBin(['watch', 'add', '--city', 'bonn', '--within', '7', '--db', db], 30_000, { env });
      expect(watch.code, watch.stderr).toBe(0);
      const listed = await runBin(['watch', 'list', '--json', '--db', db], 30_000, { env });
      expect(JSON.parse(listed.stdout.toString())).toEqual([expect.objectContaining({ id: '1', city: 'bonn' })]);
      // The a key: the same as sites add, from inside the app.
      app.write('a');
      await app.waitFor((screen) => screen.includes('Add a site, its booking page URL'), 10_000, 'the a prompt');
      app.write(urls.get('dresden')!);
      app.write('\r');
      await app.waitFor(
        (screen) => /added \S+ \(etermin, [^)]*Dresden\): \d+ offices, \d+ free/.test(screen),
        60_000,
        'the added site',
      );
      const own = JSON.parse((await runBin(['sites', 'list', '--json'], 30_000, { env })).stdout.toString()) as {
        system: string;
        own?: boolean;
      }[];
      expect(
        own
          .filter((site) => site.own)
          .map((site) => site.system)
          .sort(),
      ).toEqual(['etermin', 'netappoint', 'tevis']);
      app.write('q');
      expect((await app.exited).exitCode).toBe(0);
    } finally {
      app.kill();
    }
  }, 180_000);
});
