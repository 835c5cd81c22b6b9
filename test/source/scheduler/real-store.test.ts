import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeStore } from '../../../store/types.js';
import { createScheduler } from '../../../source/scheduler/index.js';
import { manualClock, site, trackingScraper } from './helpers.js';

// The lead's LevelDB store; the test waits for it to exist (store/index.ts exporting openStore).
const storeModule: Record<string, unknown> = await import('../../../store/index.js');
const openStore = storeModule.openStore as ((path: string) => Promise<OfficeStore>) | undefined;
const dir = mkdtempSync(join(tmpdir(), 'office-watch-scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(openStore !== undefined)('the scheduler on the real store', () => {
  it('writes snapshots and run records that the store gives back, and restores health from them', async () => {
    const clock = manualClock(Date.parse('2021-08-10T05:45:00Z'));
    const tracker = trackingScraper(
      () => 2,
      (s) => (s.id === 'bad' ? { kind: 'maintenance', message: 'Wartungsarbeiten' } : undefined),
    );
    const sites = [site('good', 'a.example'), site('bad', 'b.example')];
    const store = await openStore!(join(dir, 'db'));
    try {
      const scheduler = createScheduler({ sites, store, scraperFor: () => tracker.scraper, now: clock.now });
      await scheduler.runRound();
      const runs = await store.runs();
      expect(runs.map((r) => [r.sourceId, r.ok]).sort()).toEqual([
        ['bad', false],
        ['good', true],
      ]);
      expect(runs.find((r) => r.sourceId === 'bad')!.error).toEqual({
        kind: 'maintenance',
        message: 'Wartungsarbeiten',
      });
      expect(await store.listSources()).toContain('good');
      expect((await store.latestSnapshot('good'))?.locations.map((l) => l.locationId)).toEqual(['a']);

      const restarted = createScheduler({
        sites,
        store,
        scraperFor: () => tracker.scraper,
        now: clock.now,
        tickMs: 60_000,
      });
      await restarted.start();
      await restarted.stop();
      expect(restarted.healthOf('bad')).toMatchObject({ consecutiveFailures: 1, runs24h: 1 });
    } finally {
      await store.close();
    }
  });
});
