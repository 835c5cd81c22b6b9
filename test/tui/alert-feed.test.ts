import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scraperFor } from '../../scrapers/index.js';
import { startDemo, type Demo } from '../../scrapers/simulator/demo.js';
import { createScheduler } from '../../source/scheduler/index.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { parseWatchPrompt } from '../../source/tui/watch-prompt.js';
import type { AlertMessage } from '../../source/alerts/alert-message.js';
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
  test('w adds a watch (an identical one is refused); its first round is one message: listed, told, run', async () => {
    const sites = demo.sites.filter((site) => site.id === 'bonn' || site.id === 'frankfurt');
    const scheduler = createScheduler({
      sites,
      store,
      scraperFor,
      now: () => demo.clock.now(),
      minIntervalMinutes: 0,
      weeks: 1,
    });
    const effects: AlertMessage[] = [];
    // One file per delivery.
    const out = mkdtempSync(join(dir, 'delivered-'));
    const alerts = { exec: `cat > "$(mktemp -p '${out}')"`, onMessage: (m: AlertMessage) => void effects.push(m) };
    const watch = createStoreWatchData({ store, sites, scheduler, now: () => demo.clock.now(), alerts });
    const announced: (Alert | undefined)[] = [];
    try {
      await watch.ready;
      const alerts = watch.data.alerts!;
      alerts.subscribe((alert) => announced.push(alert));
      // Narrow (the next day, 08-09 h): the first snapshot is the watch's baseline.
      const added = await alerts.addWatch(parseWatchPrompt('Bonn', '1 08-09', '2026-03-02'));
      expect(await listWatches(store)).toEqual([added]);
      expect(added).toMatchObject({ city: 'Bonn', withinDays: 1, hours: { from: 8, to: 9 } });
      // The watch's creation is on the demo's clock, as its snapshots are.
      expect(added.createdAt).toBe(demo.clock.now().toISOString());
      const again = alerts.addWatch(parseWatchPrompt('bonn', ' 08-09  1', '2026-03-02'));
      await expect(again).rejects.toThrow('watch 1 already watches that (city Bonn · within 1 days, 08-09 h).');
      expect(await listWatches(store)).toHaveLength(1);

      await scheduler.runRound();
      await watch.alerts!.idle();
      const list = alerts.list();
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => a.sourceId === 'bonn' && a.city === 'Bonn')).toBe(true);
      expect(list.every((a) => a.kind === 'free now' && (a.count ?? 0) > 0)).toBe(true);
      expect(effects).toHaveLength(1);
      expect(effects[0]!.freeNow.map((a) => a.id)).toEqual(list.map((a) => a.id));
      const count = list.reduce((sum, a) => sum + a.count!, 0);
      expect(announced.filter(Boolean)).toEqual([expect.objectContaining({ kind: 'free now', count })]);
      const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8')) as AlertMessage;
      const delivered = readdirSync(out).map(read);
      expect(delivered.map((m) => m.id)).toEqual([effects[0]!.id]);
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

  test("a failing --exec is logged as a session problem, not thrown; the last day's alerts are listed", async () => {
    const scheduler = createScheduler({
      sites: demo.sites.filter((site) => site.id === 'bonn'),
      store,
      scraperFor,
      now: () => demo.clock.now(),
      minIntervalMinutes: 0,
      weeks: 1,
    });
    const fresh: AlertMessage[] = [];
    const onMessage = (m: AlertMessage) => void fresh.push(m);
    const alerts = { exec: 'exit 3', retry: { attempts: 2, baseDelayMs: 5 }, onMessage };
    const watch = createStoreWatchData({ store, sites: demo.sites, scheduler, now: () => demo.clock.now(), alerts });
    try {
      await watch.ready;
      await watch.alerts!.ready;
      const stored = watch.data.alerts!.list().map((a) => a.id);
      expect(stored.length).toBeGreaterThan(0);
      expect(fresh).toEqual([]);
      // A day later (a gap of a day) the round is the watch's baseline again: what is free now, in one message.
      demo.clock.advance(24 * 3_600_000);
      await scheduler.runRound();
      await watch.alerts!.idle();
      expect(fresh).toHaveLength(1);
      expect(fresh[0]!.freeNow.length).toBeGreaterThan(0);
      expect(watch.data.alerts!.list().slice(-fresh[0]!.freeNow.length)).toEqual(fresh[0]!.freeNow);
      const problems = watch.data.alerts!.problems();
      const failed = (line: string) => line.startsWith("watch 1's alert of ") && line.includes('NOT delivered by exec');
      expect(problems.some(failed)).toBe(true);
    } finally {
      watch.close();
      await scheduler.stop();
    }
  }, 30_000);
});
