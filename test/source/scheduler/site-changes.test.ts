import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scraperFor } from '../../../scrapers/index.js';
import { startDemo, type Demo } from '../../../scrapers/simulator/demo.js';
import { startChangedSites, type ChangedSites } from '../../../scrapers/simulator/site-changes.js';
import type { Site } from '../../../scrapers/types.js';
import { createScheduler } from '../../../source/scheduler/index.js';
import { openStore } from '../../../store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-site-changes-'));
let demo: Demo;
let changed: ChangedSites;

beforeAll(async () => {
  demo = await startDemo({ speed: 0 });
  changed = await startChangedSites(demo.origins);
  // The vanished host's name would go to the resolver: the binary's test (sites-check) fakes it, this one leaves it
  // out.
  changed.sites = changed.sites.filter((site) => site.id !== 'verschwunden');
});
afterAll(async () => {
  await changed.close();
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sites that change after working', () => {
  it('moved, switched system, refused: status follows, no false bookings or cancellations', async () => {
    const store = await openStore(join(dir, 'db'));
    try {
      const offenbach = demo.sites.find((site) => site.id === 'offenbach')!;
      const later = changed.sites.map(({ expected: _expected, ...site }): Site => site);
      // First each works: the same office's pages under the id that will change.
      const before = later.map((site): Site => ({ ...site, system: 'tevis', url: offenbach.url, params: {} }));
      const options = { store, scraperFor, now: () => demo.clock.now(), weeks: 2, minIntervalMinutes: 0 };
      const first = await createScheduler({ ...options, sites: before }).runRound();
      expect(first.outcomes.map((o) => [o.site.id, o.run.ok])).toEqual(before.map((site) => [site.id, true]));
      const scheduler = createScheduler({ ...options, sites: later });
      const second = await scheduler.runRound();
      expect(second.outcomes.map((o) => [o.site.id, o.run.ok])).toEqual(later.map((site) => [site.id, false]));
      for (const site of changed.sites) expect(scheduler.healthOf(site.id)?.status.state, site.id).toBe(site.expected);
      const stats = await store.stats();
      for (const site of changed.sites) {
        expect(
          stats.find((s) => s.sourceId === site.id),
          site.id,
        ).toMatchObject({ snapshots: 1, appointments: 0, cancellations: 0 });
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
