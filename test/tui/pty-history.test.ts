import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hasSharedData, repoRoot, sharedData } from '../helpers/shared-data.js';
import { PtySession } from './pty-session.js';

// The built binary in a real pseudo-terminal over the published week 2021-28: Bonn's grid as the CSV has it.
const bin = join(repoRoot, 'bin/office-watch.js');
const dir = mkdtempSync(join(tmpdir(), 'ow-pty-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = '2021-07-12';
const AT = `${DAY} 08:00:00`;
/** Bonn's columns as the app orders them: by source, then location id. */
const COLUMNS = [['bonn', 'fuhrerscheinwesen', 'Führerschein'], ['bonn', 'kfz-zulassungswesen', 'Kfz-Zulassung'], ['bonn', 'meldewesen', 'Meldewesen'], ['bonnbau', 'bauordnungsamt', 'Bauordnungsamt']] as const;

/** Per column, the HH:MM of DAY free in the CSV row in force at AT, read straight from the published files. */
function expectedFree(csvDir: string): Set<string>[] {
  return COLUMNS.map(([source, location]) => {
    const [header, ...rows] = readFileSync(join(csvDir, `${source}.csv`), 'utf8').split('\r\n').filter((line) => line !== '');
    const slots = header!.split(',').slice(3);
    const inForce = rows.map((row) => row.split(',')).filter((cells) => cells[2] === location && cells[0]! <= AT).at(-1)!;
    return new Set(slots.filter((slot, i) => inForce[i + 3] === '1' && slot.startsWith(DAY)).map((slot) => slot.slice(11, 16)));
  });
}

describe.runIf(hasSharedData('raw/2021-28.tar.gz'))('office-watch --no-scrape over week 2021-28 in a terminal', () => {
  test("t goes to 2021-07-12 08:00: Bonn's slot grid for that day matches the published CSV", async () => {
    execFileSync('tar', ['xzf', sharedData('raw/2021-28.tar.gz')!, '-C', dir, 'bonn.csv', 'bonnbau.csv']);
    const db = join(dir, 'db');
    execFileSync(process.execPath, [bin, 'import', join(dir, 'bonn.csv'), join(dir, 'bonnbau.csv'), '--db', db]);
    const expected = expectedFree(dir);

    const session = new PtySession([bin, '--no-scrape', '--db', db], { cwd: repoRoot, cols: 110, rows: 60, env: { TERM: 'xterm-256color', NO_COLOR: '1' } });
    try {
      await session.waitFor((s) => /snapshot .+ · live/.test(s), 30_000, 'the first grid');
      session.write('t');
      await session.waitFor((s) => s.includes('Go to (YYYY-MM-DD [HH:MM])'), 5000, 'the go-to prompt');
      session.write('2021-07-12 08:00\r');
      const screen = await session.waitFor((s) => s.includes('Bonn · Mon 07-12') && / history \d+\/\d+ 07:\d\d/.test(s) && /│ \d\d:\d\d/.test(s), 10_000, "Bonn's grid of 2021-07-12");

      const lines = screen.split('\n').map((line) => line.slice(line.indexOf('│') + 1));
      const header = lines.find((line) => line.includes('Meldewesen'))!;
      const starts = COLUMNS.map(([, , name]) => header.indexOf(name.slice(0, 10)));
      expect(starts.every((start, i) => start > 0 && (i === 0 || start > starts[i - 1]!)), header).toBe(true);
      const columnAt = (x: number) => starts.filter((start) => start <= x + 8).length - 1;

      const shown = COLUMNS.map(() => new Set<string>());
      const rows = lines.filter((line) => /^ \d\d:\d\d/.test(line));
      for (const line of rows) {
        const time = line.slice(1, 6);
        for (let x = 6; x < line.length; x++) if (line[x] === 'X' || line[x] === '+') shown[columnAt(x)]!.add(time);
      }
      const allFree = new Set(expected.flatMap((set) => [...set]));
      const total = /rows \d+-\d+\/(\d+)/.exec(screen)?.[1];
      const visible = rows.map((line) => line.slice(1, 6));
      // Every free time of the day appears as a row (all of them, when the grid fits; else the first ones in order).
      expect(visible.filter((time) => allFree.has(time))).toEqual([...allFree].sort().slice(0, visible.filter((time) => allFree.has(time)).length));
      if (total === undefined) expect([...allFree].every((time) => visible.includes(time))).toBe(true);
      expected.forEach((free, i) => expect([...shown[i]!].sort(), COLUMNS[i]!.join('/')).toEqual([...free].filter((time) => visible.includes(time)).sort()));
      expect(screen).toContain(`X ${expected.reduce((sum, set) => sum + set.size, 0)} free`);

      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    } finally {
      session.kill();
    }
  }, 90_000);
});
