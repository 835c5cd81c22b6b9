import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appearedSlots } from '../../store/alert-diff.js';
import { detectAlerts, listAlerts, type AlertSite } from '../../store/alerts.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { key, PREFIX } from '../../store/keys.js';
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
  await store.recordSnapshot({
    sourceId: 'bonn',
    takenAt,
    locations: [
      { locationId: 'meldewesen', name: 'Meldewesen', slots: melde },
      { locationId: 'kfz', name: 'Kfz-Zulassung', slots: kfz },
    ],
  });
  return detectAlerts(store, site, takenAt);
}
const what = (alerts: Awaited<ReturnType<typeof round>>) =>
  alerts.map((a) => [a.locationId, a.kind, a.slot, a.count, a.watchIds]);
/** May 2024, Berlin wall clock: a slot on a day, and a snapshot time on the 6th. */
const on = (day: number, time: string) => `2024-05-${String(day).padStart(2, '0')} ${time}:00`;
const t = (time: string) => on(6, time);

describe('appearedSlots (pure)', () => {
  it('new slots only; "new day" for days without free slots before or beyond the horizon, else "cancellation"', () => {
    const prev = ['2024-05-07 08:00:00', '2024-05-09 08:00:00'];
    expect(appearedSlots(prev, [...prev])).toEqual([]);
    expect(
      appearedSlots(prev, ['2024-05-07 07:30:00', '2024-05-07 08:00:00', '2024-05-08 09:00:00', '2024-05-10 08:00:00']),
    ).toEqual([
      { slot: '2024-05-07 07:30:00', kind: 'cancellation' },
      { slot: '2024-05-08 09:00:00', kind: 'new day' },
      { slot: '2024-05-10 08:00:00', kind: 'new day' },
    ]);
    expect(appearedSlots([], ['2024-05-07 08:00:00'])).toEqual([{ slot: '2024-05-07 08:00:00', kind: 'new day' }]);
  });
});

describe('detectAlerts', () => {
  it('no watches: nothing read or written', async () => {
    expect(await round(t('09:00'), [on(7, '08:00')])).toEqual([]);
    expect(await listAlerts(store)).toEqual([]);
  });

  it('the first snapshot is the baseline: one "free now" per office, with the count and earliest slot', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    const free = [on(7, '08:00'), on(7, '08:30'), on(8, '10:00'), on(20, '10:00')];
    const first = await round(t('09:00'), free, [on(9, '11:00')]);
    expect(what(first)).toEqual([
      ['kfz', 'free now', on(9, '11:00'), 1, ['1']],
      ['meldewesen', 'free now', on(7, '08:00'), 3, ['1']],
    ]);
    expect(first[1]).toMatchObject({ office: 'Meldewesen', siteName: 'Stadt Bonn', takenAt: t('09:00') });
    expect(first[1]!.url).toBe(site.url);
    expect((await listWatches(store))[0]!.baselines).toEqual({ bonn: { meldewesen: t('09:00'), kfz: t('09:00') } });
    // From then on only what newly comes free.
    const next = await round(t('09:15'), [...free, on(8, '11:00')], [on(9, '11:00')]);
    expect(what(next)).toEqual([['meldewesen', 'cancellation', on(8, '11:00'), undefined, ['1']]]);
  });

  it('a cancelled early slot is one alert, named and linked; none while it stays free; again when back', async () => {
    await addWatch(store, { city: 'Bonn', office: 'Meldewesen', withinDays: 7 });
    const usual = [on(8, '10:00'), on(8, '11:00')];
    const first = await round(t('09:00'), usual, [on(7, '08:00')]);
    expect(what(first)).toEqual([['meldewesen', 'free now', on(8, '10:00'), 2, ['1']]]);
    expect(await round(t('09:15'), usual)).toEqual([]);
    const cancelled = await round(t('09:30'), [on(8, '08:00'), ...usual], [on(7, '09:00')]);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({
      sourceId: 'bonn',
      locationId: 'meldewesen',
      office: 'Meldewesen',
      siteName: 'Stadt Bonn',
      city: 'Bonn',
      slot: on(8, '08:00'),
      kind: 'cancellation',
      url: 'https://termine.bonn.de/',
      takenAt: t('09:30'),
      previousAt: t('09:15'),
      watchIds: ['1'],
    });
    expect(await round(t('09:45'), [on(8, '08:00'), ...usual])).toEqual([]);
    expect(await round(t('10:00'), usual)).toEqual([]); // booked again
    expect((await round(t('10:15'), [on(8, '08:00'), ...usual])).map((a) => a.slot)).toEqual([on(8, '08:00')]);
    const all = await listAlerts(store);
    expect(all.map((a) => a.kind)).toEqual(['free now', 'cancellation', 'cancellation']);
    expect(new Set(all.map((a) => a.id)).size).toBe(3);
    expect((await listAlerts(store, { since: t('09:30') })).map((a) => a.takenAt)).toEqual([t('09:30'), t('10:15')]);
  });

  it('a watch added after earlier snapshots has a baseline of its own; an older one gets slot alerts', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    await round(t('09:00'), [on(8, '10:00')]);
    await addWatch(store, { office: 'melde', withinDays: 7 });
    expect(what(await round(t('09:15'), [on(8, '09:00'), on(8, '10:00')]))).toEqual([
      ['meldewesen', 'free now', on(8, '09:00'), 2, ['2']],
      ['meldewesen', 'cancellation', on(8, '09:00'), undefined, ['1']],
    ]);
    expect(what(await round(t('09:30'), [on(8, '09:00'), on(8, '09:30'), on(8, '10:00')]))).toEqual([
      ['meldewesen', 'cancellation', on(8, '09:30'), undefined, ['1', '2']],
    ]);
  });

  it('after a gap in scraping (over 3 h) the next snapshot is a baseline again: a summary, not changes', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    await round(t('09:00'), [on(8, '10:00')]);
    const later = [on(7, '08:00'), on(7, '09:00'), on(8, '10:00'), on(9, '08:00')];
    expect(what(await round(t('12:30'), later))).toEqual([['meldewesen', 'free now', on(7, '08:00'), 4, ['1']]]);
    const next = await round(t('12:45'), [...later, on(9, '09:00')]);
    expect(what(next)).toEqual([['meldewesen', 'cancellation', on(9, '09:00'), undefined, ['1']]]);
  });

  it('an office missing from the previous snapshot is a baseline when it comes back', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 7 });
    await round(t('09:00'), [on(8, '10:00')], [on(8, '10:00')]);
    const melde = { locationId: 'meldewesen', name: 'Meldewesen', slots: [on(8, '10:00')] };
    await store.recordSnapshot({ sourceId: 'bonn', takenAt: t('09:15'), locations: [melde] });
    expect(await detectAlerts(store, site, t('09:15'))).toEqual([]);
    const back = await round(t('09:30'), [on(8, '10:00')], [on(8, '10:00'), on(8, '11:00')]);
    expect(what(back)).toEqual([['kfz', 'free now', on(8, '10:00'), 2, ['1']]]);
  });

  it('detecting the same snapshot twice (or a repeated record) raises nothing new', async () => {
    await addWatch(store, { office: 'bonn/*', before: '2024-06-01' });
    expect(await round(t('09:00'), [on(8, '10:00')], [on(7, '08:00')])).toHaveLength(2);
    expect(await detectAlerts(store, site, t('09:00'))).toEqual([]);
    expect(await round(t('09:00'), [on(8, '10:00'), on(8, '12:00')])).toEqual([]);
    expect(await round(t('09:15'), [on(8, '10:00'), on(8, '12:00')], [on(7, '08:00')])).toHaveLength(1);
    expect(await detectAlerts(store, site, t('09:15'))).toEqual([]);
    expect(await listAlerts(store)).toHaveLength(3);
  });

  it('several watches wanting one slot: one alert listing them; slots no watch wants: none', async () => {
    await addWatch(store, { city: 'Bonn', withinDays: 3 });
    await addWatch(store, { office: 'melde', withinDays: 30, hours: { from: 8, to: 12 } });
    await addWatch(store, { city: 'Köln', withinDays: 30 });
    await round(t('08:45'), []);
    const alerts = await round(t('09:00'), [on(8, '10:00'), on(20, '10:00'), on(8, '14:00')]);
    expect(alerts.map((a) => [a.slot, a.watchIds])).toEqual([
      [on(8, '10:00'), ['1', '2']],
      [on(8, '14:00'), ['1']],
      [on(20, '10:00'), ['2']],
    ]);
  });

  it('alerts stored before summaries and counts (no count, old kinds) still list', async () => {
    const [slot, takenAt] = [on(8, '10:00'), t('09:00')];
    const old = {
      id: `${takenAt}|bonn|meldewesen|${slot}`,
      ...{ sourceId: 'bonn', locationId: 'meldewesen', office: 'Meldewesen', siteName: 'Stadt Bonn', city: 'Bonn' },
      ...{ slot, kind: 'new day', url: site.url, takenAt, watchIds: ['1'] },
    };
    await store.db.put(key(PREFIX.alert, takenAt, 'bonn', 'meldewesen', slot), Buffer.from(JSON.stringify(old)));
    expect(await listAlerts(store)).toEqual([old]);
  });
});
