import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appearedSlots } from '../../store/alert-diff.js';
import { detectAlerts, listAlerts, type AlertSite } from '../../store/alerts.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { key } from '../../store/keys.js';
import { addWatch, listWatches } from '../../store/watches.js';

const site: AlertSite = { id: 'bonn', name: 'Stadt Bonn', city: 'Bonn', url: 'https://termine.bonn.de/' };
let dir: string;
let store: LevelStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-alerts-'));
  store = await openStore(join(dir, 'db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Record a snapshot of Bonn's two offices, then detect. */
async function round(takenAt: string, melde: string[], kfz: string[] = []) {
  await store.recordSnapshot({ sourceId: 'bonn', takenAt, locations: [{ locationId: 'meldewesen', name: 'Meldewesen', slots: melde }, { locationId: 'kfz', name: 'Kfz-Zulassung', slots: kfz }] });
  return detectAlerts(store, site, takenAt);
}
const what = (alerts: Awaited<ReturnType<typeof round>>) => alerts.map((a) => [a.locationId, a.kind, a.slot, a.count, a.watchIds]);

describe('appearedSlots (pure)', () => {
  it('new slots only; "new day" for days without free slots before or beyond the horizon, else "cancellation"', () => {
    const prev = ['2024-05-07 08:00:00', '2024-05-09 08:00:00'];
    expect(appearedSlots(prev, [...prev])).toEqual([]);
    expect(appearedSlots(prev, ['2024-05-07 07:30:00', '2024-05-07 08:00:00', '2024-05-08 09:00:00', '2024-05-10 08:00:00'])).toEqual([
      { slot: '2024-05-07 07:30:00', kind: 'cancellation' },
      { slot: '2024-05-08 09:00:00', kind: 'new day' },
      { slot: '2024-05-10 08:00:00', kind: 'new day' },
    ]);
    expect(appearedSlots([], ['2024-05-07 08:00:00'])).toEqual([{ slot: '2024-05-07 08:00:00', kind: 'new day' }]);
  });
});

describe('detectAlerts', () => {
  it('no watches: nothing read or written', async () => {
    expect(await round('2024-05-06 09:00:00', ['2024-05-07 08:00:00'])).toEqual([]);
    expect(await listAlerts(store)).toEqual([]);
  });

  it('the first snapshot is the baseline: one "free now" per office with the count and the earliest slot, no slot alerts', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    const free = ['2024-05-07 08:00:00', '2024-05-07 08:30:00', '2024-05-08 10:00:00', '2024-05-20 10:00:00'];
    const first = await round('2024-05-06 09:00:00', free, ['2024-05-09 11:00:00']);
    expect(what(first)).toEqual([
      ['kfz', 'free now', '2024-05-09 11:00:00', 1, ['1']],
      ['meldewesen', 'free now', '2024-05-07 08:00:00', 3, ['1']],
    ]);
    expect(first[1]).toMatchObject({ office: 'Meldewesen', siteName: 'Stadt Bonn', url: site.url, takenAt: '2024-05-06 09:00:00' });
    expect((await listWatches(store))[0]!.baselines).toEqual({ bonn: { meldewesen: '2024-05-06 09:00:00', kfz: '2024-05-06 09:00:00' } });
    // From then on only what newly comes free.
    expect(what(await round('2024-05-06 09:15:00', [...free, '2024-05-08 11:00:00'], ['2024-05-09 11:00:00']))).toEqual([['meldewesen', 'cancellation', '2024-05-08 11:00:00', undefined, ['1']]]);
  });

  it('a cancelled early slot gives exactly one alert, named and linked; no repeats while it stays free; again when it comes back', async () => {
    await addWatch(store, { city: 'Bonn', office: 'Meldewesen', withinDays: 7 });
    expect(what(await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00', '2024-05-08 11:00:00'], ['2024-05-07 08:00:00']))).toEqual([
      ['meldewesen', 'free now', '2024-05-08 10:00:00', 2, ['1']],
    ]);
    expect(await round('2024-05-06 09:15:00', ['2024-05-08 10:00:00', '2024-05-08 11:00:00'])).toEqual([]);
    const cancelled = await round('2024-05-06 09:30:00', ['2024-05-08 08:00:00', '2024-05-08 10:00:00', '2024-05-08 11:00:00'], ['2024-05-07 09:00:00']);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ sourceId: 'bonn', locationId: 'meldewesen', office: 'Meldewesen', siteName: 'Stadt Bonn', city: 'Bonn', slot: '2024-05-08 08:00:00', kind: 'cancellation', url: 'https://termine.bonn.de/', takenAt: '2024-05-06 09:30:00', previousAt: '2024-05-06 09:15:00', watchIds: ['1'] });
    expect(await round('2024-05-06 09:45:00', ['2024-05-08 08:00:00', '2024-05-08 10:00:00', '2024-05-08 11:00:00'])).toEqual([]);
    expect(await round('2024-05-06 10:00:00', ['2024-05-08 10:00:00', '2024-05-08 11:00:00'])).toEqual([]); // booked again
    expect((await round('2024-05-06 10:15:00', ['2024-05-08 08:00:00', '2024-05-08 10:00:00', '2024-05-08 11:00:00'])).map((a) => a.slot)).toEqual(['2024-05-08 08:00:00']);
    const all = await listAlerts(store);
    expect(all.map((a) => a.kind)).toEqual(['free now', 'cancellation', 'cancellation']);
    expect(new Set(all.map((a) => a.id)).size).toBe(3);
    expect((await listAlerts(store, { since: '2024-05-06 09:30:00' })).map((a) => a.takenAt)).toEqual(['2024-05-06 09:30:00', '2024-05-06 10:15:00']);
  });

  it('a watch added after earlier snapshots has its own baseline; an older watch gets the same round slot by slot', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00']);
    await addWatch(store, { office: 'melde', withinDays: 7 });
    const next = await round('2024-05-06 09:15:00', ['2024-05-08 09:00:00', '2024-05-08 10:00:00']);
    expect(what(next)).toEqual([
      ['meldewesen', 'free now', '2024-05-08 09:00:00', 2, ['2']],
      ['meldewesen', 'cancellation', '2024-05-08 09:00:00', undefined, ['1']],
    ]);
    expect(what(await round('2024-05-06 09:30:00', ['2024-05-08 09:00:00', '2024-05-08 09:30:00', '2024-05-08 10:00:00']))).toEqual([
      ['meldewesen', 'cancellation', '2024-05-08 09:30:00', undefined, ['1', '2']],
    ]);
  });

  it('after a gap in scraping (over 3 h) the next snapshot is a baseline again: a summary, not every change', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00']);
    const later = ['2024-05-07 08:00:00', '2024-05-07 09:00:00', '2024-05-08 10:00:00', '2024-05-09 08:00:00'];
    expect(what(await round('2024-05-06 12:30:00', later))).toEqual([['meldewesen', 'free now', '2024-05-07 08:00:00', 4, ['1']]]);
    expect(what(await round('2024-05-06 12:45:00', [...later, '2024-05-09 09:00:00']))).toEqual([['meldewesen', 'cancellation', '2024-05-09 09:00:00', undefined, ['1']]]);
  });

  it('an office missing from the previous snapshot is a baseline when it comes back', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00'], ['2024-05-08 10:00:00']);
    await store.recordSnapshot({ sourceId: 'bonn', takenAt: '2024-05-06 09:15:00', locations: [{ locationId: 'meldewesen', name: 'Meldewesen', slots: ['2024-05-08 10:00:00'] }] });
    expect(await detectAlerts(store, site, '2024-05-06 09:15:00')).toEqual([]);
    expect(what(await round('2024-05-06 09:30:00', ['2024-05-08 10:00:00'], ['2024-05-08 10:00:00', '2024-05-08 11:00:00']))).toEqual([
      ['kfz', 'free now', '2024-05-08 10:00:00', 2, ['1']],
    ]);
  });

  it('detecting the same snapshot twice (or a repeated record) raises nothing new', async () => {
    await addWatch(store, { office: 'bonn/*', before: '2024-06-01' });
    expect(await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00'], ['2024-05-07 08:00:00'])).toHaveLength(2);
    expect(await detectAlerts(store, site, '2024-05-06 09:00:00')).toEqual([]);
    expect(await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00', '2024-05-08 12:00:00'])).toEqual([]);
    expect(await round('2024-05-06 09:15:00', ['2024-05-08 10:00:00', '2024-05-08 12:00:00'], ['2024-05-07 08:00:00'])).toHaveLength(1);
    expect(await detectAlerts(store, site, '2024-05-06 09:15:00')).toEqual([]);
    expect(await listAlerts(store)).toHaveLength(3);
  });

  it('several watches wanting one slot: one alert listing them; slots no watch wants: none', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 3 });
    await addWatch(store, { office: 'melde', withinDays: 30, hours: { from: 8, to: 12 } });
    await addWatch(store, { city: 'Köln', withinDays: 30 });
    await round('2024-05-06 08:45:00', []);
    const alerts = await round('2024-05-06 09:00:00', ['2024-05-08 10:00:00', '2024-05-20 10:00:00', '2024-05-08 14:00:00']);
    expect(alerts.map((a) => [a.slot, a.watchIds])).toEqual([
      ['2024-05-08 10:00:00', ['1', '2']],
      ['2024-05-08 14:00:00', ['1']],
      ['2024-05-20 10:00:00', ['2']],
    ]);
  });

  it('alerts stored before summaries and counts (no count, old kinds) still list', async () => {
    const old = { id: '2024-05-06 09:00:00|bonn|meldewesen|2024-05-08 10:00:00', sourceId: 'bonn', locationId: 'meldewesen', office: 'Meldewesen', siteName: 'Stadt Bonn', city: 'Bonn', slot: '2024-05-08 10:00:00', kind: 'new day', url: site.url, takenAt: '2024-05-06 09:00:00', watchIds: ['1'] };
    await store.db.put(key('a', old.takenAt, 'bonn', 'meldewesen', old.slot), Buffer.from(JSON.stringify(old)));
    expect(await listAlerts(store)).toEqual([old]);
  });
});
