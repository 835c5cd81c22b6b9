// Import and export of one published week (2021-28: 36 sources, 282 MB of CSV) against its budgets:
//   import ≤ 4 × `tar xzOf | wc -l`, peak RSS ≤ 400 MB, db ≤ the published .tar.gz after a compaction,
//   export ≤ import, `metrics --week` ≤ 1 s. Prints figures; asserts nothing.
//   npm run build && node bench/import-export.js
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Level } from 'level';
import { folderBytes, timed } from './lib/timed.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repo, 'bin/office-watch.js');
const DATA = resolve(process.env.OFFICE_WATCH_DATA ?? join(repo, '../shared/data'));
const WEEK = '2021-28';
const RAW = join(DATA, 'raw', `${WEEK}.tar.gz`);
const MB = 1e6;

if (!existsSync(RAW)) {
  console.log(`import-export: skipped, ${RAW} is not here (set OFFICE_WATCH_DATA)`);
  process.exit(0);
}
if (!existsSync(join(repo, 'dist/source/cli.js'))) {
  console.log('import-export: build first (npm run build)');
  process.exit(1);
}

const verdict = (ok) => (ok ? 'ok' : 'OVER BUDGET');
const fixed = (n, d = 2) => n.toFixed(d);
const work = mkdtempSync(join(tmpdir(), 'office-watch-bench-'));
const db = join(work, 'db');

try {
  console.log(`import-export: week ${WEEK} (${fixed(statSync(RAW).size / MB)} MB .tar.gz), node ${process.version}`);

  const baseline = await timed('bash', ['-c', `tar xzOf '${RAW}' | wc -l`]);
  console.log(`  tar xzOf | wc -l          ${fixed(baseline.seconds)} s  (${baseline.stdout.trim()} lines)`);

  const imported = await timed(process.execPath, [BIN, 'import', RAW, '--db', db], { rss: true });
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr.trim()}`);
  const ratio = imported.seconds / baseline.seconds;
  console.log(
    `  import                    ${fixed(imported.seconds)} s  = ${fixed(ratio, 1)} × tar|wc` +
      ` (budget ≤ 4×: ${verdict(ratio <= 4)})`,
  );
  console.log(`    ${imported.stdout.trim()}`);
  if (imported.peakMb !== undefined)
    console.log(
      `  import peak RSS           ${fixed(imported.peakMb, 0)} MB` +
        ` (budget ≤ 400 MB: ${verdict(imported.peakMb <= 400)})` +
        `${imported.cpuSeconds === undefined ? ' [process.resourceUsage]' : ''}`,
    );
  else console.log('  import peak RSS           not measured');

  const before = folderBytes(db);
  const level = new Level(db, { keyEncoding: 'utf8', valueEncoding: 'view' });
  await level.open();
  await level.compactRange('\u0000', '\uffff');
  await level.close();
  const after = folderBytes(db);
  const published = statSync(RAW).size;
  console.log(
    `  db size                   ${fixed(before / MB)} MB after import, ${fixed(after / MB)} MB compacted` +
      ` = ${fixed((100 * after) / published, 0)} % of the .tar.gz` +
      ` (budget ≤ ${fixed(published / MB)} MB: ${verdict(after <= published)})`,
  );

  const exported = await timed(process.execPath, [BIN, 'export', '--csv', '--out', join(work, 'out'), '--db', db], {
    rss: true,
  });
  if (exported.code !== 0) throw new Error(`export failed: ${exported.stderr.trim()}`);
  console.log(
    `  export --csv --out        ${fixed(exported.seconds)} s ` +
      ` = ${fixed(exported.seconds / imported.seconds)} × import` +
      ` (budget ≤ 1×: ${verdict(exported.seconds <= imported.seconds)})` +
      `${exported.peakMb ? `, peak RSS ${fixed(exported.peakMb, 0)} MB` : ''}`,
  );

  const help = await timed(process.execPath, [BIN, 'metrics', '--help']);
  if (help.code !== 0)
    console.log('  metrics --week            skipped: `office-watch metrics --help` fails (no metrics command yet)');
  else {
    const metrics = await timed(process.execPath, [
      BIN,
      'metrics',
      '--week',
      WEEK,
      '--out',
      join(work, 'metrics'),
      '--db',
      db,
    ]);
    if (metrics.code !== 0)
      console.log(`  metrics --week            failed (${metrics.code}): ${metrics.stderr.trim().split('\n')[0]}`);
    else
      console.log(
        `  metrics --week ${WEEK}    ${fixed(metrics.seconds)} s  (budget ≤ 1 s: ${verdict(metrics.seconds <= 1)})`,
      );
  }
} catch (error) {
  console.log(`import-export: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
