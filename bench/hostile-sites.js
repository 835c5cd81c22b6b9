// Hostile sites at the scrapers' real limits (5 MB size cap, 10 s per request): how long each system takes to give
// up on an endless body, a 50 MB body, a gzip bomb and a redirect loop, and how much memory the attempt costs.
// Budget: every attempt ends as its typed failure within 2 s, and the process grows by less than 64 MiB in all.
//   npm run build && node bench/hostile-sites.js
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scraperFor } from '../dist/scrapers/index.js';
import { eterminServer } from '../dist/scrapers/simulator/etermin-server.js';
import { startSystemServer } from '../dist/scrapers/simulator/http-host.js';
import { netappointServer } from '../dist/scrapers/simulator/netappoint-server.js';
import { siteOf } from '../dist/scrapers/simulator/site-of.js';
import { tempusServer } from '../dist/scrapers/simulator/tempus-server.js';
import { tevisServer } from '../dist/scrapers/simulator/tevis-server.js';
import { zmsServer } from '../dist/scrapers/simulator/zms-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const FAULTS = {
  'endless-body': 'too-large',
  'huge-body': 'too-large',
  'gzip-bomb': 'too-large',
  'redirect-loop': 'redirect-loop',
};
// ZMS with its rate limit 1000× faster: the pacing between attempts (1 ms) does not count in their times.
const zms = (offices) => zmsServer(offices, { scale: 1000 });
const SERVERS = { tevis: tevisServer, netappoint: netappointServer, etermin: eterminServer, tempus: tempusServer, zms };
const IDS = { tevis: '11', netappoint: 'buergerbuero', etermin: '7001', tempus: '301/4619', zms: '7001-1' };
const now = new Date();
const mib = (bytes) => (bytes / 1048576).toFixed(1);

gc();
const baseline = process.memoryUsage().rss;
let peak = baseline;
let worst = 0;
let wrong = 0;
console.log('system      fault          result          ms   streamed MiB   rss MiB');
for (const [system, makeServer] of Object.entries(SERVERS)) {
  const office = {
    sourceId: `bench-${system}`,
    system,
    name: 'Stadt Bench',
    city: 'Bench',
    locations: [{ id: IDS[system], name: 'Bürgerbüro' }],
    freeSlots: () => [],
    now: () => now,
  };
  const server = makeServer([office]);
  const running = await startSystemServer(server);
  const site = siteOf(server, running.origin, office);
  for (const [fault, expected] of Object.entries(FAULTS)) {
    office.fault = fault;
    const streamed = running.streamedBytes;
    const started = performance.now();
    const result = await scraperFor(system)(site, { weeks: 4, now });
    const ms = performance.now() - started;
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    worst = Math.max(worst, ms);
    const kind = result.ok ? 'ok' : result.failure.kind;
    if (kind !== expected) wrong++;
    console.log(
      `${system.padEnd(11)} ${fault.padEnd(14)} ${kind.padEnd(14)} ${ms.toFixed(0).padStart(4)}` +
        `   ${mib(running.streamedBytes - streamed).padStart(12)}   ${mib(rss).padStart(7)}`,
    );
  }
  await running.close();
}
console.log(
  `slowest attempt ${worst.toFixed(0)} ms (budget 2000)` +
    `; peak rss ${mib(peak)} MiB, ${mib(peak - baseline)} MiB over the start (budget 64)` +
    `; ${wrong} wrong failure kinds`,
);
if (worst >= 2000 || peak - baseline >= 64 * 1048576 || wrong > 0) process.exitCode = 1;
