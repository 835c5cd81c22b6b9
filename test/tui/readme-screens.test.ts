import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasSharedData, repoRoot, sharedData } from '../helpers/shared-data.js';
import { PtySession } from './pty-session.js';

// The README's text captures of the app at 80×24 are what the built binary draws over the published week 2021-28
// (a few of its cities, --no-scrape, at 2021-07-12 08:00). OFFICE_WATCH_WRITE_README=1 writes them into the README.
const bin = join(repoRoot, 'bin/office-watch.js');
const readmePath = join(repoRoot, 'README.md');
const dir = mkdtempSync(join(tmpdir(), 'ow-readme-screens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SOURCES = ['bonn', 'bonnbau', 'dresden', 'frankfurt', 'kassel', 'magdeburg', 'offenbach'];
const db = join(dir, 'db');

/** The view each capture shows: the key that opens it and a line it must have drawn. */
const VIEWS = [
  { name: 'slots', key: '1', ready: /Bonn · Mon 07-12 .* history \d+\/\d+ 0[78]:\d\d$/m },
  { name: 'timeline', key: '2', ready: /last 7 days/ },
  { name: 'health', key: '3', ready: /Scrapers · \d+/ },
  { name: 'insights', key: '4', ready: /Insights · Bonn(?! · computing)/ },
] as const;

/** The README's block after `<!-- screen: NAME -->`: its lines (a ```text fence around them). */
const BLOCK = (name: string) => new RegExp(`(<!-- screen: ${name} -->\\n\`\`\`text\\n)([\\s\\S]*?)(\\n\`\`\`)`);

const WRITING = process.env.OFFICE_WATCH_WRITE_README === '1';

/** A screen as the README keeps it: no trailing blanks. */
const trimmed = (screen: string) =>
  screen
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

/**
 * The view's screen once drawn (Ink draws in steps): the moment it is the README's, else after 20 s the last one
 * (the comparison then shows the difference). Rewriting the README, there is nothing to wait for but a screen
 * that stands still (unchanged for 400 ms).
 */
async function captured(session: PtySession, ready: RegExp, readme: string | undefined): Promise<string> {
  const drawn = (screen: string) => ready.test(screen);
  if (readme !== undefined) {
    return trimmed(
      await session
        .waitFor((s) => drawn(s) && trimmed(s) === readme, 20_000, String(ready))
        .catch(() => session.screen()),
    );
  }
  let last = await session.waitFor(drawn, 20_000, String(ready));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const now = await session.waitFor(() => true);
    if (now === last) return trimmed(last);
    last = now;
  }
}

describe.runIf(hasSharedData('raw/2021-28.tar.gz'))('the README shows the app as it draws itself at 80×24', () => {
  beforeAll(() => {
    execFileSync('tar', ['xzf', sharedData('raw/2021-28.tar.gz')!, '-C', dir, ...SOURCES.map((id) => `${id}.csv`)]);
    execFileSync(process.execPath, [bin, 'import', ...SOURCES.map((id) => join(dir, `${id}.csv`)), '--db', db]);
  }, 90_000);

  test('slots, timeline, health and insights, each as the README has it', async () => {
    const env = { TERM: 'xterm-256color', NO_COLOR: '1', TZ: 'Europe/Berlin' };
    const session = new PtySession([bin, '--no-scrape', '--db', db], { cwd: repoRoot, cols: 80, rows: 24, env });
    const screens = new Map<string, string>();
    let readme = readFileSync(readmePath, 'utf8');
    try {
      await session.waitFor((s) => / history \d+\/\d+/.test(s), 30_000, 'the first grid');
      session.write('t2021-07-12 08:00\r');
      for (const view of VIEWS) {
        session.write(view.key);
        screens.set(
          view.name,
          await captured(session, view.ready, WRITING ? undefined : BLOCK(view.name).exec(readme)?.[2]),
        );
      }
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    } finally {
      session.kill();
    }

    for (const [name, screen] of screens) {
      expect(screen.split('\n').length, name).toBeGreaterThan(10);
      expect(BLOCK(name).test(readme), `README has no <!-- screen: ${name} --> block`).toBe(true);
      if (WRITING) readme = readme.replace(BLOCK(name), `$1${screen}$3`);
      expect(BLOCK(name).exec(readme)![2], `README's ${name} screen (OFFICE_WATCH_WRITE_README=1 rewrites it)`).toBe(
        screen,
      );
    }
    if (WRITING) writeFileSync(readmePath, readme);
  }, 120_000);
});
