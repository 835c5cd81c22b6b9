import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../../core/berlin-time.js';
import { scraperFor } from '../../../scrapers/index.js';
import { startSystemServer, type RunningServer } from '../../../scrapers/simulator/http-host.js';
import { netappointServer } from '../../../scrapers/simulator/netappoint-server.js';
import type { SimOffice } from '../../../scrapers/simulator/types.js';
import type { Site } from '../../../scrapers/types.js';
import type { AlertMessage } from '../../../source/alerts/alert-message.js';
import { createAlertDispatcher } from '../../../source/alerts/dispatcher.js';
import { alertOnSnapshots } from '../../../source/alerts/watch-scheduler.js';
import { createScheduler } from '../../../source/scheduler/index.js';
import { listAlerts } from '../../../store/alerts.js';
import { openStore, type LevelStore } from '../../../store/index.js';
import { addWatch } from '../../../store/watches.js';
import { startReceiver } from '../../helpers/webhook-receiver.js';

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
  locations: [
    { id: 'meldewesen', name: 'Meldewesen' },
    { id: 'kfz-zulassung', name: 'Kfz-Zulassung' },
  ],
  freeSlots: (id) => [...(free.get(id) ?? [])].sort(),
  now: () => now,
};

const dir = mkdtempSync(join(tmpdir(), 'ow-watch-scheduler-'));
let server: RunningServer;
let store: LevelStore;
let site: Site;
/** A webhook receiver on 127.0.0.1: the alerts POSTed to it. */
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  const system = netappointServer([office], { variant: () => ({ frontEnd: 'netappoint' }) });
  server = await startSystemServer(system);
  site = {
    id: 'bonn',
    system: 'netappoint',
    name: office.name,
    city: 'Bonn',
    url: system.siteUrl(server.origin, office),
    params: system.siteParams?.(office) ?? {},
  };
  store = await openStore(join(dir, 'db'));
  receiver = await startReceiver();
});
afterAll(async () => {
  await store.close();
  await server.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alerts from scheduler rounds against the simulator', () => {
  it("a first round is each watch's baseline; a cancelled slot then one message per watch", async () => {
    await addWatch(store, { city: 'Bonn', office: 'Meldewesen', withinDays: 7 });
    await addWatch(store, { office: 'bonn/*', withinDays: 7 });
    const scheduler = createScheduler({
      sites: [site],
      store,
      scraperFor,
      weeks: 2,
      minIntervalMinutes: 0,
      now: () => now,
    });
    const messages: AlertMessage[] = [];
    const execDir = mkdtempSync(join(dir, 'exec-'));
    const exec = `cat > "$(mktemp -p '${execDir}' alert-XXXXXX.json)"`;
    const webhook = `${receiver.origin}/office-alerts`;
    const onMessage = (m: AlertMessage) => void messages.push(m);
    const dispatcher = createAlertDispatcher({ onMessage, webhook, exec, log: () => undefined });
    const watch = alertOnSnapshots(scheduler, store, dispatcher);
    const round = async () => {
      const before = { messages: messages.length, posts: receiver.received.length };
      await scheduler.runRound();
      await watch.idle();
      return { messages: messages.slice(before.messages), posts: receiver.received.slice(before.posts) };
    };
    try {
      const first = await round();
      const freeNow = (m: AlertMessage) => m.freeNow.map((a) => [a.locationId, a.slot, a.count]);
      const summaries = first.messages.map((m) => [m.watchId, m.fresh.length, freeNow(m)]);
      expect(summaries).toEqual([
        ['1', 0, [['meldewesen', at(2, '10:00'), 2]]],
        [
          '2',
          0,
          [
            ['kfz-zulassung', at(1, '08:00'), 1],
            ['meldewesen', at(2, '10:00'), 2],
          ],
        ],
      ]);
      expect(first.posts).toHaveLength(2);

      now = new Date(now.getTime() + 15 * 60_000);
      expect(await round()).toEqual({ messages: [], posts: [] }); // nothing new: no repeats

      now = new Date(now.getTime() + 15 * 60_000);
      free.set('meldewesen', [at(2, '08:30'), at(2, '10:00'), at(2, '11:00')]); // someone cancelled 08:30
      free.set('kfz-zulassung', [at(1, '08:00'), at(1, '09:00')]); // only watch 2 covers it
      const third = await round();
      expect(third.messages.map((m) => [m.watchId, m.fresh.map((a) => [a.office, a.slot, a.kind])])).toEqual([
        ['1', [['Meldewesen', at(2, '08:30'), 'cancellation']]],
        [
          '2',
          [
            ['Kfz-Zulassung', at(1, '09:00'), 'cancellation'],
            ['Meldewesen', at(2, '08:30'), 'cancellation'],
          ],
        ],
      ]);
      // One POST per watch per round, in the default (ntfy) format.
      expect(third.posts).toHaveLength(2);
      expect(third.posts.map((p) => [p.path, (p.body as { topic: string; title: string }).title])).toEqual([
        ['/', 'Free slot: Meldewesen (Bonn)'],
        ['/', '2 free slots: 2 offices (Bonn)'],
      ]);
      expect((third.posts[0]!.body as { click: string }).click).toBe(site.url);
      const kinds = (await listAlerts(store)).map((a) => a.kind);
      expect(kinds).toEqual(['free now', 'free now', 'free now', 'cancellation', 'cancellation']);
      const read = (name: string) => JSON.parse(readFileSync(join(execDir, name), 'utf8')) as AlertMessage;
      const executed = readdirSync(execDir).map(read);
      expect(executed.map((m) => m.id).sort()).toEqual(messages.map((m) => m.id).sort());
    } finally {
      watch.stop();
      await scheduler.stop();
    }
  });
});
