import { describe, expect, it } from 'vitest';
import { startDemoProcess } from '../../../scrapers/simulator/demo-child.js';

describe('the demo world in a process of its own', () => {
  it('serves the demo sites on 127.0.0.1 with a clock in step, and ends when closed', async () => {
    const start = new Date('2026-07-13T08:00:00Z');
    const world = await startDemoProcess({ start, speed: 60 });
    try {
      expect(world.sites).toHaveLength(15);
      const simulated = world.clock.now().getTime() - start.getTime();
      // Started a moment ago at 60×: a few simulated seconds, not minutes.
      expect(simulated).toBeGreaterThanOrEqual(0);
      expect(simulated).toBeLessThan(5 * 60_000);
      const site = world.sites.find((s) => s.system === 'tevis')!;
      expect(new URL(site.url).hostname).toBe('127.0.0.1');
      expect((await fetch(site.url)).status).toBe(200);
    } finally {
      await world.close();
    }
    const site = world.sites[0]!;
    await expect(fetch(site.url)).rejects.toThrow();
  });
});

describe('the demo process started from an epoch', () => {
  it('serves the world begun then (not a fresh one), as a restarted app needs', async () => {
    const { scraperFor } = await import('../../../scrapers/index.js');
    const { startDemo } = await import('../../../scrapers/simulator/demo.js');
    const epoch = new Date('2026-07-13T05:00:00Z');
    const start = new Date('2026-07-13T08:00:00Z');
    const world = await startDemoProcess({ start, epoch, speed: 0 });
    const same = await startDemo({ start, epoch, speed: 0 });
    const fresh = await startDemo({ start, speed: 0 });
    try {
      const site = world.sites.find((s) => s.id === 'bonn')!;
      const result = await scraperFor('netappoint')!(site, { weeks: 1, now: start });
      if (!result.ok) throw new Error(result.failure.message);
      const scraped = result.snapshot.locations.map((l) => l.slots);
      const last = scraped.flat().reduce((max, slot) => (slot > max ? slot : max), '');
      const shown = (demo: typeof same) => {
        const office = demo.offices.find((o) => o.sourceId === 'bonn')!;
        return result.snapshot.locations.map((l) => office.freeSlots(l.locationId).filter((slot) => slot <= last));
      };
      expect(last > '2026-07-13').toBe(true);
      expect(scraped).toEqual(shown(same));
      expect(scraped).not.toEqual(shown(fresh));
    } finally {
      await Promise.all([world.close(), same.close(), fresh.close()]);
    }
  });
});
