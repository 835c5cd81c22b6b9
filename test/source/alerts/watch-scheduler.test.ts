import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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
/** A webhook receiver on 127.0.0.1: the alerts POSTed to it. */
let receiver: Server;
let webhook = '';
const posted: Alert[] = [];

beforeAll(async () => {
  const system = netappointServer([office], { variant: () => ({ frontEnd: 'netappoint' }) });
  server = await startSystemServer(system);
  site = { id: 'bonn', system: 'netappoint', name: office.name, city: 'Bonn', url: system.siteUrl(server.origin, office), params: system.siteParams?.(office) ?? {} };
  store = await openStore(join(dir, 'db'));
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      posted.push((JSON.parse(body) as { alert: Alert }).alert);
      response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  webhook = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/topic`;
});
afterAll(async () => {
  await store.close();
  await server.close();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('alerts from scheduler rounds against the simulator', () => {
  it('a watched office whose early slot is cancelled produces exactly one alert within one round, delivered to a webhook and an --exec command', async () => {
    await addWatch(store, { city: 'Bonn', office: 'Meldewesen', withinDays: 7 });
    const scheduler = createScheduler({ sites: [site], store, scraperFor, weeks: 2, minIntervalMinutes: 0, now: () => now });
    const alerts: Alert[] = [];
    const execDir = mkdtempSync(join(dir, 'exec-'));
    const exec = `cat > "$(mktemp -p '${execDir}' alert-XXXXXX.json)"`;
    const watch = alertOnSnapshots(scheduler, store, createAlertDispatcher({ onAlert: (a) => alerts.push(a), webhook, exec, log: () => undefined }));
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
      const executed = readdirSync(execDir).map((name) => JSON.parse(readFileSync(join(execDir, name), 'utf8')) as Alert);
      for (const delivered of [posted, executed]) {
        expect(delivered.map((a) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());
        expect(delivered.filter((a) => a.kind === 'cancellation')).toEqual([alerts[2]]);
      }
    } finally {
      watch.stop();
      await scheduler.stop();
    }
  });
});
