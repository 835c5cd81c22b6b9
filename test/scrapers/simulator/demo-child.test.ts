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
