// Kill -9 office-watch at random moments, then check the database and compare a re-import's export with the
// published week. Shared by test/reliability/crash.test.ts (few kills) and bench/crash.js (many).
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/office-watch.js');

/** mulberry32: a small seeded generator, so that a failing run can be repeated with its seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Run the binary to its end. */
export async function cli(...args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 28,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

/** The newest LevelDB write-ahead log of a db folder: [name, bytes], or undefined. */
function newestLog(path) {
  try {
    const name = readdirSync(path)
      .filter((f) => f.endsWith('.log') && f !== 'LOG')
      .sort()
      .at(-1);
    return name === undefined ? undefined : [name, statSync(join(path, name)).size];
  } catch {
    return undefined;
  }
}

/**
 * Run the binary in a process group of its own and SIGKILL the group `delayMs` after it started, or after its
 * first line of output (afterOutput), or once the db folder `afterWrites` got a batch of its writes (its own
 * write-ahead log, which LevelDB begins at every open, holds more than a few keys); killed: it was still running,
 * armedAt: when the delay began (ms after the start).
 */
export function runKilled(args, delayMs, { afterOutput = false, afterWrites } = {}) {
  return new Promise((done) => {
    const started = Date.now();
    const before = afterWrites ? newestLog(afterWrites)?.[0] : undefined;
    const child = spawn(process.execPath, [BIN, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let exited = false;
    let timer;
    let armedAt;
    const arm = () => {
      armedAt ??= Date.now() - started;
      timer ??= setTimeout(() => {
        if (!exited) process.kill(-child.pid, 'SIGKILL');
      }, delayMs);
    };
    const landed = () => {
      const log = newestLog(afterWrites);
      return log !== undefined && log[0] !== before && log[1] > 4096; // the format key of a new db is far less
    };
    const poll = afterWrites ? setInterval(() => landed() && (clearInterval(poll), arm()), 5) : undefined;
    if (afterOutput) child.stdout.once('data', arm);
    else if (!afterWrites) arm();
    child.stdout.resume();
    child.on('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      clearInterval(poll);
      done({ killed: signal === 'SIGKILL', code, ms: Date.now() - started, armedAt });
    });
  });
}

/** `check --json` of a database: its problems (an empty list when sound) and its snapshot count. */
export async function check(db) {
  const { code, stdout, stderr } = await cli('check', '--json', '--db', db);
  // Killed before it created the database: nothing to check.
  if (code === 1 && stdout === '' && /there is no office-watch database/.test(stderr))
    return { problems: [], snapshots: 0 };
  if (stdout === '') throw new Error(`check failed (exit ${code}): ${stderr}`);
  const report = JSON.parse(stdout);
  return { problems: report.problems, snapshots: report.snapshots };
}

/** Export the db's weeks and compare each with the CSVs inside the published .tar.gz, byte for byte. */
export async function exportMatches(db, tar, dir) {
  const [published, exported] = [join(dir, 'published'), join(dir, 'exported')];
  for (const d of [published, exported]) rmSync(d, { recursive: true, force: true });
  mkdirSync(published, { recursive: true });
  await promisify(execFile)('tar', ['xzf', tar, '-C', published]);
  const exportRun = await cli('export', '--csv', '--out', exported, '--db', db);
  if (exportRun.code !== 0) return false;
  const week = join(exported, basename(tar).replace(/\.tar\.gz$/, ''));
  const files = readdirSync(published).sort();
  let same;
  try {
    same =
      readdirSync(week).sort().join() === files.join() &&
      files.every((f) => readFileSync(join(published, f)).equals(readFileSync(join(week, f))));
  } catch {
    same = false;
  }
  for (const d of [published, exported]) rmSync(d, { recursive: true, force: true });
  return same;
}

/**
 * Kill imports of `tar` at a random delay in [0, spanMs] after a batch landed (or, with wholeMs, half of them
 * at a random delay in [0, wholeMs] after the start), checking the db after each.
 * fresh: every kill on a new db, then a re-import and an export compare each time. Otherwise the kills go on
 * one db, each run resuming the one killed before, until a run ends whole: its export is compared and a new
 * db begun; at the end a re-import completes the last one and its export is compared.
 */
export async function crashImports({ tar, kills, random, dir, fresh, spanMs, wholeMs, log = () => {} }) {
  const started = Date.now();
  const result = { kills: 0, runs: 0, compared: 0, problems: [], identical: true };
  let db;
  const next = () => (db = join(dir, `db-${result.runs}`));
  const compare = async (reimport) => {
    const imported = !reimport || (await cli('import', tar, '--db', db)).code === 0;
    if (!imported || !(await exportMatches(db, tar, dir))) result.identical = false;
    result.compared++;
  };
  next();
  while (result.kills < kills) {
    // Half the kills at any moment of a run, half just after a batch landed (writes come in bursts).
    const anywhere = wholeMs !== undefined && random() < 0.5;
    const delay = Math.round((anywhere ? wholeMs : spanMs) * random());
    const run = await runKilled(['import', tar, '--db', db], delay, anywhere ? {} : { afterWrites: db });
    result.runs++;
    if (!run.killed) {
      // It ended first: no kill. A resumed import that ended whole is compared as it stands.
      if (!fresh && run.code === 0) await compare(false);
      next();
      continue;
    }
    result.kills++;
    const { problems, snapshots } = await check(db);
    result.problems.push(...problems);
    log(
      `kill ${result.kills} ${delay} ms after ${anywhere ? 'the start' : 'a batch landed'}` +
        `: ${snapshots} snapshots stored, ${problems.length} problems`,
    );
    if (fresh) {
      await compare(true);
      next();
    }
  }
  if (!fresh) await compare(true);
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

/**
 * Kill `snapshot --demo` rounds (scraping simulated offices, a snapshot stored as each source answers) at a
 * random delay in [minMs, maxMs] after the first source's line (its snapshot stored), checking the db after each.
 * `args`: more flags for snapshot (e.g. -i to scrape fewer sources). Each round gets a new db: the demo clock
 * restarts with every process, so a round on an old db would mostly find its snapshots already stored.
 */
export async function crashDemoRounds({ kills, random, dir, minMs, maxMs, args = [], log = () => {} }) {
  const started = Date.now();
  const result = { kills: 0, runs: 0, problems: [], snapshots: 0 };
  while (result.kills < kills) {
    const db = join(dir, `demo-db-${result.runs}`);
    const delay = Math.round(minMs + (maxMs - minMs) * random());
    const run = await runKilled(['snapshot', '--demo', ...args, '--db', db], delay, { afterOutput: true });
    result.runs++;
    if (!run.killed) continue;
    result.kills++;
    const { problems, snapshots } = await check(db);
    result.problems.push(...problems);
    result.snapshots += snapshots;
    log(
      `kill ${result.kills} ${delay} ms after the first source's line` +
        `: ${snapshots} snapshots stored, ${problems.length} problems`,
    );
  }
  return { ...result, seconds: (Date.now() - started) / 1000 };
}
