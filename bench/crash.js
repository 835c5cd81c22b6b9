// Crash safety: kill -9 at random moments during `import` of a published week (2021-28) and during `--demo`
// scraping (`snapshot --demo` rounds: the scheduler and store of the live app), `check` after every kill, and a
// re-import's export compared byte for byte with the published CSVs. Prints figures; exit 1 if a check found
// problems or an export differed. A fixed seed by default, so that runs compare; CRASH_SEED=N tries another (a failure
// prints the seed); CRASH_KILLS=N changes the count (default 20 each).
//   npm run build && node bench/crash.js
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crashDemoRounds, crashImports, runKilled, seededRandom } from './lib/crash-kill.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(process.env.OFFICE_WATCH_DATA ?? join(repo, '../shared/data'));
const RAW = join(DATA, 'raw', '2021-28.tar.gz');
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? 2026_12);
if (!Number.isSafeInteger(SEED)) {
  console.log(`crash: CRASH_SEED must be a whole number, not "${process.env.CRASH_SEED}"`);
  process.exit(1);
}

if (!existsSync(join(repo, 'dist/source/cli.js'))) {
  console.log('crash: build first (npm run build)');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'office-watch-crash-bench-'));
const log = (line) => console.log(`  ${line}`);
const list = (problems) =>
  problems
    .slice(0, 5)
    .map((p) => `\n    ${p.kind}: ${p.message}`)
    .join('');
let failed = false;
console.log(`crash: seed ${SEED} (CRASH_SEED=${SEED} repeats it), ${KILLS} kills each`);
try {
  if (!existsSync(RAW)) console.log(`crash: import part skipped, ${RAW} is not here (set OFFICE_WATCH_DATA)`);
  else {
    // A whole import, timed; half the kills land anywhere in such a run, half within 0.4 s after a batch landed
    // (an import writes in bursts: a batch per 20,000 operations of a source, then every source's rest at the end).
    const whole = await runKilled(['import', RAW, '--db', join(dir, 'whole')], 2 ** 31 - 1, {
      afterWrites: join(dir, 'whole'),
    });
    if (whole.code !== 0) throw new Error('the whole import failed');
    rmSync(join(dir, 'whole'), { recursive: true, force: true });
    console.log(
      `crash: a whole import of 2021-28 takes ${(whole.ms / 1000).toFixed(1)} s` +
        `, its first batch lands after ${(whole.armedAt / 1000).toFixed(1)} s`,
    );
    const r = await crashImports({
      tar: RAW,
      kills: KILLS,
      random: seededRandom(SEED),
      dir: join(dir, 'import'),
      fresh: false,
      spanMs: 400,
      wholeMs: whole.ms,
      log,
    });
    console.log(
      `crash: import 2021-28: ${r.kills} kills in ${r.runs} runs, ${r.problems.length} problems found` +
        `, export byte-identical: ${r.identical ? 'yes' : 'NO'} (${r.compared} compared)` +
        `, ${r.seconds.toFixed(0)} s${list(r.problems)}`,
    );
    failed ||= r.problems.length > 0 || !r.identical;
  }
  const d = await crashDemoRounds({
    kills: KILLS,
    random: seededRandom(SEED + 1),
    dir: join(dir, 'demo'),
    minMs: 0,
    maxMs: 2500,
    log,
  });
  console.log(
    `crash: --demo scraping: ${d.kills} kills in ${d.runs} runs, ${d.problems.length} problems found` +
      `, ${d.snapshots} snapshots in the killed dbs, ${d.seconds.toFixed(0)} s${list(d.problems)}`,
  );
  failed ||= d.problems.length > 0;
} catch (error) {
  failed = true;
  console.log(`crash: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) console.log(`crash: FAILED with seed ${SEED} (CRASH_SEED=${SEED} node bench/crash.js repeats it)`);
process.exitCode = failed ? 1 : 0;
