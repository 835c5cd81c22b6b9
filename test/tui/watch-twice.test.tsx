import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAlertFeed } from '../../source/tui/data/alert-feed.js';
import type { WatchData } from '../../source/tui/data/app-data.js';
import { bannerText } from '../../source/tui/views/alert-banner.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { listWatches } from '../../store/watches.js';
import { KEYS, startApp } from './app-harness.js';
import { sampleAlert, sampleData } from './fake-watch-data.js';

const dir = mkdtempSync(join(tmpdir(), 'ow-watch-twice-'));
let store: LevelStore;
beforeAll(async () => (store = await openStore(join(dir, 'db'))));
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('w twice in the app, on a real store', () => {
  test('the second identical watch is refused in the status line; one watch is stored', async () => {
    // The app's own data, its alerts on the real store.
    const data: WatchData = sampleData();
    const feed = createAlertFeed({ store });
    data.alerts = feed;
    const app = startApp(data);
    try {
      await app.see(/snapshot .+ · live/);
      await app.press('w', KEYS.enter);
      await app.see('added watch 1  city Bonn · within 14 days');
      await app.press('w', ...' 14 ', KEYS.enter);
      await app.see('no watch added: watch 1 already watches that (city Bonn · within 14 days).');
      expect((await listWatches(store)).map((w) => [w.id, w.city, w.withinDays])).toEqual([['1', 'Bonn', 14]]);
    } finally {
      app.instance.unmount();
      feed.stop();
    }
  });
});

describe('the banner of a message', () => {
  test('a baseline says how many are free and the earliest; several new slots are counted', () => {
    const free = { ...sampleAlert('2021-08-11 08:30:00', 'free now'), count: 42 };
    const [head, slot] = [' ALERT Meldewesen (Bonn) · ', 'Wed 2021-08-11 08:30'];
    expect(bannerText({ alert: free, more: 0 })).toBe(`${head}42 slots free now, earliest ${slot} · 5 lists them`);
    const three = bannerText({ alert: { ...sampleAlert(), count: 3 }, more: 1 });
    expect(three).toBe(`${head}3 new slots, first ${slot} (+1 more) · 5 lists them`);
    expect(bannerText({ alert: sampleAlert(), more: 0 })).toBe(`${head}${slot} · cancellation · 5 lists them`);
  });
});
