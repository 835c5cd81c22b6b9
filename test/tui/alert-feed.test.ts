import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scraperFor } from '../../scrapers/index.js';
import { startDemo, type Demo } from '../../scrapers/simulator/demo.js';
import { createScheduler } from '../../source/scheduler/index.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { parseWatchPrompt } from '../../source/tui/watch-prompt.js';
import type { Alert } from '../../store/alerts.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { listWatches } from '../../store/watches.js';

// A real round: the demo's simulated offices on 127.0.0.1, scraped by the real scheduler into a real LevelStore.
const dir = mkdtempSync(join(tmpdir(), 'ow-tui-alerts-'));
let demo: Demo;
let store: LevelStore;

beforeAll(async () => {
  demo = await startDemo({ speed: 0, start: new Date('2026-03-02T07:00:00Z') });
  store = await openStore(join(dir, 'db'));
});
afterAll(async () => {
  await store.close();
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alerts in the app data (store-watch-data) from a real round against the demo', () => {
  test('a watch added as w adds it; the round raises alerts: listed, announced, delivered by --exec; insights follow', async () => {
    const sites = demo.sites.filter((site) => site.id === 'bonn' || site.id === 'frankfurt');
    const scheduler = createScheduler({ sites, store, scraperFor, now: () => demo.clock.now(), minIntervalMinutes: 0, weeks: 1 });
    const effects: Alert[] = [];
    // One file per delivery: deliveries run in parallel.
    const out = mkdtempSync(join(dir, 'delivered-'));
    const watch = createStoreWatchData({ store, sites, scheduler, now: () => demo.clock.now(), alerts: { exec: `cat > "$(mktemp -p '${out}')"`, onAlert: (alert) => void effects.push(alert) } });
    const announced: (Alert | undefined)[] = [];
    try {
      await watch.ready;
      const alerts = watch.data.alerts!;
      alerts.subscribe((alert) => announced.push(alert));
      // Narrow (the next day, 08-09 h): a first snapshot makes every wanted slot new.
      const added = await alerts.addWatch(parseWatchPrompt('Bonn', '1 08-09', '2026-03-02'));
      expect(await listWatches(store)).toEqual([added]);
      expect(added).toMatchObject({ city: 'Bonn', withinDays: 1, hours: { from: 8, to: 9 } });

      await scheduler.runRound();
      await watch.alerts!.idle();
      const list = alerts.list();
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => a.sourceId === 'bonn' && a.city === 'Bonn' && a.kind === 'new day')).toBe(true);
      expect(effects.map((a) => a.id)).toEqual(list.map((a) => a.id));
      expect(announced.filter(Boolean)).toHaveLength(list.length);
      const delivered = readdirSync(out).map((name) => (JSON.parse(readFileSync(join(out, name), 'utf8')) as Alert).id);
      expect(delivered.sort()).toEqual(list.map((a) => a.id).sort());
      expect(alerts.problems()).toEqual([]);

      demo.clock.advance(15 * 60_000);
      await scheduler.runRound();
      await watch.alerts!.idle();
      const insights = await watch.data.insights!();
      expect(insights?.cities.map((c) => c.city).sort()).toEqual(['Bonn', 'Frankfurt']);
      expect(insights?.cities.find((c) => c.city === 'Bonn')).toMatchObject({ snapshots: 2, days: 1 });
    } finally {
      watch.close();
      await scheduler.stop();
    }
  }, 30_000);

  test('a failing --exec is logged as a problem of the session, not thrown; the store\'s alerts of the last day are listed', async () => {
    const scheduler = createScheduler({ sites: demo.sites.filter((site) => site.id === 'bonn'), store, scraperFor, now: () => demo.clock.now(), minIntervalMinutes: 0, weeks: 1 });
    const fresh: Alert[] = [];
    const watch = createStoreWatchData({ store, sites: demo.sites, scheduler, now: () => demo.clock.now(), alerts: { exec: 'exit 3', retry: { attempts: 2, baseDelayMs: 5 }, onAlert: (alert) => void fresh.push(alert) } });
    try {
      await watch.ready;
      await watch.alerts!.ready;
      const stored = watch.data.alerts!.list().map((a) => a.id);
      expect(stored.length).toBeGreaterThan(0);
      expect(fresh).toEqual([]);
      // A day later the next day's 08-09 h slots are new to the watch.
      demo.clock.advance(24 * 3_600_000);
      await scheduler.runRound();
      await watch.alerts!.idle();
      expect(fresh.length).toBeGreaterThan(0);
      expect(watch.data.alerts!.list().slice(-fresh.length)).toEqual(fresh);
      const problems = watch.data.alerts!.problems();
      expect(problems.some((line) => line.startsWith('alert bonn/') && line.includes('NOT delivered by exec'))).toBe(true);
    } finally {
      watch.close();
      await scheduler.stop();
    }
  }, 30_000);
});
