import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-bin.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-metrics-'));
const db = join(dir, 'db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The binary on this test's db. */
const run = (...args: string[]) => cli(...args, '--db', db);

/** A wide metrics CSV as date → (column name → cell): the published column order carries no meaning. */
function cells(path: string): Map<string, Map<string, string>> {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const names = header!.split(',');
  return new Map(
    rows.map((row) => {
      const values = row.split(',');
      return [values[0]!, new Map(names.slice(1).map((name, i) => [name, values[i + 1] ?? '']))];
    }),
  );
}

describe.runIf(hasSharedData('raw/2021-28.tar.gz', 'metrics/2021-28.tar.gz'))(
  'office-watch metrics --week 2021-28',
  () => {
    const published = join(dir, 'published');
    const written = join(dir, 'written');

    beforeAll(async () => {
      const imported = await run('import', sharedData('raw/2021-28.tar.gz')!);
      expect(imported.code, imported.stderr).toBe(0);
      mkdirSync(published);
      execFileSync('tar', ['xzf', sharedData('metrics/2021-28.tar.gz')!, '-C', published]);
    }, 120_000);

    it('writes all 49 published files, equal cell for cell (empty and 0 cells included)', async () => {
      const result = await run('metrics', '--week', '2021-28', '--out', written);
      expect(result.code, result.stderr).toBe(0);
      const names = readdirSync(published).sort();
      expect(names).toHaveLength(49);
      expect(readdirSync(written).sort()).toEqual(names);
      for (const name of names) {
        const expected = cells(join(published, name));
        const actual = cells(join(written, name));
        expect([...actual.keys()], name).toEqual([...expected.keys()]);
        for (const [date, row] of expected)
          expect(Object.fromEntries(actual.get(date)!), `${name} ${date}`).toEqual(Object.fromEntries(row));
      }
    }, 120_000);

    it('a week with no data or a malformed week says so in one sentence', async () => {
      for (const week of ['2030-01', 'yesterday']) {
        const result = await run('metrics', '--week', week, '--out', join(dir, `none-${week}`));
        expect(result.code, week).not.toBe(0);
        expect(result.stderr, week).toMatch(/^office-watch: [^\n]+\n$/);
      }
    }, 60_000);
  },
);
