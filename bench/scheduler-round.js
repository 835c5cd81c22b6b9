// A full round of the 221-source registry against simulated hosts: how close the round comes to
// the bound the per-host limits allow, what it costs in CPU, and whether memory stays flat.
//   npm run build && node bench/scheduler-round.js
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadRegistry } from '../dist/scrapers/registry/registry.js';
import {
  DEFAULT_HOST_LIMITS,
  createScheduler,
  hostLimit,
  hostOf,
  roundLowerBoundMs,
} from '../dist/source/scheduler/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const PARALLEL = 8;
const sites = loadRegistry();
const limitOf = (host) => hostLimit(host, DEFAULT_HOST_LIMITS, 1);

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per site of one round: the latencies of its 2–3 requests, 100–400 ms each, divided by `scale`. */
function plan(random, scale) {
  return new Map(
    sites.map((site) => [
      site.id,
      Array.from({ length: 2 + Math.floor(random() * 2) }, () => (100 + random() * 300) / scale),
    ]),
  );
}

/** An in-process stand-in for a scraper: sleeps through its requests and returns the site's known locations. */
function fakeScraper(current) {
  return async (site, options) => {
    for (const ms of current.plan.get(site.id)) await sleep(ms, undefined, { signal: options.signal });
    const locations = (site.locations ?? [{ id: 'x', name: 'X' }])
      .slice(0, 20)
      .map((l) => ({ locationId: l.id, name: l.name ?? l.id, slots: ['2021-08-11 08:00:00', '2021-08-11 08:15:00'] }));
    return {
      ok: true,
      snapshot: { sourceId: site.id, takenAt: '2021-08-10 07:45:00', locations },
      requests: current.plan.get(site.id).length,
    };
  };
}

function lowerBound(current) {
  const byHost = new Map();
  for (const site of sites) {
    const host = hostOf(site);
    const ms = current.plan.get(site.id).reduce((a, b) => a + b, 0);
    byHost.set(host, [...(byHost.get(host) ?? []), ms]);
  }
  return roundLowerBoundMs(byHost, limitOf, PARALLEL);
}

function makeScheduler(current, stepMs) {
  let clock = Date.parse('2021-08-10T05:45:00Z');
  const store = {
    recordSnapshot: async () => ({ stored: true, changedLocations: 0, appointments: 0, cancellations: 0 }),
    recordRun: async () => {},
  };
  let runs = 0;
  const scheduler = createScheduler({
    sites,
    store,
    scraperFor: (system) => (system === 'custom' ? undefined : fakeScraper(current)),
    parallel: PARALLEL,
    now: () => new Date(clock),
  });
  scheduler.onRun(() => void runs++);
  return {
    scheduler,
    async round() {
      const result = await scheduler.runRound((site) => site.system !== 'custom');
      scheduler.health();
      clock += stepMs;
      return result;
    },
  };
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const hosts = new Set(sites.map(hostOf)).size;
console.log(
  `scheduler round: ${sites.length - 2} supported sources over ${hosts} hosts, parallel ${PARALLEL}` +
    `, per host 1, tempus-termine.com 3`,
);

// 1. One round at realistic latency.
const random = mulberry32(20210810);
const current = { plan: plan(random, 1) };
const real = makeScheduler(current, 15 * 60_000);
const bound = lowerBound(current);
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const result = await real.round();
const wall = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const ratio = wall / bound;
const cpuShare = cpuMs / wall;
console.log(
  `  round      ${(wall / 1000).toFixed(2)} s for ${result.outcomes.length} sources` +
    `; lower bound ${(bound / 1000).toFixed(2)} s → ${ratio.toFixed(3)}× (target ≤ 1.2×)`,
);
console.log(
  `  cpu        ${cpuMs.toFixed(0)} ms user+system over ${(wall / 1000).toFixed(2)} s wall` +
    ` → ${(cpuShare * 100).toFixed(2)} % (target < 10 %)`,
);

// 2. 130 rounds with latencies compressed 500× (the same work for the scheduler, less waiting), the
// clock stepping 6 h a round so that the 24 h of runs the health view keeps fill up at once.
// 30 rounds warm up (V8 sizes its heap spaces), the next 100 are measured.
const fast = { plan: plan(random, 500) };
const compressed = makeScheduler(fast, 6 * 3_600_000);
const samples = [];
for (let i = 1; i <= 130; i++) {
  fast.plan = plan(random, 500);
  await compressed.round();
  if (i >= 30 && i % 10 === 0) {
    gc();
    samples.push({ round: i - 30, ...process.memoryUsage() });
  }
}
const first = samples[0];
const last = samples.at(-1);
const growth = (last.rss - first.rss) / first.rss;
console.log(
  `  memory     rss over 100 rounds: ${samples
    .filter((s) => s.round % 20 === 0)
    .map((s) => `${mb(s.rss)} @${s.round}`)
    .join(', ')}`,
);
console.log(
  `             ${(growth * 100).toFixed(1)} % rss, heap ${mb(first.heapUsed)} → ${mb(last.heapUsed)}` +
    ` (target flat: < 5 %)`,
);
if (ratio > 1.2 || cpuShare >= 0.1 || growth > 0.05) process.exitCode = 1;
