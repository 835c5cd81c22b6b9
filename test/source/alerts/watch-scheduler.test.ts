import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../../scrapers/berlin-time.js';
import { scraperFor } from '../../../scrapers/index.js';
import { startSystemServer, type RunningServer } from '../../../scrapers/simulator/http-host.js';
import { netappointServer } from '../../../scrapers/simulator/netappoint-server.js';
import type { SimOffice } from '../../../scrapers/simulator/types.js';
import type { Site } from '../../../scrapers/types.js';
import { createAlertDispatcher } from '../../../source/alerts/dispatcher.js';
import { alertOnSnapshots } from '../../../source/alerts/watch-scheduler.js';
import { createScheduler } from '../../../source/scheduler/index.js';
import type { Alert } from '../../../store/alerts.js';
import { listAlerts } from '../../../store/alerts.js';
import { openStore, type LevelStore } from '../../../store/index.js';
import { addWatch } from '../../../store/watches.js';

// A netappoint office on 127.0.0.1 whose free slots the test sets; the real scraper reads it over HTTP.
let now = new Date('2024-05-06T07:00:00Z'); // Monday 09:00 in Berlin
const today = toBerlinWallTime(now).slice(0, 10);
const at = (days: number, time: string) => `${addDays(today, days)} ${time}:00`;
const free = new Map<string, string[]>([
  ['meldewesen', [at(2, '10:00'), at(2, '11:00')]],
  ['kfz-zulassung', [at(1, '08:00')]],
]);
const office: SimOffice = {
  sourceId: 'bonn',
  system: 'netappoint',
  name: 'Stadt Bonn',
  city: 'Bonn',
  locations: [{ id: 'meldewesen', name: 'Meldewesen' }, { id: 'kfz-zulassung', name: 'Kfz-Zulassung' }],
  freeSlots: (id) => [...(free.get(id) ?? [])].sort(),
  now: () => now,
};

const dir = mkdtempSync(join(tmpdir(), 'ow-watch-scheduler-'));
let server: RunningServer;
let store: LevelStore;
let site: Site;

beforeAll(async () => {
  const system = netappointServer([office], { variant: () => ({ frontEnd: 'netappoint' }) });
  server = await startSystemServer(system);
  site = { id: 'bonn', system: 'netappoint', name: office.name, city: 'Bonn', url: system.siteUrl(server.origin, office), params: system.siteParams?.(office) ?? {} };
  store = await openStore(join(dir, 'db'));
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alerts from scheduler rounds against the simulator', () => {
  it('a watched office whose early slot is cancelled produces exactly one alert within one round', async () => {
    await addWatch(store, { city: 'Bonn', office: 'Meldewesen', withinDays: 7 });
    const scheduler = createScheduler({ sites: [site], store, scraperFor, weeks: 2, minIntervalMinutes: 0, now: () => now });
    const alerts: Alert[] = [];
    const watch = alertOnSnapshots(scheduler, store, createAlertDispatcher({ onAlert: (a) => alerts.push(a) }));
    try {
      await scheduler.runRound();
      await watch.idle();
      expect(alerts.map((a) => [a.slot, a.kind])).toEqual([[at(2, '10:00'), 'new day'], [at(2, '11:00'), 'new day']]);

      now = new Date(now.getTime() + 15 * 60_000);
      await scheduler.runRound();
      await watch.idle();
      expect(alerts).toHaveLength(2); // nothing new: no repeats

      now = new Date(now.getTime() + 15 * 60_000);
      free.set('meldewesen', [at(2, '08:30'), at(2, '10:00'), at(2, '11:00')]); // someone cancelled 08:30
      free.set('kfz-zulassung', [at(1, '08:00'), at(1, '09:00')]); // not watched
      await scheduler.runRound();
      await watch.idle();
      expect(alerts.slice(2)).toHaveLength(1);
      expect(alerts[2]).toMatchObject({ office: 'Meldewesen', slot: at(2, '08:30'), kind: 'cancellation', url: site.url, siteName: 'Stadt Bonn' });
      expect(await listAlerts(store)).toHaveLength(3);
    } finally {
      watch.stop();
      await scheduler.stop();
    }
  });
});
