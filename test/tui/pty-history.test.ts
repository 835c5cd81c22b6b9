import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasSharedData, repoRoot, sharedData } from '../helpers/shared-data.js';
import { PtySession } from './pty-session.js';

// The built binary in a real pseudo-terminal over the published week 2021-28: Bonn's grid as the CSV has it.
const bin = join(repoRoot, 'bin/office-watch.js');
const dir = mkdtempSync(join(tmpdir(), 'ow-pty-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = '2021-07-12';
const AT = `${DAY} 08:00:00`;
/** Bonn's columns as the app orders them: by source, then location id. */
const COLUMNS = [
  ['bonn', 'fuhrerscheinwesen', 'Führerschein'],
  ['bonn', 'kfz-zulassungswesen', 'Kfz-Zulassung'],
  ['bonn', 'meldewesen', 'Meldewesen'],
  ['bonnbau', 'bauordnungsamt', 'Bauordnungsamt'],
] as const;

/** Per column, the HH:MM of DAY free in the CSV row in force at AT, read straight from the published files. */
function expectedFree(csvDir: string): Set<string>[] {
  return COLUMNS.map(([source, location]) => {
    const [header, ...rows] = readFileSync(join(csvDir, `${source}.csv`), 'utf8')
      .split('\r\n')
      .filter((line) => line !== '');
    const slots = header!.split(',').slice(3);
    const inForce = rows
      .map((row) => row.split(','))
      .filter((cells) => cells[2] === location && cells[0]! <= AT)
      .at(-1)!;
    return new Set(
      slots.filter((slot, i) => inForce[i + 3] === '1' && slot.startsWith(DAY)).map((slot) => slot.slice(11, 16)),
    );
  });
}

/** The title of the slots view (right of the cities pane, second line). */
const titleOf = (screen: string) => screen.split('\n')[1]?.split('│')[1]?.trim() ?? '';
/** With --no-scrape the newest snapshot is history too: "history 672/672 23:48". */
const NEWEST = /· history (\d+)\/\1 \d\d-\d\d \d\d:\d\d$|· history (\d+)\/\2 \d\d:\d\d$/;
const db = join(dir, 'db');

describe.runIf(hasSharedData('raw/2021-28.tar.gz'))('office-watch --no-scrape over week 2021-28 in a terminal', () => {
  beforeAll(() => {
    const sources = ['bonn', 'bonnbau', 'dresden'];
    execFileSync('tar', ['xzf', sharedData('raw/2021-28.tar.gz')!, '-C', dir, ...sources.map((id) => `${id}.csv`)]);
    execFileSync(process.execPath, [bin, 'import', ...sources.map((id) => join(dir, `${id}.csv`)), '--db', db]);
  }, 60_000);

  test("t goes to 2021-07-12 08:00: Bonn's slot grid for that day matches the published CSV", async () => {
    const expected = expectedFree(dir);

    const session = new PtySession([bin, '--no-scrape', '--db', db], {
      cwd: repoRoot,
      cols: 110,
      rows: 60,
      env: { TERM: 'xterm-256color', NO_COLOR: '1' },
    });
    try {
      // Nothing is scraped: the newest snapshot is history, not "live" (issue 15).
      const first = await session.waitFor((s) => NEWEST.test(titleOf(s)), 30_000, 'the first grid');
      expect(first).not.toContain('live');
      session.write('t');
      await session.waitFor((s) => s.includes('Go to (HH:MM or YYYY-MM-DD [HH:MM])'), 5000, 'the go-to prompt');
      session.write('2021-07-12 08:00\r');
      const screen = await session.waitFor(
        (s) => s.includes('Bonn · Mon 07-12') && / history \d+\/\d+ 07:\d\d/.test(s) && /│ \d\d:\d\d/.test(s),
        10_000,
        "Bonn's grid of 2021-07-12",
      );

      const lines = screen.split('\n').map((line) => line.slice(line.indexOf('│') + 1));
      const header = lines.find((line) => line.includes('Meldewesen'))!;
      const starts = COLUMNS.map(([, , name]) => header.indexOf(name.slice(0, 10)));
      expect(
        starts.every((start, i) => start > 0 && (i === 0 || start > starts[i - 1]!)),
        header,
      ).toBe(true);
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
      expect(visible.filter((time) => allFree.has(time))).toEqual(
        [...allFree].sort().slice(0, visible.filter((time) => allFree.has(time)).length),
      );
      if (total === undefined) expect([...allFree].every((time) => visible.includes(time))).toBe(true);
      expected.forEach((free, i) =>
        expect([...shown[i]!].sort(), COLUMNS[i]!.join('/')).toEqual(
          [...free].filter((time) => visible.includes(time)).sort(),
        ),
      );
      expect(screen).toContain(`X ${expected.reduce((sum, set) => sum + set.size, 0)} free`);

      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    } finally {
      session.kill();
    }
  }, 90_000);

  test('Bonn 07-12 08:48 (issue 15): slots closed before the first free one are passed; time travel', async () => {
    const passedOrBooked = goneAt('bonn', 'fuhrerscheinwesen', '2021-07-12 08:48:30');
    expect(passedOrBooked.passed).toEqual(['09:35', '09:40', '09:45']);
    // The legend counts the day of every column (Bauordnungsamt's 10:40 closed before its first free 11:00).
    const day = COLUMNS.map(([source, location]) => goneAt(source, location, '2021-07-12 08:48:30'));
    const legend = [
      `- ${day.reduce((n, gone) => n + gone.booked.length, 0)} booked`,
      `· ${day.reduce((n, gone) => n + gone.passed.length, 0)} passed`,
    ];

    const env = { TERM: 'xterm-256color', NO_COLOR: '1' };
    const session = new PtySession([bin, '--no-scrape', '--db', db], { cwd: repoRoot, cols: 110, rows: 60, env });
    const title = (pattern: RegExp, what: string) => session.waitFor((s) => pattern.test(titleOf(s)), 10_000, what);
    try {
      await session.waitFor((s) => NEWEST.test(titleOf(s)), 30_000, 'the first grid');
      session.write('t2021-07-12 08:50\r');
      // The title and the legend: Ink draws the screen in steps, the legend can come after the title.
      const bonnAt0848 = /^Bonn · Mon 07-12 .* history \d+\/\d+ 08:48$/;
      const screen = await session.waitFor(
        (s) => bonnAt0848.test(titleOf(s)) && legend.every((count) => s.includes(count)),
        10_000,
        `Bonn at 08:48 with its legend: ${legend.join(', ')}`,
      );
      const lines = screen.split('\n').map((line) => line.slice(line.indexOf('│') + 1));
      const row = (time: string) => lines.find((line) => line.startsWith(` ${time}`)) ?? '';
      for (const time of passedOrBooked.passed) expect(row(time).slice(6).trim(), time).toBe('·');
      // The rows that fit the screen (the legend counts the whole day).
      const bookedShown = passedOrBooked.booked.filter((time) => row(time) !== '');
      expect(bookedShown).toContain('10:15');
      for (const time of bookedShown) expect(row(time).slice(6).trim(), time).toBe('-');
      expect(row('09:50').slice(6).trim()).toBe('X');

      // ] steps the city's time line: bonn and bonnbau are scraped seconds apart, one moment each round.
      const minutes = [titleOf(screen).slice(-5)];
      for (let i = 0; i < 4; i++) {
        session.write(']');
        const next = await session.waitFor((s) => titleOf(s).slice(-5) !== minutes.at(-1), 10_000, `step ${i + 1}`);
        minutes.push(titleOf(next).slice(-5));
      }
      expect(new Set(minutes).size).toBe(minutes.length);
      expect(minutes).toEqual([...minutes].sort());

      // Another city at the same moment: Dresden's snapshot in force then; back to Bonn, the same moment again.
      session.write('j');
      const dresden = await session.waitFor((s) => titleOf(s).startsWith('Dresden'), 10_000, 'Dresden');
      const shown = titleOf(await title(/^Dresden .* history \d+\/\d+ /, "Dresden's history"));
      const dresdenAt = /history \d+\/\d+ (?:07-12 )?(\d\d:\d\d)$/.exec(shown)?.[1];
      expect(dresden).not.toContain('live');
      expect(dresdenAt! <= minutes.at(-1)!).toBe(true);
      session.write('k');
      await title(new RegExp(`^Bonn .*${minutes.at(-1)}$`), 'Bonn at the same moment');

      // t HH:MM on the day shown; a day before the history is said, and the view stays.
      session.write('t06:00\r');
      await title(/^Bonn · Mon 07-12 .* history \d+\/\d+ 05:\d\d$/, 'Bonn at 06:00');
      session.write('t2021-01-01\r');
      const message = 'no snapshot of Bonn by 2021-01-01 00:00: its history starts 2021-07-12 00:0';
      const refused = await session.waitFor((s) => s.includes(message), 10_000, 'the message');
      expect(titleOf(refused)).toMatch(/ history \d+\/\d+ 05:\d\d$/);

      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    } finally {
      session.kill();
    }
  }, 90_000);
});

/**
 * A location's slots of the day gone by the snapshot in force at `at`, from the published CSV: those that started
 * within 5 minutes of it or before the first slot still free that day ran out (passed); the others were booked (no
 * whole day vanished then).
 */
function goneAt(source: string, location: string, at: string): { passed: string[]; booked: string[] } {
  const lines = readFileSync(join(dir, `${source}.csv`), 'utf8').split('\r\n');
  const [header, ...rows] = lines.filter((line) => line !== '');
  const slots = header!.split(',').slice(3);
  const own = rows.map((row) => row.split(',')).filter((cells) => cells[2] === location);
  const index = own.filter((cells) => cells[0]! <= at).length - 1;
  const free = (cells: string[]) => slots.filter((slot, i) => cells[i + 3] === '1' && slot.startsWith(at.slice(0, 10)));
  const now = free(own[index]!);
  const gone = free(own[index - 1]!).filter((slot) => !now.includes(slot));
  const cutoff = `${at.slice(0, 14)}${String(Number(at.slice(14, 16)) + 5).padStart(2, '0')}:00`;
  const passed = gone.filter((slot) => slot < cutoff || slot < now[0]!);
  const booked = gone.filter((s) => !passed.includes(s));
  return { passed: passed.map((s) => s.slice(11, 16)), booked: booked.map((s) => s.slice(11, 16)) };
}
