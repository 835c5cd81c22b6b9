import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, type BinResult } from '../helpers/run-bin.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

// Runs the built binary over a db of two real weeks: `npm run build` first (npm test does).
const WEEKS = ['2021-28', '2026-05'] as const;
const LONG = 600_000;

type Row = Record<string, unknown> & { week: string };
const wall = (value: unknown): string => (value as Date).toISOString().slice(0, 19).replace('T', ' ');

/** Every row of DIR/TABLE/week=…/part-0.parquet, with its partition's week. */
async function readTable(dir: string, table: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const partition of readdirSync(join(dir, table)).sort()) {
    const file = await asyncBufferFromFile(join(dir, table, partition, 'part-0.parquet'));
    const week = partition.replace(/^week=/, '');
    for (const row of await parquetReadObjects({ file })) rows.push({ ...row, week });
  }
  return rows;
}

/** Free cells per snapshot time of a source in published-layout CSVs (one after the other). */
function freePerSnapshot(csv: string, source: string): Map<string, number> {
  const free = new Map<string, number>();
  for (const line of csv.split('\r\n')) {
    const cells = line.split(',');
    if (cells[1] !== source) continue;
    const ones = cells.slice(3).filter((cell) => cell === '1').length;
    free.set(cells[0]!, (free.get(cells[0]!) ?? 0) + ones);
  }
  return free;
}

const countBy = <T>(items: T[], keyOf: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
};

describe.runIf(hasSharedData(...WEEKS.map((w) => `raw/${w}.tar.gz`)))(
  'office-watch export --parquet over two real weeks',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-watch-parquet-'));
    const db = join(dir, 'db');
    const out = join(dir, 'out');
    const bin = (...args: string[]): Promise<BinResult> => runBin([...args, '--db', db], LONG);
    let exported: BinResult;
    let stats: { sourceId: string; snapshots: number; appointments: number; cancellations: number }[];
    let slots: Row[];
    let events: Row[];
    let snapshots: Row[];
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(async () => {
      const imported = await bin('import', ...WEEKS.map((w) => sharedData(`raw/${w}.tar.gz`)!));
      expect(imported.code, imported.stderr).toBe(0);
      exported = await bin('export', '--parquet', out);
      stats = JSON.parse((await bin('stats', '--json')).stdout.toString());
      slots = await readTable(out, 'slots');
      events = await readTable(out, 'events');
      snapshots = await readTable(out, 'snapshots');
    }, LONG);

    it('writes one part-0.parquet per table and week, hive-style, and says what it wrote', () => {
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).toMatch(
        /^wrote 2 week\(s\) of Parquet tables to .* \(\d+ slot runs, \d+ events, \d+ snapshots\) in [\d.]+ s\n$/,
      );
      for (const table of ['slots', 'events', 'snapshots']) {
        expect(readdirSync(join(out, table)).sort()).toEqual(WEEKS.map((w) => `week=${w}`));
        for (const week of WEEKS) expect(readdirSync(join(out, table, `week=${week}`))).toEqual(['part-0.parquet']);
      }
    });

    it('has every stored snapshot once, in the week of its partition, as stats counts them', () => {
      const perSource = countBy(snapshots, (row) => String(row.source));
      expect(Object.fromEntries(perSource)).toEqual(Object.fromEntries(stats.map((s) => [s.sourceId, s.snapshots])));
      for (const row of snapshots) expect(row.status).toBe('ok');
      const weekOf = (time: string) => (time < '2022' ? '2021-28' : '2026-05');
      for (const row of snapshots.slice(0, 1000)) expect(row.week).toBe(weekOf(wall(row.taken_at)));
    });

    it(
      'has the published bookings and cancellations of stats, and the improved ones of insights',
      async () => {
        const published = events.filter((row) => row.rules === 'published');
        const bookings = countBy(
          published.filter((row) => row.kind === 'booking'),
          (row) => String(row.source),
        );
        const cancellations = countBy(
          published.filter((row) => row.kind === 'cancellation'),
          (row) => String(row.source),
        );
        for (const source of stats) {
          expect(bookings.get(source.sourceId) ?? 0, source.sourceId).toBe(source.appointments);
          expect(cancellations.get(source.sourceId) ?? 0, source.sourceId).toBe(source.cancellations);
        }
        const insights = JSON.parse((await bin('insights', '--json')).stdout.toString()) as {
          cities: { sources: { sourceId: string; bookings: number; cancellations: number }[] }[];
        };
        const improved = events.filter((row) => row.rules === 'improved');
        const improvedBookings = countBy(
          improved.filter((row) => row.kind === 'booking'),
          (row) => String(row.source),
        );
        const improvedCancellations = countBy(
          improved.filter((row) => row.kind === 'cancellation'),
          (row) => String(row.source),
        );
        for (const source of insights.cities.flatMap((city) => city.sources)) {
          expect(improvedBookings.get(source.sourceId) ?? 0, source.sourceId).toBe(source.bookings);
          expect(improvedCancellations.get(source.sourceId) ?? 0, source.sourceId).toBe(source.cancellations);
        }
        for (const row of events.slice(0, 1000)) {
          const hours =
            (Date.parse(`${wall(row.slot).slice(0, 13)}:00:00Z`) -
              Date.parse(`${wall(row.seen_at).slice(0, 13)}:00:00Z`)) /
            3_600_000;
          expect(row.horizon_hours).toBe(hours);
        }
      },
      LONG,
    );

    it.each([
      ['bonn', '2021-28'],
      ['beckum', '2026-05'],
    ])(
      'has the free slots of every %s snapshot as export --csv has them (week %s)',
      async (source, week) => {
        const csv = (await bin('export', '--csv', '--source', `${source}`)).stdout.toString();
        const expected = freePerSnapshot(csv, source);
        expect(expected.size).toBeGreaterThan(600);
        const mine = snapshots.filter((row) => row.source === source);
        expect(new Map(mine.map((row) => [wall(row.taken_at), row.free_slots]))).toEqual(expected);
        // The slot runs cover each snapshot with exactly its free slots.
        const times = [...expected.keys()].sort();
        const index = new Map(times.map((time, i) => [time, i]));
        const cover = new Array<number>(times.length + 1).fill(0);
        const runs = slots.filter((row) => row.source === source);
        for (const run of runs) {
          expect(run.week).toBe(week);
          cover[index.get(wall(run.free_from))!]! += 1;
          cover[index.get(wall(run.free_to))! + 1]! -= 1;
        }
        let open = 0;
        const covered = times.map((time, i) => [time, (open += cover[i]!)] as const);
        expect(new Map(covered)).toEqual(expected);
        expect(runs.reduce((sum, run) => sum + Number(run.snapshots), 0)).toBe(
          [...expected.values()].reduce((a, b) => a + b, 0),
        );
      },
      LONG,
    );

    it(
      'keeps to --source, --from and --to, and replaces only the weeks it writes',
      async () => {
        const other = join(out, 'events', 'week=2026-05', 'part-0.parquet');
        const before = readFileSync(other);
        const mtime = statSync(other).mtimeMs;
        const result = await bin(
          'export',
          '--parquet',
          out,
          '--source',
          'bonn',
          '--from',
          '2021-07-13',
          '--to',
          '2021-07-14 12:00',
        );
        expect(result.code, result.stderr).toBe(0);
        const rows = await readTable(out, 'snapshots');
        const bonnWeek = rows.filter((row) => row.week === '2021-28');
        const matching = new Set(stats.map((s) => s.sourceId).filter((id) => id.includes('bonn')));
        expect(matching.size).toBeGreaterThan(1);
        expect(new Set(bonnWeek.map((row) => row.source))).toEqual(matching);
        const times = bonnWeek.map((row) => wall(row.taken_at));
        expect(times.every((time) => time >= '2021-07-13 00:00:00' && time <= '2021-07-14 12:00:00')).toBe(true);
        const csv = (
          await bin('export', '--csv', '--source', 'bonn', '--from', '2021-07-13', '--to', '2021-07-14 12:00')
        ).stdout.toString();
        const csvTimes = [...matching].flatMap((id) => [...freePerSnapshot(csv, id).keys()]);
        expect(times.sort()).toEqual(csvTimes.sort());
        // The untouched week is as it was.
        expect(readFileSync(other).equals(before)).toBe(true);
        expect(statSync(other).mtimeMs).toBe(mtime);
        expect(rows.filter((row) => row.week === '2026-05')).toHaveLength(
          snapshots.filter((row) => row.week === '2026-05').length,
        );
        const bonnEvents = (await readTable(out, 'events')).filter((row) => row.week === '2021-28');
        expect(bonnEvents.length).toBeGreaterThan(0);
        expect(
          bonnEvents.every(
            (row) =>
              matching.has(String(row.source)) &&
              wall(row.seen_at) >= '2021-07-13' &&
              wall(row.seen_at) <= '2021-07-14 12:00:00',
          ),
        ).toBe(true);
        // Replayed from the start of the week: the same events as the full export had for that stretch.
        const fromFull = events.filter(
          (row) =>
            matching.has(String(row.source)) &&
            wall(row.seen_at) >= '2021-07-13' &&
            wall(row.seen_at) <= '2021-07-14 12:00:00',
        );
        expect(bonnEvents).toHaveLength(fromFull.length);
      },
      LONG,
    );

    it(
      'opens in DuckDB: DIR/events/**/*.parquet with the week as a hive partition',
      async () => {
        const instance = await DuckDBInstance.create(':memory:');
        const connection = await instance.connect();
        const reader = await connection.runAndReadAll(
          `SELECT week, rules, kind, count(*)::INTEGER AS n FROM '${join(out, 'events')}/**/*.parquet'` +
            ` GROUP BY ALL ORDER BY ALL`,
        );
        const counted = reader.getRowObjectsJson();
        const mine = await readTable(out, 'events');
        const expected = [...countBy(mine, (row) => `${row.week}|${row.rules}|${row.kind}`)].sort(([a], [b]) =>
          a < b ? -1 : 1,
        );
        expect(counted.map((row) => [`${row.week}|${row.rules}|${row.kind}`, row.n])).toEqual(expected);
        const types = (
          await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${join(out, 'slots')}/**/*.parquet'`)
        ).getRowObjectsJson();
        expect(types.map((row) => `${row.column_name} ${row.column_type}`)).toContain('free_from TIMESTAMP');
        connection.closeSync();
      },
      LONG,
    );

    it(
      'refuses a DIR that is a file, or a place that takes no folders, in one sentence',
      async () => {
        const file = join(dir, 'a-file');
        writeFileSync(file, 'x');
        for (const [target, mention] of [
          [file, 'it is a file, not a folder'],
          ['/proc/office-watch-parquet', 'takes no new folders'],
        ] as const) {
          const result = await bin('export', '--parquet', target);
          expect(result.code).not.toBe(0);
          expect(result.stderr).toMatch(
            new RegExp(`^office-watch: cannot use ${target} as the Parquet folder: .*${mention}.*\\.\\n$`),
          );
        }
        expect(readFileSync(file, 'utf8')).toBe('x');
        expect((await bin('export', '--parquet', join(dir, 'none'), '--source', 'no-such-source')).stderr).toBe(
          'office-watch: no source in the database matches "no-such-source".\n',
        );
        expect(existsSync(join(dir, 'none'))).toBe(false);
      },
      LONG,
    );
  },
);
