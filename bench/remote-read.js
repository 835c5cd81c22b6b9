// Export of one published week (2021-28) straight from the folder, and again while another process
// has the database open (the export then reads through it: store/db-host.ts, store/remote-db.ts).
// Prints both times and the reader's peak RSS; asserts nothing.
//   npm run build && node bench/remote-read.js
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repo, 'bin/office-watch.js');
const RAW = join(resolve(process.env.OFFICE_WATCH_DATA ?? join(repo, '../shared/data')), 'raw/2021-28.tar.gz');

if (!existsSync(RAW)) {
  console.log(`remote-read: skipped, ${RAW} is not here (set OFFICE_WATCH_DATA)`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'office-watch-bench-remote-'));
const db = join(dir, 'db');

/** Run the CLI with stdout to /dev/null; resolve with wall seconds, exit code, stderr and peak RSS (MB). */
function run(...args) {
  const hook = `process.on('exit',()=>process.stderr.write('\\nrss '+process.resourceUsage().maxRSS+'\\n'))`;
  const env = { ...process.env, NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(hook)}` };
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args, '--db', db], {
      env,
      stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => {
      const rss = /\nrss (\d+)\n/.exec(stderr);
      done({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        code,
        stderr: stderr.replace(/\nrss \d+\n/, ''),
        rssMb: rss ? Number(rss[1]) / 1024 : NaN,
      });
    });
  });
}

/** A process holding the store open, as the live app does. */
function owner() {
  const script = `import { openStore } from ${JSON.stringify(join(repo, 'dist/store/index.js'))};
    const store = await openStore(${JSON.stringify(db)});
    process.stdin.on('end', async () => { await store.close(); process.exit(0); }).resume();
    console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((ready) => child.stdout.once('data', () => ready(child)));
}

const show = (label, r) =>
  console.log(
    `${label.padEnd(28)} ${r.seconds.toFixed(2).padStart(6)} s   peak RSS ${r.rssMb.toFixed(0)} MB` +
      `${r.code === 0 ? '' : `   FAILED (${r.code}): ${r.stderr.trim()}`}`,
  );

try {
  const imported = await run('import', RAW);
  if (imported.code !== 0) throw new Error(imported.stderr);
  console.log(`remote-read: 2021-28 imported in ${imported.seconds.toFixed(1)} s`);
  const direct = await run('export', '--csv');
  show('export --csv, direct', direct);
  const held = await owner();
  const remote = await run('export', '--csv');
  held.stdin.end();
  await new Promise((resolve) => held.on('exit', resolve));
  show('export --csv, through owner', remote);
  console.log(`remote / direct: ${(remote.seconds / direct.seconds).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
