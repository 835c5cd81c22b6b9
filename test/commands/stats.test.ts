import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';
import { cli } from '../helpers/run-bin.js';

interface Expected {
  sourceId: string;
  snapshots: number;
  locations: number;
  changedRows: number;
  appointments: number;
  cancellations: number;
  first: string;
  last: string;
}

/** What stats must say about one published week's CSV, worked out independently, straight from metrics.md. */
function expectedStats(csv: string): Expected {
  const lines = csv.split('\r\n').filter((line) => line !== '');
  const columns = lines[0]!.split(',').slice(3); // 'YYYY-MM-DD HH:MM:SS' sorts as time
  const dates = new Set<string>();
  const previousRow = new Map<string, string>();
  const state = new Map<string, { free: Set<string>; taken: Set<string>; quarter?: number }>();
  const result = {
    sourceId: '',
    snapshots: 0,
    locations: 0,
    changedRows: 0,
    appointments: 0,
    cancellations: 0,
    first: '',
    last: '',
  };
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const [date, sourceId, location] = cells as [string, string, string];
    result.sourceId = sourceId;
    dates.add(date);
    const body = cells.slice(3).join(',');
    if (previousRow.get(location) !== body) result.changedRows++;
    previousRow.set(location, body);
    const quarter = Math.floor(Date.parse(`${date.replace(' ', 'T')}Z`) / 900_000);
    const s = state.get(location) ?? { free: new Set<string>(), taken: new Set<string>() };
    const counting = s.quarter !== undefined && quarter - s.quarter <= 1;
    columns.forEach((slot, i) => {
      if (cells[i + 3] === '1') {
        s.free.add(slot);
        if (s.taken.delete(slot) && counting) result.cancellations++;
      } else if (s.free.has(slot)) {
        const sorted = [...s.free].sort();
        const edge = sorted.length > 1 && (slot === sorted[0] || slot === sorted[sorted.length - 1]);
        if (counting && !edge) result.appointments++;
        s.free.delete(slot);
        s.taken.add(slot);
      }
    });
    s.quarter = quarter;
    state.set(location, s);
  }
  const sortedDates = [...dates].sort();
  return {
    ...result,
    snapshots: dates.size,
    locations: state.size,
    first: sortedDates[0]!,
    last: sortedDates[sortedDates.length - 1]!,
  };
}

describe.runIf(hasSharedData('raw/2026-29.tar.gz'))('office-watch stats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-stats-'));
  const db = join(dir, 'db');
  let expected: Expected[];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const week = sharedData('raw/2026-29.tar.gz')!;
    expected = ['wuppertalgeo', 'wuppertalgw'].map((source) =>
      expectedStats(execFileSync('tar', ['xzOf', week, `${source}.csv`], { maxBuffer: 1 << 26 }).toString()),
    );
    const imported = await cli('import', week, '--db', db);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
  });

  it('on a missing database says so in one line; on an empty one says it is empty', async () => {
    const missing = await cli('stats', '--db', join(dir, 'missing-db'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^office-watch: there is no office-watch database at .*missing-db/);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    const emptyPath = join(dir, 'empty-db');
    await (await openStore(emptyPath)).close();
    expect(await cli('stats', '--db', emptyPath)).toEqual({
      code: 0,
      stdout: 'the database holds no snapshots yet.\n',
      stderr: '',
    });
    expect(await cli('stats', '--json', '--db', emptyPath)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('--json gives per-source totals that agree with the published rules', async () => {
    const { code, stdout, stderr } = await cli('stats', '--json', '--db', db);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(expected.map((e) => e.snapshots)).toEqual([661, 661]);
  });

  it('prints a table with one row per source', async () => {
    const { code, stdout } = await cli('stats', '--db', db);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^source\s+snapshots\s+locations\s+changed\s+appointments\s+cancellations\s+first\s+last$/,
    );
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).map((cell) => cell.trim()))).toEqual(
      expected.map((e) =>
        [e.sourceId, e.snapshots, e.locations, e.changedRows, e.appointments, e.cancellations, e.first, e.last].map(
          String,
        ),
      ),
    );
  });

  it('rejects unknown flags in one line', async () => {
    const { code, stderr } = await cli('stats', '--bogus', '--db', db);
    expect(code).toBe(2);
    expect(stderr).toBe('office-watch: unknown flag --bogus; see office-watch --help.\n');
  });
});
