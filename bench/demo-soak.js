// The terminal app itself, `office-watch --demo`, in a real pseudo-terminal, round after round: the app's RSS
// against the budget (≤ 150 MB, flat) after DEMO_SOAK_ROUNDS rounds (default 1000). `--interval 1` (the
// default here, DEMO_SOAK_INTERVAL minutes) starts a round every simulated minute, one second at the demo's 60×
// clock: rounds follow each other with no pause, so 1000 rounds take about 40 minutes. The demo's own offices
// run in a process of their own and are not counted. Rounds are counted from outside with
// `office-watch stats --json`, which reads the app's db through it.
//   npm run build && node bench/demo-soak.js        (DEMO_SOAK_ROUNDS=100 for a quick look)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node-pty';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/office-watch.js');
const ROUNDS = Number(process.env.DEMO_SOAK_ROUNDS ?? 1000);
const INTERVAL = process.env.DEMO_SOAK_INTERVAL ?? '1';
const SAMPLES = 20;
const BUDGET_MB = 150;
const MAX_GROWTH = 0.15;

const dir = mkdtempSync(join(tmpdir(), 'office-watch-demo-soak-'));
const db = join(dir, 'db');
const app = spawn(process.execPath, [bin, '--demo', '--interval', INTERVAL, '--quiet', '--db', db], {
  name: 'xterm-256color',
  cols: 80,
  rows: 24,
  cwd: root,
  env: process.env,
});
let exited = false;
app.onExit(() => (exited = true));
app.onData(() => undefined);

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** Rounds so far: the most snapshots any demo source has. */
function rounds() {
  const result = spawnSync(process.execPath, [bin, 'stats', '--json', '--db', db], { encoding: 'utf8' });
  if (result.status !== 0) return 0;
  return Math.max(0, ...JSON.parse(result.stdout).map((source) => source.snapshots));
}
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const samples = [];
const started = Date.now();
try {
  // A sample after the first round, then every ROUNDS / SAMPLES rounds up to ROUNDS.
  for (let next = 1; next <= ROUNDS; ) {
    await sleep(2000);
    if (exited) throw new Error('the app exited');
    const round = rounds();
    if (round < next) continue;
    samples.push({ round, rss: rssMb(), seconds: (Date.now() - started) / 1000 });
    next = next === 1 ? ROUNDS / SAMPLES : next + ROUNDS / SAMPLES;
  }
  console.log(
    `demo-soak: office-watch --demo --interval ${INTERVAL}, ${samples.at(-1).round} rounds` +
      ` in ${samples.at(-1).seconds.toFixed(0)} s`,
  );
  console.log('  round     rss');
  for (const s of samples) console.log(`  ${String(s.round).padStart(5)}  ${s.rss.toFixed(1).padStart(6)} MB`);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const early = median(samples.slice(quarter, 2 * quarter).map((s) => s.rss));
  const late = median(samples.slice(-quarter).map((s) => s.rss));
  const peak = Math.max(...samples.map((s) => s.rss));
  const growth = late / early - 1;
  console.log(
    `  peak ${peak.toFixed(1)} MB (budget ≤ ${BUDGET_MB} MB: ${peak <= BUDGET_MB ? 'ok' : 'OVER BUDGET'})` +
      `; growth from the second quarter to the last ${(growth * 100).toFixed(1)} %` +
      ` (flat: ≤ ${MAX_GROWTH * 100} %: ${growth <= MAX_GROWTH ? 'ok' : 'GROWING'})`,
  );
} finally {
  app.write('q');
  for (let i = 0; i < 50 && !exited; i++) await sleep(100);
  if (!exited) app.kill();
  rmSync(dir, { recursive: true, force: true });
}
