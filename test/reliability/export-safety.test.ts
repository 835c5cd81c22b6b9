import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { splitFields } from '../../store/weekly-csv.js';
import { readTarGz } from '../helpers/import-corruptions.js';
import { runBin } from '../helpers/run-bin.js';

// Ids a hostile or broken site could hand the scrapers: paths, controls, over-long names, spreadsheet formulas.
const PATH_IDS = [
  '../../x',
  '../../../../../../../tmp/escaped',
  '/etc/passwd',
  '..',
  '.',
  '.hidden',
  'a/b',
  'a_b',
  'C:\\x',
  'C:x',
  'nul\u0000id',
  'ü'.repeat(300),
  'x'.repeat(400),
  'tab\tid',
];
const FORMULA_IDS = [
  '=HYPERLINK("http://evil.invalid","x")',
  '@SUM(1+1)',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd',
  "'=already quoted",
];
const LOCATIONS = ['=1+1', '@x', '-/3068', '255/-', '-5', '+49', 'plain'];
/** A cell a spreadsheet would run: =, @, tab or CR first, or +/- before more than a number or a tempus id. */
const RUNNABLE = /^(?:[=@\t\r]|[+-](?![\d./-]*$))/;

/** The files under `dir`, databases left out (LevelDB renames its own files on every open). */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name.startsWith('db') ? [] : e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

/** Every cell of every line of a CSV text (one or more files one after another). */
const cellsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .flatMap((line) => splitFields(line));

describe('exports of hostile ids', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-export-safety-'));
  const db = join(dir, 'db');
  const sources = [...PATH_IDS, ...FORMULA_IDS];

  beforeAll(async () => {
    const store = await openStore(db);
    try {
      for (const sourceId of sources) {
        for (const [takenAt, slots] of [
          ['2026-07-13 10:00:00', ['2026-07-14 09:00:00', '2026-07-14 09:15:00']],
          ['2026-07-13 10:15:00', ['2026-07-14 09:15:00']],
        ] as const) {
          await store.recordSnapshot({
            sourceId,
            takenAt,
            locations: LOCATIONS.map((locationId) => ({ locationId, name: locationId, slots: [...slots] })),
          });
        }
      }
    } finally {
      await store.close();
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('export --out writes one file per source, all inside the folder', async () => {
    const out = join(dir, 'deep/er/out');
    mkdirSync(out, { recursive: true });
    const outside = walk(dir).filter((f) => !f.startsWith(out + sep));
    const result = await runBin(['export', '--out', out, '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect(walk(dir).filter((f) => !f.startsWith(out + sep))).toEqual(outside);
    const files = walk(out).map((f) => relative(out, f));
    expect(files).toHaveLength(sources.length);
    for (const file of files) expect(file).toMatch(/^2026-29\/[^/\\]+\.csv$/);
    for (const file of files) expect(Buffer.byteLength(file.split('/')[1]!)).toBeLessThanOrEqual(255);
    // "a/b" and "a_b" each have a file of their own.
    const ids = files
      .map((f) => readFileSync(join(out, f), 'utf8').split('\r\n')[1]!)
      .map((line) => splitFields(line)[1]);
    expect(new Set(ids).size).toBe(files.length);
  });

  it('export --out --tar writes bundles whose entries are plain distinct names', async () => {
    const out = join(dir, 'tar-out');
    const outside = walk(dir).filter((f) => !f.startsWith(out + sep));
    const result = await runBin(['export', '--out', out, '--tar', '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect(walk(dir).filter((f) => !f.startsWith(out + sep))).toEqual(outside);
    expect(readdirSync(out)).toEqual(['2026-29.tar.gz']);
    const names = readTarGz(readFileSync(join(out, '2026-29.tar.gz'))).map((e) => e.name);
    expect(new Set(names).size).toBe(sources.length);
    for (const name of names) expect(name).toMatch(/^[^./\\][^/\\\u0000]*\.csv$/);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(99); // the ustar name field
  });

  it('no CSV writer lets a formula through, and an export imports back to the same ids', async () => {
    const csv = await runBin(['export', '--csv', '--db', db]);
    const insights = await runBin(['insights', '--csv', '--db', db]);
    const metricsDir = join(dir, 'metrics');
    const metrics = await runBin(['metrics', '--week', '2026-29', '--out', metricsDir, '--db', db]);
    for (const result of [csv, insights, metrics]) expect(result.code, result.stderr).toBe(0);
    const texts = [
      csv.stdout.toString('utf8'),
      insights.stdout.toString('utf8'),
      ...readdirSync(metricsDir).map((f) => readFileSync(join(metricsDir, f), 'utf8')),
    ];
    for (const text of texts) expect(cellsOf(text).filter((cell) => RUNNABLE.test(cell))).toEqual([]);
    const cells = cellsOf(csv.stdout.toString('utf8'));
    expect(cells).toContain('\'=HYPERLINK("http://evil.invalid","x")');
    expect(cells).toContain("''=already quoted");
    expect(cells).toContain('-/3068'); // a tempus id as the scraper writes it: no formula, kept as is
    expect(cells).toContain('-5');
    // Imported again, the neutralised cells give back their ids: the second export equals the first.
    const tarOut = join(dir, 'round-trip');
    expect((await runBin(['export', '--out', tarOut, '--tar', '--db', db])).code).toBe(0);
    const again = join(dir, 'db-again');
    const imported = await runBin(['import', join(tarOut, '2026-29.tar.gz'), '--db', again]);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await runBin(['export', '--csv', '--db', again])).stdout.toString('utf8')).toBe(
      csv.stdout.toString('utf8'),
    );
  });

  it('a published-style CSV keeps its bytes', async () => {
    const text =
      'date,source_id,location_id,2026-07-14 09:00:00\r\n' +
      '2026-07-13 10:00:00,ansbach,-/3068,1\r\n2026-07-13 10:00:00,ansbach,255/3068,1\r\n';
    const file = join(dir, 'ansbach.csv');
    writeFileSync(file, text);
    const own = join(dir, 'db-plain');
    expect((await runBin(['import', file, '--db', own])).code).toBe(0);
    expect((await runBin(['export', '--csv', '--db', own])).stdout.toString('utf8')).toBe(text);
  });
});
