// Requests per scrape round of a tevis wizard site the size of Mülheim's (49 services) and of Aachen's (22), against
// the simulated site on 127.0.0.1: what one round costs the site, and how many locations it yields.
//   npm run build && node bench/tevis-requests.js
import { createSimClock } from '../dist/scrapers/simulator/clock.js';
import { startSystemServer } from '../dist/scrapers/simulator/http-host.js';
import { createSimulatedOffice } from '../dist/scrapers/simulator/office.js';
import { tevisServer } from '../dist/scrapers/simulator/tevis-server.js';
import { aachenSized, muelheimSized } from '../dist/scrapers/simulator/tevis-sized-sites.js';
import { createTevisScraper } from '../dist/scrapers/tevis.js';

const ROUNDS = 16;
const WEEKS = 4;
const scrape = createTevisScraper({ timeoutMs: 10_000, retries: 0 });

async function measure(shape) {
  // Tuesday 08:00 Berlin; rounds every 15 minutes through the morning.
  const clock = createSimClock({ start: new Date('2026-07-21T06:00:00Z'), speed: 0 });
  const office = createSimulatedOffice(shape.spec, clock, 1);
  const server = tevisServer([office], { variant: () => shape.variant });
  const host = await startSystemServer(server);
  const url = server.siteUrl(host.origin, office);
  const site = { id: office.sourceId, system: 'tevis', name: office.name, city: office.city, url };
  const requests = [];
  let locations = 0;
  let free = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const result = await scrape(site, { weeks: WEEKS, now: clock.now() });
      if (!result.ok) throw new Error(`${site.id}: ${result.failure.kind}: ${result.failure.message}`);
      requests.push(result.requests);
      locations = result.snapshot.locations.length;
      free = result.snapshot.locations.reduce((sum, l) => sum + l.slots.length, 0);
      clock.advance(15 * 60_000);
    }
  } finally {
    await host.close();
  }
  const sorted = [...requests].sort((a, b) => a - b);
  const mean = requests.reduce((a, b) => a + b, 0) / requests.length;
  const calendars = shape.spec.locations.length;
  console.log(
    `${site.id}: ${shape.services} services over ${calendars} calendars, lookahead ${WEEKS} weeks, ${ROUNDS} rounds: ` +
      `requests per round ${sorted[0]}–${sorted[sorted.length - 1]}, mean ${mean.toFixed(1)} ` +
      `(${(mean / shape.services).toFixed(2)} per service); last round ${locations} locations, ${free} free slots`,
  );
}

await measure(muelheimSized());
await measure(muelheimSized(20));
await measure(aachenSized());
