import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TAR_END, tarHeader, tarPadding } from '../../store/tar.js';
import { hasSharedData, repoRoot, sharedData } from '../helpers/shared-data.js';
import { cli } from '../helpers/run-bin.js';

// Runs the built binary: `npm run build` first (npm test does).
const BIN = join(repoRoot, 'bin/office-watch.js');
const WEEKS = ['2021-28', '2026-29'] as const;
const LONG = 300_000;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A user's bad input: a non-zero exit, and exactly one line on stderr, a sentence, no stack trace. */
function expectOneLineError(result: Result, ...mentions: string[]): void {
  expect(result.code, result.stderr).not.toBe(0);
  const lines = result.stderr.split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^office-watch: /);
  expect(lines[0]).not.toMatch(/unexpected error|LOCK|\bat .*:\d+:\d+|Error:/);
  for (const mention of mentions) expect(lines[0]).toContain(mention);
}

const tarOf = (files: { name: string; data: Buffer }[]): Buffer =>
  Buffer.concat([
    ...files.flatMap((f) => [tarHeader(f.name, f.data.length, 0), f.data, tarPadding(f.data.length)]),
    TAR_END,
  ]);

/**
 * The rows of a published CSV kept by `keep`, in the published layout: only the slot columns some kept row has free.
 */
function subsetCsv(text: string, keep: (date: string) => boolean): string {
  const [header, ...rows] = text.split('\r\n').filter((line) => line !== '');
  const columns = header!.split(',');
  const kept = rows.map((row) => row.split(',')).filter((cells) => keep(cells[0]!));
  const used = columns.map((_, i) => i < 3 || kept.some((cells) => cells[i] === '1'));
  return [columns, ...kept].map((cells) => `${cells.filter((_, i) => used[i]).join(',')}\r\n`).join('');
}

describe.runIf(hasSharedData('raw/2021-28.tar.gz', 'raw/2026-29.tar.gz'))(
  'office-watch import / export of the published weeks',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-watch-import-export-'));
    const db = join(dir, 'db');
    const originals = join(dir, 'originals');
    const raw = (week: string): string => sharedData(`raw/${week}.tar.gz`)!;
    let imported: Result;
    const duringImport: Result[] = [];
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(async () => {
      for (const week of WEEKS) {
        mkdirSync(join(originals, week), { recursive: true });
        execFileSync('tar', ['xzf', raw(week), '-C', join(originals, week)]);
      }
      // One import of both weeks for the whole file; a second process asks for stats meanwhile.
      const child = spawn(process.execPath, [BIN, 'import', raw('2021-28'), raw('2026-29'), '--db', db], {
        env: { ...process.env, NO_COLOR: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
      let running = true;
      void exited.then(() => (running = false));
      // Asked once the import has made its database (before, stats would rightly say there is none), then again
      // until an answer shows the import's first batch: asks before and after data is there, at any machine speed.
      await vi.waitFor(
        () => {
          if (running && !existsSync(join(db, 'CURRENT'))) throw new Error('the import made no database in 60 s');
        },
        { timeout: 60_000, interval: 20 },
      );
      const showsData = (result: Result) => result.code === 0 && /^source\s+snapshots/.test(result.stdout);
      while (running && duringImport.length < 5 && !duringImport.some(showsData))
        duringImport.push(await cli('stats', '--db', db));
      imported = { code: await exited, stdout, stderr };
    }, LONG);

    it('imports both weeks in one run', () => {
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(
        new RegExp(
          /^imported 2 file\(s\): 38 sources, 25506 snapshots \(143997 rows\), /.source +
            /\d+ appointments, \d+ cancellations inferred in [\d.]+ s\n$/.source,
        ),
      );
    });

    it('a second process meanwhile either works or says in one sentence that the database is busy', () => {
      expect(duringImport.length).toBeGreaterThan(0);
      for (const result of duringImport) {
        // stats reads through the import (store/db-host.ts): before its first batch lands, there is nothing yet
        if (result.code === 0)
          expect(result.stdout).toMatch(/^(source\s+snapshots|the database holds no snapshots yet\.\n$)/);
        else expectOneLineError(result, db, 'busy');
      }
    });

    it(
      'export --csv --out DIR writes all 38 CSVs byte for byte as published',
      async () => {
        const out = join(dir, 'csv');
        const result = await cli('export', '--csv', '--out', out, '--db', db);
        expect(result).toEqual({ code: 0, stdout: '', stderr: `wrote 38 weekly CSV file(s) to ${out}\n` });
        for (const week of WEEKS) {
          const names = readdirSync(join(originals, week)).sort();
          expect(readdirSync(join(out, week)).sort()).toEqual(names);
          for (const name of names) {
            const same = readFileSync(join(out, week, name)).equals(readFileSync(join(originals, week, name)));
            expect(same, `${week}/${name}`).toBe(true);
          }
        }
        expect(readdirSync(out).sort()).toEqual([...WEEKS]);
      },
      LONG,
    );

    it(
      'importing the same weeks again stores nothing new',
      async () => {
        const before = await cli('stats', '--json', '--db', db);
        const again = await cli('import', raw('2021-28'), raw('2026-29'), '--db', db);
        expect(again.code).toBe(0);
        expect(again.stdout).toContain(
          ': 38 sources, 0 snapshots (0 rows), 0 appointments, 0 cancellations inferred;' +
            ' 25506 snapshots were already stored in',
        );
        expect(await cli('stats', '--json', '--db', db)).toEqual(before);
      },
      LONG,
    );

    it(
      'export --tar writes weekly .tar.gz bundles whose CSVs are the published ones (after the re-import, too)',
      async () => {
        const out = join(dir, 'tar');
        const result = await cli('export', '--csv', '--tar', '--out', out, '--db', db);
        expect(result.code).toBe(0);
        expect(readdirSync(out).sort()).toEqual(['2021-28.tar.gz', '2026-29.tar.gz']);
        for (const week of WEEKS) {
          const unpacked = join(dir, 'unpacked', week);
          mkdirSync(unpacked, { recursive: true });
          execFileSync('tar', ['xzf', join(out, `${week}.tar.gz`), '-C', unpacked]);
          const names = readdirSync(join(originals, week)).sort();
          expect(readdirSync(unpacked).sort()).toEqual(names);
          for (const name of names)
            expect(
              readFileSync(join(unpacked, name)).equals(readFileSync(join(originals, week, name))),
              `${week}/${name}`,
            ).toBe(true);
        }
      },
      LONG,
    );

    it(
      'export --csv --source bonn --from/--to one day prints that day of the matching sources to stdout',
      async () => {
        const result = await cli(
          'export',
          '--csv',
          '--source',
          'bonn',
          '--from',
          '2021-07-12',
          '--to',
          '2021-07-12',
          '--db',
          db,
        );
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        // plain text matches a part of the id: bonn and bonnbau, in id order
        const expected = ['bonn', 'bonnbau']
          .map((source) =>
            subsetCsv(readFileSync(join(originals, '2021-28', `${source}.csv`), 'utf8'), (date) =>
              date.startsWith('2021-07-12 '),
            ),
          )
          .join('');
        expect(result.stdout.length).toBe(expected.length);
        expect(result.stdout === expected).toBe(true);
      },
      LONG,
    );

    it('export of a range with no snapshots, or a pattern that matches nothing, says so', async () => {
      expectOneLineError(await cli('export', '--from', '2030-01-01', '--db', db), 'no snapshots');
      expectOneLineError(await cli('export', '--source', 'atlantis', '--db', db), 'atlantis');
    });
  },
);

describe.runIf(hasSharedData('raw/2026-29.tar.gz'))('office-watch import / export: bad input changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-bad-input-'));
  const db = join(dir, 'db');
  const week29 = (): string => sharedData('raw/2026-29.tar.gz')!;
  let fingerprint: { csv: Result; stats: Result };
  const snapshotOfStore = async () => ({
    csv: await cli('export', '--csv', '--db', db),
    stats: await cli('stats', '--json', '--db', db),
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bad = (name: string, data: Buffer | string): string => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };
  const header = 'date,source_id,location_id,2021-07-13 09:00:00,2021-07-13 09:15:00\r\n';

  beforeAll(async () => {
    // the store holds one small hand-made week; the bad inputs bring other data that must not land
    const town = bad('town.csv', `${header}2021-07-12 10:00:03,town,a,1,1\r\n2021-07-12 10:15:03,town,a,,1\r\n`);
    const setup = await cli('import', town, '--db', db);
    expect(setup.code, setup.stderr).toBe(0);
    fingerprint = await snapshotOfStore();
    expect(fingerprint.csv.code).toBe(0);
    expect(fingerprint.stats.stdout).toContain('"sourceId": "town"');
  }, LONG);

  const expectUnchanged = async (): Promise<void> => {
    expect(await snapshotOfStore()).toEqual(fingerprint);
  };

  it('a truncated .tar.gz (after a good week in the same run)', async () => {
    const whole = readFileSync(week29());
    const path = bad('2026-30.tar.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expectOneLineError(await cli('import', week29(), path, '--db', db), path);
    await expectUnchanged();
  });

  it('a corrupt gzip', async () => {
    const data = Buffer.from(readFileSync(week29()));
    for (let i = 2000; i < 2400; i++) data[i] = data[i]! ^ 0x5a;
    const path = bad('2026-31.tar.gz', data);
    expectOneLineError(await cli('import', week29(), path, '--db', db), path);
    const notGzip = bad('2026-32.tar.gz', 'this is not gzip at all\n');
    expectOneLineError(await cli('import', notGzip, '--db', db), notGzip, 'gzip');
    await expectUnchanged();
  });

  it('a CSV with a malformed row: file and line number', async () => {
    const path = bad(
      'bad-row.csv',
      `${header}2021-07-19 10:00:03,other,a,1,1\r\n` +
        '2021-07-19 10:15:03,other,a,,1\r\n2021-07-19 10:30:03,other,a,x,1\r\n',
    );
    expectOneLineError(await cli('import', week29(), path, '--db', db), `${path} line 4`);
    await expectUnchanged();
  });

  it('a malformed row inside a .tar.gz: file, entry and line number', async () => {
    const good = Buffer.from(`${header}2021-07-19 10:00:03,other,a,1,1\r\n`);
    const broken = Buffer.from(`${header}2021-07-19 10:00:03,more,a,1,1\r\n2021-07-19 10:00:03,more,b,1\r\n`);
    const path = bad(
      '2021-29.tar.gz',
      gzipSync(
        tarOf([
          { name: 'other.csv', data: good },
          { name: 'more.csv', data: broken },
        ]),
      ),
    );
    expectOneLineError(await cli('import', path, '--db', db), path, 'more.csv', 'line 3');
    await expectUnchanged();
  });

  it('a missing file, and a bad file, leave a new database path uncreated', async () => {
    const missing = join(dir, 'nowhere', '2021-30.tar.gz');
    expectOneLineError(await cli('import', week29(), missing, '--db', db), missing);
    await expectUnchanged();
    const fresh = join(dir, 'fresh-db');
    expectOneLineError(await cli('import', missing, '--db', fresh), missing);
    expect(existsSync(fresh)).toBe(false);
  });

  it('an empty tar (a week with no data)', async () => {
    const path = bad('2021-33.tar.gz', gzipSync(TAR_END));
    expectOneLineError(await cli('import', week29(), path, '--db', db), path);
    const headerOnly = bad('2021-34.tar.gz', gzipSync(tarOf([{ name: 'town.csv', data: Buffer.from(header) }])));
    expectOneLineError(await cli('import', headerOnly, '--db', db), headerOnly);
    await expectUnchanged();
  });

  it('a database path that is a plain file', async () => {
    const file = bad('plain-file', 'not a database');
    expectOneLineError(await cli('import', week29(), '--db', file), file);
    expectOneLineError(await cli('export', '--db', file), file);
    expectOneLineError(await cli('stats', '--db', file), file);
    expect(readFileSync(file, 'utf8')).toBe('not a database');
  });

  it('a bad flag', async () => {
    const result = await cli('import', week29(), '--bogus', '--db', db);
    expectOneLineError(result, '--bogus');
    expect(result.code).toBe(2);
    expectOneLineError(await cli('export', '--bogus', '--db', db), '--bogus');
    await expectUnchanged();
  });

  it('a bad date', async () => {
    for (const args of [
      ['--from', '2021-13-45'],
      ['--to', 'tomorrow'],
      ['--from', '2021-02-30'],
      ['--from', '2021-07-20', '--to', '2021-07-12'],
    ]) {
      const result = await cli('export', ...args, '--db', db);
      expectOneLineError(result, args[0]!);
      expect(result.code).toBe(2);
    }
    await expectUnchanged();
  });

  it('a folder to import with no weekly files in it', async () => {
    const folder = join(dir, 'empty-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'readme.txt'), 'no weeks here');
    expectOneLineError(await cli('import', folder, '--db', db), folder);
    await expectUnchanged();
  });
});
