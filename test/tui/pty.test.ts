import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PtySession } from './pty-session.js';

// Runs the built binary (npm run build first) in a real pseudo-terminal, 80×24, against the demo world.
const root = process.cwd();
const bin = join(root, 'bin/office-watch.js');
let dir: string;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/source/tui/run-app.js')))
    throw new Error('dist/ is missing: run npm run build before this test');
  dir = mkdtempSync(join(tmpdir(), 'ow-pty-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const selectedCity = (screen: string) => /^▸ (.+?)\s+(?:✓O|✗F|~S|··)/m.exec(screen)?.[1];
const dayIndex = (screen: string) => /\((\d+)\/\d+\) · snapshot/.exec(screen)?.[1];
const ENV = {
  TERM: 'xterm-256color',
  FORCE_COLOR: undefined,
  NO_COLOR: undefined,
  OFFICE_WATCH_DEBUG: '1',
} as unknown as NodeJS.ProcessEnv;

describe('office-watch --demo in a terminal', () => {
  test('the grid shows, keys move, help lists keys, failure and bookings show, q restores the terminal', async () => {
    const session = new PtySession([bin, '--demo', '--db', join(dir, 'demo-db')], { cwd: root, env: ENV });
    try {
      const first = await session.waitFor(
        (s) => / · live\s*$/m.test(s) && /│ \d\d:\d\d\s/.test(s),
        40_000,
        'the first grid',
      );
      expect(session.bufferType).toBe('alternate');
      // In colour by default, CI=true or not: the header inverse in a colour of the palette, the selection inverse.
      expect(session.cell(2, 0)).toMatchObject({ inverse: true, fg: expect.any(Number) });
      const selected = session.lines().findIndex((line) => line.startsWith('▸ '));
      expect(session.cell(2, selected).inverse).toBe(true);
      expect(first.split('\n')[0]).toContain('office-watch · demo · 15 sources');
      expect(first).toMatch(/Cities\s+free│/);

      const city = selectedCity(first);
      session.write('j');
      await session.waitFor((s) => selectedCity(s) !== city, 5000, 'j to select the next city');

      const day = dayIndex(session.screen());
      session.write('\u001b[C');
      await session.waitFor((s) => dayIndex(s) !== day && dayIndex(s) !== undefined, 5000, '→ to change the day');

      session.write('?');
      const help = await session.waitFor((s) => s.includes('Keys  (Esc or ? closes this help)'), 5000, 'help');
      expect(help).toContain('rescrape the selected city now');
      session.write('?');
      await session.waitFor((s) => s.includes('Cities'), 5000, 'help to close');

      session.write('3');
      await session.waitFor((s) => /✗F\s*darmstadt/.test(s), 60_000, 'a failing scraper in the health view');
      session.write('2');
      const counted = (s: string) => /▲ bookings [1-9]/.test(s) && /▼ cancellations \d/.test(s);
      const timeline = await session.waitFor(counted, 60_000, 'bookings in the timeline');
      // Bookings red, cancellations green (the palette for a background nobody named: 196 and 28), in the legend
      // and in the bars above the zero line.
      const lines = timeline.split('\n');
      const legend = lines.findIndex((line) => line.includes('▲ bookings'));
      expect(session.cell(lines[legend]!.indexOf('▲ bookings') + 2, legend).fg).toBe(196);
      expect(session.cell(lines[legend]!.indexOf('▼ cancellations') + 2, legend).fg).toBe(28);
      const zero = lines.findIndex((line) => / 0 ┼─/.test(line));
      const cells = lines.slice(0, zero).flatMap((line, y) => [...line].map((char, x) => ({ char, x, y })));
      const bars = cells.filter(({ char, x }) => /[▁-█]/.test(char) && x > 30).map(({ x, y }) => [x, y]);
      expect(bars.length).toBeGreaterThan(0);
      for (const [x, y] of bars) expect(session.cell(x!, y!).fg).toBe(196);
      session.write('4');
      const insights = await session.waitFor(
        (s) => /Insights · .+ · \d{4}-\d\d-\d\d – /.test(s) && s.includes('Cities by bookings per day'),
        10_000,
        'the insights view',
      );
      expect(insights).toMatch(/bookings \d+\.\d\/day/);

      // München on ZMS: its offices × services as columns (each header naming its office), then its bookings.
      session.write('1');
      session.write('/Mün\r');
      const munich = await session.waitFor((s) => /│ München · .+ · snapshot/.test(s), 10_000, 'München selected');
      const headers = munich.split('\n')[2]!;
      for (const office of ['Pas', 'Orl', 'Rup']) expect(headers).toMatch(new RegExp(`${office}\\S* (Woh|Rei)`));
      session.write('2');
      const munichBookings = (s: string) => /│ München .*last 7 days/.test(s) && /▲ bookings [1-9]/.test(s);
      await session.waitFor(munichBookings, 30_000, 'München bookings');

      session.write('q');
      const { exitCode } = await session.exited;
      expect(exitCode).toBe(0);
      await session.waitFor(() => true);
      expect(session.bufferType).toBe('normal');
      expect(session.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(session.raw.lastIndexOf('\u001b[?25l'));
    } finally {
      session.kill();
    }
  }, 150_000);

  test('NO_COLOR: no colour codes at all; follows a resize; Ctrl-C quits with 0', async () => {
    const session = new PtySession([bin, '--demo', '--db', join(dir, 'demo-db-2')], {
      cwd: root,
      env: { ...ENV, NO_COLOR: '1' },
    });
    try {
      await session.waitFor((s) => / · live\s*$/m.test(s), 40_000, 'the first grid');
      expect(session.raw).not.toMatch(/\u001b\[[0-9;]*m/);
      session.resize(100, 30);
      await session.waitFor(
        (s) => s.split('\n')[28]!.includes('q quit') && /^Cities {10,}free│/m.test(s),
        5000,
        'the app to fill 100×30',
      );
      session.write('\u0003');
      expect((await session.exited).exitCode).toBe(0);
      await session.waitFor(() => true);
      expect(session.bufferType).toBe('normal');
    } finally {
      session.kill();
    }
  }, 90_000);
});

describe("colours for the terminal's background", () => {
  let dbs = 0;
  const header = async (args: string[], env: NodeJS.ProcessEnv) => {
    const db = join(dir, `empty-${++dbs}`);
    const session = new PtySession([bin, '--no-scrape', '--db', db, ...args], { cwd: root, env: { ...ENV, ...env } });
    try {
      await session.waitFor((s) => s.includes('not scraping'), 30_000, 'the header');
      const cell = session.cell(2, 0);
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
      return cell;
    } finally {
      session.kill();
    }
  };

  test('COLORFGBG says light: the light palette; --theme dark overrides it; TERM=xterm: the 16 colours', async () => {
    expect(await header([], { COLORFGBG: '0;15' })).toMatchObject({ inverse: true, fg: 24 });
    const dark = await header(['--theme', 'dark'], { COLORFGBG: '0;15', TERM: 'xterm' });
    expect(dark).toMatchObject({ inverse: true, fg: 6 });
    expect(await header(['--theme', 'light'], { TERM: 'xterm' })).toMatchObject({ inverse: true, fg: 4 });
  }, 90_000);
});

describe('office-watch without a terminal', () => {
  test('one sentence pointing to the one-shot commands, exit code ≠ 0', () => {
    const result = spawnSync(process.execPath, [bin, '--no-scrape', '--db', join(dir, 'no-tty')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      'office-watch: the live app needs a terminal; for scripts use the one-shot commands' +
        ' (snapshot, list, stats, export; office-watch --help lists them).',
    ]);
  });
});
