import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared-data.js';
import { PtySession } from './pty-session.js';

// The built binary (npm run build first) in a real 60×15 pseudo-terminal against the demo world, as the issue tried it.
const bin = join(repoRoot, 'bin/office-watch.js');
const dir = mkdtempSync(join(tmpdir(), 'ow-pty-small-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: undefined } as unknown as NodeJS.ProcessEnv;
/** The right pane of a screen line (after the cities pane's border). */
const right = (line: string) => line.slice(line.indexOf('│') + 2);

describe('office-watch --demo at 60×15', () => {
  test('first-round progress, a header that fits, health titled, no stray text, help scrolls, 4 a view', async () => {
    const options = { cwd: repoRoot, cols: 60, rows: 15, env: ENV };
    const session = new PtySession([bin, '--demo', '--db', join(dir, 'db')], options);
    try {
      const progress = /first round: \d+\/\d+ sources…/;
      await session.waitFor(() => progress.test(session.raw), 40_000, 'the first round’s progress');
      const grid = await session.waitFor((s) => / · live\s*$/m.test(s), 40_000, 'the first grid');
      expect(session.raw).not.toContain('waiting for the first scra');
      expect(grid.split('\n')[0]!.trimEnd()).not.toMatch(/…$/);

      session.write('3');
      const ran = (s: string) => /Scrapers · \d+ /.test(s) && /✓O\S+\s+\d\d:\d\d/.test(s);
      const health = await session.waitFor(ran, 20_000, 'the health view');
      const lines = health.split('\n');
      expect(right(lines[1]!)).toMatch(/^Scrapers · \d+ · /);
      expect(right(lines[2]!)).toMatch(/^ {3}SOURCE\s+LAST\s+NEXT\s+24H/);
      const rows = lines.map(right).filter((line) => /^[ ▸][✓✗~·][OFS·]/.test(line));
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.every((line) => /\d+%|–\s*$/.test(line))).toBe(true);
      expect(lines.some((line) => /^\s*\d+%\s*$/.test(right(line)))).toBe(false);

      session.write('?');
      const help = await session.waitFor((s) => /↓ \d+ more lines/.test(s), 5000, 'help with a more marker');
      expect(help).toContain('Keys  (Esc or ? closes this help) · 1-');
      expect(help).not.toMatch(/…\s*$/m);
      session.write('G');
      const end = (s: string) => s.includes('— end of help') && s.includes('scraper ok / failing / stale');
      await session.waitFor(end, 5000, 'G to the end of help');
      session.write('g');
      await session.waitFor((s) => /↓ \d+ more lines/.test(s), 5000, 'g back to the top');
      session.write('\u001b');
      await session.waitFor((s) => s.includes('Cities'), 5000, 'Esc to close help');
      session.write('4');
      const insights = (s: string) => s.split('\n').some((line) => right(line).startsWith('Insights'));
      await session.waitFor(insights, 20_000, '4 to open insights');

      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    } finally {
      session.kill();
    }
  }, 120_000);
});
