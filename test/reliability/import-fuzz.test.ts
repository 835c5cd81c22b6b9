import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { weeklyCsvs } from '../../store/weekly-export.js';
import { corruptionArbitrary, packTar, readTarGz } from '../helpers/import-corruptions.js';
import { runBin, type BinResult } from '../helpers/run-bin.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

// A few dozen damaged copies of a real week in npm test; bench/import-fuzz.js runs hundreds (IMPORT_FUZZ_RUNS).
const RUNS = Number(process.env.IMPORT_FUZZ_RUNS ?? 20);
const SEED = Number(process.env.IMPORT_FUZZ_SEED ?? 2026_29);
const HANG_MS = 30_000;

/** What is wrong with how the binary ended, or undefined: exit 0/1/2, stderr empty or one "office-watch: …" line. */
function badEnding(result: BinResult): string | undefined {
  if (result.timedOut) return 'hang';
  if (result.code === null || ![0, 1, 2].includes(result.code)) return `exit ${result.code}`;
  if (
    result.code === 0
      ? result.stderr !== ''
      : !/^office-watch: [^\n]+\n$/.test(result.stderr) || /unexpected error/.test(result.stderr)
  )
    return 'stderr';
  return undefined;
}

/** What `export --csv` prints for the whole db (its code run in-process: a node start less per case). */
async function exportCsv(path: string): Promise<Buffer> {
  const store = await openStore(path, { readOnly: true });
  try {
    const parts: Buffer[] = [];
    for await (const csv of weeklyCsvs(store, { sources: await store.listSources() }))
      for (const chunk of csv.chunks()) parts.push(Buffer.from(chunk));
    return Buffer.concat(parts);
  } finally {
    await store.close();
  }
}

describe.runIf(hasSharedData('raw/2026-29.tar.gz'))('importing damaged copies of a real week', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-import-fuzz-'));
  const week = sharedData('raw/2026-29.tar.gz')!;
  const baseDb = join(dir, 'base-db');
  let before: Buffer;

  // The store each case starts from holds the week's first three days, so an import that lands anything changes it.
  beforeAll(async () => {
    const firstDays = readTarGz(readFileSync(week)).map(({ name, data }) => {
      const lines = data.toString('latin1').split('\r\n');
      return {
        name,
        data: Buffer.from(lines.filter((line, i) => i === 0 || line < '2026-07-16').join('\r\n'), 'latin1'),
      };
    });
    writeFileSync(join(dir, 'first-days.tar.gz'), gzipSync(packTar(firstDays)));
    const imported = await runBin(['import', join(dir, 'first-days.tar.gz'), '--db', baseDb]);
    expect(imported.code, imported.stderr).toBe(0);
    before = (await runBin(['export', '--csv', '--db', baseDb])).stdout;
    expect(before.length).toBeGreaterThan(1000);
    expect(await exportCsv(baseDb)).toEqual(before);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    `${RUNS} damaged imports: no crash, no hang, no half-written store`,
    async () => {
      const started = Date.now();
      const cases = fc.sample(corruptionArbitrary(readFileSync(week)), { numRuns: RUNS, seed: SEED });
      const failures: string[] = [];
      const outcomes = new Map<string, { runs: number; rejected: number; failed: number }>();
      for (const [i, corruption] of cases.entries()) {
        const db = join(dir, `db-${i}`);
        const file = join(dir, `case-${i}.tar.gz`);
        cpSync(baseDb, db, { recursive: true });
        writeFileSync(file, corruption.bytes);
        // Every other case imports the intact week first: a failure must undo that file's snapshots too.
        const inputs = i % 2 === 0 ? [file] : [week, file];
        const result = await runBin(['import', ...inputs, '--db', db], HANG_MS);
        let problem = badEnding(result);
        if (!problem && result.code !== 0 && !(await exportCsv(db)).equals(before)) problem = 'store changed';
        const tally = outcomes.get(corruption.kind) ?? { runs: 0, rejected: 0, failed: 0 };
        tally.runs++;
        if (result.code !== 0) tally.rejected++;
        if (problem) {
          tally.failed++;
          failures.push(
            `${problem}: ${corruption.kind} (${corruption.describe}) of ${inputs.length} file(s)` +
              `: exit ${result.code}, ${result.stderr.slice(0, 300)}`,
          );
        }
        outcomes.set(corruption.kind, tally);
        rmSync(db, { recursive: true, force: true });
        rmSync(file, { force: true });
      }
      const lines = [...outcomes]
        .sort()
        .map(([kind, t]) => `  ${kind.padEnd(24)} ${t.runs} runs, ${t.rejected} rejected, ${t.failed} failed`);
      console.log(
        `import fuzz: ${RUNS} runs (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s` +
          `, ${failures.length} failed\n${lines.join('\n')}`,
      );
      expect(failures).toEqual([]);
    },
    Math.max(60_000, RUNS * 10_000),
  );
});
