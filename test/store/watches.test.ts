import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoWeekday, patternMatcher, watchCovers, watchWantsSlot } from '../../store/alert-match.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { addWatch, listWatches, normalizedSpec, removeWatch, WatchExistsError } from '../../store/watches.js';
import type { Watch } from '../../store/watches.js';

let dir: string;
let store: LevelStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-watches-'));
  store = await openStore(join(dir, 'db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watches in the store', () => {
  it('adds with increasing ids, lists, removes, never reuses an id', async () => {
    const a = await addWatch(store, { city: 'Bonn', withinDays: 7 }, new Date('2024-05-01T10:00:00Z'));
    const b = await addWatch(store, { office: 'bonn/*', before: '2024-06-01' });
    expect([a.id, b.id]).toEqual(['1', '2']);
    expect(a.createdAt).toBe('2024-05-01T10:00:00.000Z');
    expect((await listWatches(store)).map((w) => w.id)).toEqual(['1', '2']);
    expect(await removeWatch(store, '1')).toBe(true);
    expect(await removeWatch(store, '1')).toBe(false);
    expect(await removeWatch(store, 'x')).toBe(false);
    expect((await addWatch(store, { city: 'Köln', withinDays: 1 })).id).toBe('3');
    expect((await listWatches(store)).map((w) => w.id)).toEqual(['2', '3']);
  });

  it('an identical watch (same spec once normalised) is refused, naming the one there is; nothing stored', async () => {
    const first = await addWatch(store, { city: 'Bonn', withinDays: 14, weekdays: [1, 5], hours: { from: 8, to: 12 } });
    const again = addWatch(store, { city: ' bonn ', withinDays: 14, weekdays: [5, 1], hours: { from: 8, to: 12 } });
    await expect(again).rejects.toBeInstanceOf(WatchExistsError);
    await expect(again).rejects.toMatchObject({ code: 'WATCH_EXISTS', existing: first });
    // Different in one part: a watch of its own.
    const narrow = { weekdays: [1, 5] as Watch['weekdays'], hours: { from: 8, to: 12 } };
    expect((await addWatch(store, { city: 'Bonn', withinDays: 7, ...narrow })).id).toBe('2');
    expect((await addWatch(store, { city: 'Bonn', office: 'melde', withinDays: 14, ...narrow })).id).toBe('3');
    expect((await listWatches(store)).map((w) => w.id)).toEqual(['1', '2', '3']);
    // All seven days and 0-24 h are no narrowing at all.
    const everyDay = { weekdays: [1, 2, 3, 4, 5, 6, 7] as Watch['weekdays'], hours: { from: 0, to: 24 } };
    const plain = normalizedSpec({ city: 'BONN', withinDays: 3 });
    expect(normalizedSpec({ city: 'Bonn', withinDays: 3, ...everyDay })).toBe(plain);
    // Two at once: one wins.
    const kfz = (office: string) => addWatch(store, { office, before: '2030-01-01' });
    const both = await Promise.allSettled([kfz('kfz'), kfz('KFZ')]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    // Removed, it may be added again.
    expect(await removeWatch(store, '1')).toBe(true);
    expect((await addWatch(store, { city: 'Bonn', withinDays: 14, ...narrow })).id).toBe('5');
  });

  it('ids sort numerically past 9', async () => {
    for (let i = 0; i < 11; i++) await addWatch(store, { city: 'Bonn', withinDays: i });
    expect((await listWatches(store)).map((w) => w.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
  });
});

const watch = (spec: Partial<Watch>): Watch => ({ id: '1', createdAt: '', ...spec });
const place = { sourceId: 'bonn', locationId: 'meldewesen', locationName: 'Meldewesen', city: 'Bonn' };

describe('watch matching (pure)', () => {
  it('place: city and office patterns (ids or names, wildcards, case-insensitive)', () => {
    expect(watchCovers(watch({ city: 'bonn' }), place)).toBe(true);
    expect(watchCovers(watch({ city: 'Köln' }), place)).toBe(false);
    expect(watchCovers(watch({ office: 'bonn/*' }), place)).toBe(true);
    expect(watchCovers(watch({ office: 'melde' }), place)).toBe(true);
    expect(watchCovers(watch({ office: 'bonn/kfz*' }), place)).toBe(false);
    expect(watchCovers(watch({ city: 'Bonn', office: 'Kfz' }), place)).toBe(false);
    expect(patternMatcher('b?nn')('Bonn')).toBe(true);
  });

  it('time: before, within, weekdays, hours; never a slot in the past', () => {
    const takenAt = '2024-05-06 09:00:00'; // a Monday
    expect(isoWeekday(takenAt)).toBe(1);
    expect(watchWantsSlot(watch({ before: '2024-05-08' }), '2024-05-07 10:00:00', takenAt)).toBe(true);
    expect(watchWantsSlot(watch({ before: '2024-05-08' }), '2024-05-08 10:00:00', takenAt)).toBe(false);
    expect(watchWantsSlot(watch({ withinDays: 2 }), '2024-05-08 17:00:00', takenAt)).toBe(true);
    expect(watchWantsSlot(watch({ withinDays: 2 }), '2024-05-09 07:00:00', takenAt)).toBe(false);
    expect(watchWantsSlot(watch({ withinDays: 2 }), '2024-05-06 08:00:00', takenAt)).toBe(false);
    expect(watchWantsSlot(watch({ withinDays: 9, weekdays: [2, 4] }), '2024-05-07 10:00:00', takenAt)).toBe(true);
    expect(watchWantsSlot(watch({ withinDays: 9, weekdays: [2, 4] }), '2024-05-08 10:00:00', takenAt)).toBe(false);
    expect(watchWantsSlot(watch({ withinDays: 9, hours: { from: 8, to: 12 } }), '2024-05-07 08:00:00', takenAt)).toBe(
      true,
    );
    expect(watchWantsSlot(watch({ withinDays: 9, hours: { from: 8, to: 12 } }), '2024-05-07 11:55:00', takenAt)).toBe(
      true,
    );
    expect(watchWantsSlot(watch({ withinDays: 9, hours: { from: 8, to: 12 } }), '2024-05-07 12:00:00', takenAt)).toBe(
      false,
    );
    expect(watchWantsSlot(watch({ withinDays: 9, hours: { from: 8, to: 12 } }), '2024-05-07 07:50:00', takenAt)).toBe(
      false,
    );
  });
});
