// Soak: what --demo runs (the simulated offices on 127.0.0.1, the scheduler with the real scrapers, the
// LevelDB store), round after round over a simulated day. Samples RSS, heap and open file handles every few
// rounds; fails when they keep growing from the first quarter to the end, or the store refuses a write.
//   npm run build && node bench/soak.js   (SOAK_ROUNDS, default 96 = a day of 15-minute rounds)
// The demo world runs in a child process (this file with --world), its clock moved by the bench: its own
// bounded caches (netappoint keeps 2000 sessions with their pages) are not the app's memory.
// bench/scheduler-round.js watches the scheduler alone with stand-in scrapers; this adds HTTP, parsing and the store.
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scraperFor } from '../dist/scrapers/index.js';
import { createScheduler } from '../dist/source/scheduler/index.js';
import { openStore } from '../dist/store/index.js';

const START = new Date('2026-07-13T04:00:00Z');
const QUARTER = 15 * 60_000;

if (process.argv[2] === '--world') {
  // The child: the demo world on a stopped clock; "advance" moves it, "close" ends it.
  const { startDemo } = await import('../dist/scrapers/simulator/demo.js');
  const demo = await startDemo({ seed: 7, start: START });
  demo.clock.pause();
  process.on('message', async (message) => {
    if (message === 'advance') demo.clock.advance(QUARTER);
    else await demo.close();
    process.send(message);
    if (message === 'close') process.disconnect();
  });
  process.send({ sites: demo.sites });
} else await soak();

async function soak() {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 96);
  const EVERY = Math.max(1, Math.round(ROUNDS / 24));
  const MAX_RSS_GROWTH = 0.15;
  const MAX_HEAP_GROWTH = 0.15;
  const MAX_FD_GROWTH = 6;

  const world = fork(fileURLToPath(import.meta.url), ['--world']);
  const reply = () => new Promise((resolve) => world.once('message', resolve));
  const { sites } = await reply();
  const ask = (message) => (world.send(message), reply());
  let now = START.getTime();
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-soak-'));
  const store = await openStore(join(dir, 'db'));
  // One week of lookahead (a quarter of the requests of four: more rounds in the time) and no per-host
  // politeness (all demo hosts are this machine), so that a simulated day takes minutes.
  const scheduler = createScheduler({
    sites,
    store,
    scraperFor,
    now: () => new Date(now),
    jitter: 0,
    weeks: 1,
    hostOf: (site) => site.id,
  });
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  const fds = () => readdirSync('/proc/self/fd').length;
  const worldRss = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${world.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const samples = [];
  const totals = { runs: 0, failed: 0, storeErrors: 0, snapshots: 0 };
  const failures = new Map();
  const started = performance.now();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const result = await scheduler.runRound();
      scheduler.health(); // what the health view asks for every frame
      for (const outcome of result.outcomes) {
        totals.runs++;
        if (outcome.snapshot) totals.snapshots++;
        if (outcome.storeError) totals.storeErrors++;
        if (!outcome.run.ok) {
          totals.failed++;
          const kind = outcome.run.error?.kind ?? 'unknown';
          failures.set(kind, (failures.get(kind) ?? 0) + 1);
        }
      }
      now += QUARTER; // a round, then 15 minutes on, here and in the world
      await ask('advance');
      if (round % EVERY === 0 || round === ROUNDS) {
        gc();
        const { rss, heapUsed, external } = process.memoryUsage();
        samples.push({
          round,
          rss,
          heapUsed,
          external,
          fds: fds(),
          world: worldRss(),
          seconds: (performance.now() - started) / 1000,
        });
      }
    }
  } finally {
    await scheduler.stop();
    await ask('close');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `soak: ${ROUNDS} rounds of ${sites.length} demo offices = ${((ROUNDS * QUARTER) / 3_600_000).toFixed(1)}` +
      ` simulated hours in ${(samples.at(-1).seconds).toFixed(1)} s`,
  );
  console.log('  round    rss        heap      external  fds   world rss     s');
  for (const s of samples)
    console.log(
      `  ${String(s.round).padStart(5)}  ${mb(s.rss).padStart(9)}` +
        `  ${mb(s.heapUsed).padStart(9)}  ${mb(s.external).padStart(8)}` +
        `  ${String(s.fds).padStart(4)}  ${mb(s.world).padStart(9)}  ${s.seconds.toFixed(1).padStart(6)}`,
    );
  // Medians, so that one noisy sample (malloc, LevelDB compaction) neither hides nor fakes growth:
  // the second quarter's (warm: V8 and LevelDB have sized their spaces and caches) against the last quarter's.
  const median = (list, key) => [...list.map((s) => s[key])].sort((x, y) => x - y)[Math.floor(list.length / 2)];
  const early = samples.filter((s) => s.round > ROUNDS / 4 && s.round <= ROUNDS / 2);
  const late = samples.filter((s) => s.round > (ROUNDS * 3) / 4);
  const quarter = {
    round: early[0].round,
    rss: median(early, 'rss'),
    heapUsed: median(early, 'heapUsed'),
    fds: median(early, 'fds'),
  };
  const last = {
    round: ROUNDS,
    rss: median(late, 'rss'),
    heapUsed: median(late, 'heapUsed'),
    fds: median(late, 'fds'),
  };
  const rssGrowth = (last.rss - quarter.rss) / quarter.rss;
  const heapGrowth = (last.heapUsed - quarter.heapUsed) / quarter.heapUsed;
  const fdGrowth = last.fds - quarter.fds;
  console.log(
    `  growth, median of rounds ${quarter.round}–${Math.floor(ROUNDS / 2)} → median of the last quarter` +
      `: rss ${(rssGrowth * 100).toFixed(1)} % (limit ${MAX_RSS_GROWTH * 100} %)` +
      `, heap ${(heapGrowth * 100).toFixed(1)} % (limit ${MAX_HEAP_GROWTH * 100} %)` +
      `, file handles ${fdGrowth >= 0 ? '+' : ''}${fdGrowth} (limit +${MAX_FD_GROWTH})`,
  );
  const faults = [...failures].map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    `  runs ${totals.runs}, snapshots stored ${totals.snapshots}, failed ${totals.failed}` +
      `${failures.size > 0 ? ` (the demo's own faults: ${faults})` : ''}` +
      `, store errors ${totals.storeErrors}`,
  );
  if (rssGrowth > MAX_RSS_GROWTH || heapGrowth > MAX_HEAP_GROWTH || fdGrowth > MAX_FD_GROWTH || totals.storeErrors > 0)
    process.exitCode = 1;
}
