// The whole history on one machine (issue 13): import of 1, 4 and 52 consecutive weeks in one call, each into a
// fresh db, against the budgets: peak RSS ≤ 250 MB whatever the count, the folder after import ≤ 0.8 × the
// .tar.gz files; then over the 52 weeks `insights --json` ≤ 1 s and `check` at least as fast per MB of db as import.
// Weeks past the four real 2026-05…08 are those weeks shifted forward in time (bench/lib/shifted-weeks.js, written
// once into .bench/). The 52-week db is kept in .bench/db-52 for bench/tui-frame.js --weeks 52.
//   npm run build && node bench/history-import.js [--weeks 1,4,52]
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, DATA, consecutiveWeeks } from './lib/shifted-weeks.js';
import { folderBytes, timed } from './lib/timed.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repo, 'bin/office-watch.js');
const MB = 1e6;
const at = process.argv.indexOf('--weeks');
const counts = (at > 0 ? process.argv[at + 1] : '1,4,52').split(',').map(Number);
const verdict = (ok) => (ok ? 'ok' : 'OVER BUDGET');
const fixed = (n, d = 2) => n.toFixed(d);
const cpu = (run) => (run.cpuSeconds === undefined ? '' : ` (CPU ${fixed(run.cpuSeconds, 1)} s)`);

if (!existsSync(join(DATA, 'raw', '2026-05.tar.gz'))) {
  console.log(`history-import: skipped, ${DATA}/raw/2026-05.tar.gz is not here (set OFFICE_WATCH_DATA)`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'office-watch-history-'));
try {
  console.log(
    `history-import: weeks 2026-05…08 as published, later weeks shifted copies of them` +
      ` (${BENCH_DIR}); node ${process.version}`,
  );
  const all = consecutiveWeeks(Math.max(...counts));
  let last;
  for (const count of counts) {
    const files = all.slice(0, count);
    const db = count === 52 ? join(BENCH_DIR, 'db-52') : join(work, `db-${count}`);
    rmSync(db, { recursive: true, force: true });
    const tarBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const run = await timed(process.execPath, [BIN, 'import', ...files, '--db', db], { rss: true });
    if (run.code !== 0) throw new Error(`import of ${count} weeks failed: ${run.stderr.trim()}`);
    const dbBytes = folderBytes(db);
    const ratio = dbBytes / tarBytes;
    const rss =
      run.peakMb === undefined ? 'not measured' : `${fixed(run.peakMb, 0)} MB (≤ 250: ${verdict(run.peakMb <= 250)})`;
    console.log(
      `  ${String(count).padStart(2)} week(s): import ${fixed(run.seconds, 1)} s${cpu(run)}, peak RSS ${rss}, ` +
        `db ${fixed(dbBytes / MB)} MB = ${fixed(ratio)}` +
        ` × the ${fixed(tarBytes / MB)} MB .tar.gz (≤ 0.8: ${verdict(ratio <= 0.8)})`,
    );
    last = { count, db, seconds: run.seconds, cpuSeconds: run.cpuSeconds, dbBytes };
  }
  if (last) await overHistory(last);
  if (last) await inTurn(last);
} catch (error) {
  console.log(`history-import: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** One more week imported by itself into (a copy of) the longest history: memory of imports one after another. */
async function inTurn({ count, db }) {
  const next = consecutiveWeeks(count + 1).at(-1);
  const copy = join(work, 'in-turn');
  cpSync(db, copy, { recursive: true });
  const run = await timed(process.execPath, [BIN, 'import', next, '--db', copy], { rss: true });
  if (run.code !== 0) throw new Error(`import of week ${count + 1} failed: ${run.stderr.trim()}`);
  const rss =
    run.peakMb === undefined ? 'not measured' : `${fixed(run.peakMb, 0)} MB (≤ 250: ${verdict(run.peakMb <= 250)})`;
  console.log(
    `  week ${count + 1} imported by itself into the ${count}-week db` +
      `: ${fixed(run.seconds, 1)} s${cpu(run)}, peak RSS ${rss}`,
  );
}

/** insights and check over the longest history imported. */
async function overHistory({ count, db, seconds, cpuSeconds, dbBytes }) {
  const insights = await timed(process.execPath, [BIN, 'insights', '--json', '--db', db], { rss: true });
  if (insights.code !== 0) throw new Error(`insights failed: ${insights.stderr.trim()}`);
  console.log(
    `  insights --json over ${count} weeks: ${fixed(insights.seconds)} s${cpu(insights)}` +
      ` (≤ 1 s: ${verdict(insights.seconds <= 1)})`,
  );
  const check = await timed(process.execPath, [BIN, 'check', '--db', db], { rss: true });
  const mb = dbBytes / MB;
  const rate = (s) => `${fixed(mb / s)} MB/s`;
  const both = (importS, checkS) =>
    `check ${rate(checkS)}, import ${rate(importS)}: ${verdict(mb / checkS >= mb / importS)}`;
  console.log(
    `  check over ${count} weeks (${fixed(mb)} MB of db): ${fixed(check.seconds, 1)} s${cpu(check)}` +
      `, exit ${check.code}, ` +
      `${check.stdout.trim().split('\n')[0]}` +
      `${check.peakMb === undefined ? '' : `, peak RSS ${fixed(check.peakMb, 0)} MB`}`,
  );
  console.log(
    `    per MB of db, wall: ${both(seconds, check.seconds)}` +
      `${cpuSeconds && check.cpuSeconds ? `; CPU: ${both(cpuSeconds, check.cpuSeconds)}` : ''}`,
  );
}
