import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHistory, openStore, type HistorySummary, type LevelStore, type Snapshot } from '../../store/index.js';
import type { EventRow, SlotRow, SnapshotRow } from '../../store/history-tables.js';
import { formatWallTime } from '../../core/wall-clock.js';

// A source recorded live (as the app does): two offices, a quarter-hour apart, over a week boundary, with a
// failed scrape and a snapshot that leaves one office out.
const root = mkdtempSync(join(tmpdir(), 'office-watch-history-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (time: string) => `2021-07-${time}:00`;
const snapshot = (time: string, locations: Record<string, string[]>): Snapshot => ({
  sourceId: 'town',
  takenAt: at(time),
  locations: Object.entries(locations).map(([locationId, slots]) => ({
    locationId,
    name: `Office ${locationId}`,
    slots: slots.map(at),
  })),
});

const SNAPSHOTS = [
  snapshot('18 23:15', { a: ['20 09:00', '20 09:15', '20 09:30', '20 10:00'], b: ['21 08:00'] }),
  snapshot('18 23:30', { a: ['20 09:00', '20 09:30', '20 10:00'], b: ['21 08:00'] }),
  snapshot('18 23:45', { a: ['20 09:00', '20 09:30', '20 10:00'], b: ['21 08:00'] }),
  // Monday: a new ISO week (2021-29).
  snapshot('19 00:00', { a: ['20 09:00', '20 09:15', '20 09:30', '20 10:00'], b: ['21 08:00'] }),
  snapshot('19 00:15', { a: ['20 09:00', '20 09:15', '20 10:00'] }),
  snapshot('19 00:30', { a: ['20 09:00', '20 09:15', '20 10:00'], b: ['21 08:00', '21 08:30'] }),
];

interface Collected {
  slots: (SlotRow & { week: string })[];
  events: (EventRow & { week: string })[];
  snapshots: (SnapshotRow & { week: string })[];
  closed: string[];
  summary: HistorySummary;
}

async function exportAll(store: LevelStore, filter: { from?: string; to?: string } = {}): Promise<Collected> {
  const out: Omit<Collected, 'summary'> = { slots: [], events: [], snapshots: [], closed: [] };
  const summary = await exportHistory(
    store,
    { sources: ['town'], ...filter },
    (week) => ({
      slot: (row) => out.slots.push({ ...row, week }),
      event: (row) => out.events.push({ ...row, week }),
      snapshot: (row) => out.snapshots.push({ ...row, week }),
    }),
    (week) => out.closed.push(week),
  );
  return { ...out, summary };
}

describe('exportHistory over a live-recorded source', () => {
  let store: LevelStore;
  let all: Collected;
  beforeAll(async () => {
    store = await openStore(join(root, 'db'));
    for (const s of SNAPSHOTS) await store.recordSnapshot(s);
    await store.recordRun({
      sourceId: 'town',
      startedAt: '2021-07-18T21:20:00.000Z',
      durationMs: 30_000,
      ok: false,
      requests: 1,
      error: { kind: 'timeout', message: 'no answer in 30 s' },
    });
    all = await exportAll(store);
  });
  afterAll(() => store.close());

  it('replays the published counts the store recorded, event by event', async () => {
    expect(all.summary.mismatches).toBe(0);
    const [stats] = await store.stats();
    const published = all.events.filter((e) => e.rules === 'published');
    expect(published.filter((e) => e.kind === 'booking')).toHaveLength(stats!.appointments);
    expect(published.filter((e) => e.kind === 'cancellation')).toHaveLength(stats!.cancellations);
    const improved = all.events.filter((e) => e.rules === 'improved');
    const hourly = await store.hourly('town');
    expect(improved.filter((e) => e.kind === 'booking')).toHaveLength(
      hourly.reduce((sum, h) => sum + h.appointments, 0),
    );
    expect(improved.filter((e) => e.kind === 'cancellation')).toHaveLength(
      hourly.reduce((sum, h) => sum + h.cancellations, 0),
    );
    // 09:15 went at 23:30 (a booking by either rule set), came back at 00:00 Monday (a cancellation).
    const slot915 = all.events.filter((e) => formatWallTime(e.slot) === at('20 09:15') && e.rules === 'improved');
    expect(slot915.map((e) => [e.kind, formatWallTime(e.seen_at), e.week])).toEqual([
      ['booking', at('18 23:30'), '2021-28'],
      ['cancellation', at('19 00:00'), '2021-29'],
    ]);
    expect(slot915[0]!.horizon_hours).toBe(34); // Sunday 23:00 → Tuesday 09:00
  });

  it('gives runs of free slots that break at the week, at a gap and where the slot goes', () => {
    const runs = all.slots.map((r) => {
      const run = `${formatWallTime(r.free_from).slice(8, 16)}…${formatWallTime(r.free_to).slice(11, 16)}`;
      return `${r.location} ${formatWallTime(r.slot).slice(8, 16)} ${run} ×${r.snapshots} ${r.week}`;
    });
    expect(runs.filter((r) => r.startsWith('b '))).toEqual([
      'b 21 08:00 18 23:15…23:45 ×3 2021-28',
      'b 21 08:00 19 00:00…00:00 ×1 2021-29', // b is missing from 00:15: the run ends there
      'b 21 08:00 19 00:30…00:30 ×1 2021-29',
      'b 21 08:30 19 00:30…00:30 ×1 2021-29',
    ]);
    expect(runs.filter((r) => r.startsWith('a 20 09:15'))).toEqual([
      'a 20 09:15 18 23:15…23:15 ×1 2021-28',
      'a 20 09:15 19 00:00…00:30 ×3 2021-29',
    ]);
    expect(all.slots.every((r) => r.location_name === `Office ${r.location}`)).toBe(true);
  });

  it('lists stored snapshots and failed scrapes, in Berlin wall clock', () => {
    const rows = all.snapshots.map((r) => [
      formatWallTime(r.taken_at),
      r.locations,
      r.free_slots,
      r.status,
      r.error,
      r.week,
    ]);
    expect(rows).toContainEqual([at('18 23:20'), 0, 0, 'failed', 'timeout: no answer in 30 s', '2021-28']);
    expect(rows.filter((r) => r[3] === 'ok')).toHaveLength(SNAPSHOTS.length);
    expect(rows).toContainEqual([at('19 00:15'), 1, 3, 'ok', '', '2021-29']);
    expect(all.closed).toEqual(['2021-28', '2021-29']);
  });

  it("keeps to --from/--to but replays from the start: the range's events are those of the whole export", async () => {
    const part = await exportAll(store, { from: at('19 00:00'), to: at('19 00:15') });
    expect(part.closed).toEqual(['2021-29']);
    expect(part.snapshots.map((r) => formatWallTime(r.taken_at))).toEqual([at('19 00:00'), at('19 00:15')]);
    const inRange = (e: EventRow) =>
      formatWallTime(e.seen_at) >= at('19 00:00') && formatWallTime(e.seen_at) <= at('19 00:15');
    expect(part.events.map(({ week: _, ...e }) => e)).toEqual(all.events.filter(inRange).map(({ week: _, ...e }) => e));
    expect(part.events.length).toBeGreaterThan(0);
  });
});
