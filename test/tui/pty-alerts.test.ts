import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Alert } from '../../store/alerts.js';
import { untrueAlerts } from '../helpers/demo-truth.js';
import { cli } from '../helpers/run-bin.js';
import { PtySession } from './pty-session.js';

// The built binary (npm run build first) in a real pseudo-terminal, twice on one demo db: a restarted --demo.
const root = process.cwd();
const bin = join(root, 'bin/office-watch.js');
const ENV = { TERM: 'xterm-256color', FORCE_COLOR: undefined, NO_COLOR: '1' } as unknown as NodeJS.ProcessEnv;
let dir: string;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/source/tui/run-app.js'))) throw new Error('dist/ is missing: npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'ow-pty-alerts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bonn's snapshots in the db (asked beside the running app, which serves reads). */
async function bonnSnapshots(db: string): Promise<number> {
  const { stdout } = await cli('stats', '--json', '--db', db);
  const sources = JSON.parse(stdout) as { sourceId: string; snapshots: number }[];
  return sources.find((s) => s.sourceId === 'bonn')?.snapshots ?? 0;
}

/** Run the app until it has taken `rounds` more snapshots of Bonn, then quit with q. */
async function session(db: string, rounds: number): Promise<void> {
  const before = await bonnSnapshots(db);
  const app = new PtySession([bin, '--demo', '--quiet', '-i', 'bonn', '--db', db], { cwd: root, env: ENV });
  try {
    await app.waitFor((s) => / · live\s*$/m.test(s), 60_000, 'the first grid');
    const deadline = Date.now() + 120_000;
    while ((await bonnSnapshots(db)) < before + rounds) {
      if (Date.now() > deadline) throw new Error('the app took no snapshot of Bonn');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    // No wait for the alerts: q waits for the detections the stored snapshots started (watch-session: settle).
    app.write('q');
    expect((await app.exited).exitCode).toBe(0);
  } finally {
    app.kill();
  }
}

describe('a watch across a restarted --demo', () => {
  test('a restarted app goes on in the same world: each alert after the restart is a true cancellation', async () => {
    const db = join(dir, 'demo-db');
    expect((await cli('watch', 'add', '--city', 'Bonn', '--within', '14', '--demo', '--db', db)).code).toBe(0);
    await session(db, 1);
    const baseline = JSON.parse((await cli('alerts', '--json', '--db', db)).stdout) as Alert[];
    expect(baseline.length).toBeGreaterThan(0);
    expect(baseline.every((a) => a.kind === 'free now')).toBe(true);

    await session(db, 2);
    const after = (JSON.parse((await cli('alerts', '--json', '--db', db)).stdout) as Alert[]).slice(baseline.length);
    expect(after.every((a) => a.kind !== 'free now')).toBe(true);
    expect(await untrueAlerts(db, after)).toEqual([]);
  }, 400_000);
});
