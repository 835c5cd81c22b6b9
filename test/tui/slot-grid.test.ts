import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stepCursor, atOrBefore } from '../../source/tui/data/cursor.js';
import type { CityFrame, FrameColumn } from '../../source/tui/data/app-data.js';
import { acrossGap } from '../../source/tui/data/column-changes.js';
import { buildSlotGrid, effectiveDay, slotDays, type CellMark } from '../../source/tui/data/slot-grid.js';
import { msToWall, wallToMs } from '../../core/wall-clock.js';
import { sumHourly, timelineSeries } from '../../source/tui/data/timeline-series.js';
import { emptyImprovedState, inferImproved } from '../../store/improved-inference.js';
import { formatWallTime, parseWallTime } from '../../core/wall-clock.js';
import { sampleData } from './fake-watch-data.js';

/** A column of Bonn at `at` (previous snapshot at `previousAt`): 'DD HH:MM' slots of August 2021. */
function column(
  locationId: string,
  now: string[],
  previous?: string[],
  at = '2021-08-10 12:00:00',
  previousAt = '2021-08-10 11:45:00',
): FrameColumn {
  const wall = (slot: string) => `2021-08-${slot}:00`;
  const base: FrameColumn = { sourceId: 'bonn', locationId, name: locationId, takenAt: at, slots: now.map(wall) };
  return previous ? { ...base, previousAt, previous: previous.map(wall) } : base;
}

const at = (time: string) => `2021-08-10 ${time}:00`;

describe('slot grid', () => {
  const frame = sampleData().frames.get('Bonn')![1]!;
  const marked: CityFrame = {
    city: 'Bonn',
    at: '2021-08-10 12:00:00',
    columns: [
      column('a', ['10 12:30', '10 12:55', '13 10:00'], ['10 11:50', '10 12:30', '10 12:45', '12 09:00', '12 09:15']),
      column('b', ['10 12:50'], ['10 12:50']),
      column('c', ['11 10:00'], []),
    ],
  };

  test('marks by the improved rules: free, booked, freed, passed, a day withdrawn; new days plain free', () => {
    const grid = buildSlotGrid(marked);
    expect(grid.days).toEqual(['2021-08-10', '2021-08-11', '2021-08-12', '2021-08-13']);
    expect(grid.day).toBe('2021-08-10');
    expect(grid.rows).toEqual([
      // 11:50 starts within a slot length (15 min) of 12:00: passed, not booked.
      { time: '11:50', cells: ['passed', 'none', 'none'] },
      { time: '12:30', cells: ['free', 'none', 'none'] },
      { time: '12:45', cells: ['booked', 'none', 'none'] },
      { time: '12:50', cells: ['none', 'free', 'none'] },
      { time: '12:55', cells: ['freed', 'none', 'none'] },
    ]);
    expect(grid).toMatchObject({ booked: 1, freed: 1, free: 2, passed: 1, withdrawn: 0, gap: false });
    // Both slots of the 12th gone at once: the day was withdrawn. The 13th is past the calendar's previous end: new.
    const withdrawn: CellMark[] = ['withdrawn', 'none', 'none'];
    expect(buildSlotGrid(marked, '2021-08-12')).toMatchObject({
      rows: [
        { time: '09:00', cells: withdrawn },
        { time: '09:15', cells: withdrawn },
      ],
      withdrawn: 2,
      booked: 0,
    });
    const newDay = buildSlotGrid(marked, '2021-08-13');
    expect(newDay).toMatchObject({ rows: [{ time: '10:00', cells: ['free', 'none', 'none'] }], freed: 0, free: 1 });
    const firstDay = buildSlotGrid(marked, '2021-08-11');
    expect(firstDay).toMatchObject({ rows: [{ time: '10:00', cells: ['none', 'none', 'free'] }], freed: 0 });
  });

  test('issue 15: slots that ran out are passed, not booked (the demo at 07:39; Bonn, before its first free)', () => {
    const before = ['10 07:30', '10 07:40', '10 07:50', '10 08:00'];
    const demoColumn = column('m', before.slice(2), before, at('07:39'), at('07:24'));
    const demo = buildSlotGrid({ city: 'D', columns: [demoColumn] });
    expect(demo.rows.slice(0, 2)).toEqual([
      { time: '07:30', cells: ['passed'] },
      { time: '07:40', cells: ['passed'] },
    ]);
    expect(demo).toMatchObject({ booked: 0, passed: 2 });
    const earlier = ['10 09:35', '10 09:40', '10 09:45', '10 09:50', '10 10:30'];
    const bonnColumn = column('f', earlier.slice(3), earlier, at('08:48'), at('08:33'));
    const bonn = buildSlotGrid({ city: 'B', columns: [bonnColumn] });
    const marks = bonn.rows.map((row) => `${row.time} ${row.cells[0]}`);
    expect(marks).toEqual(['09:35 passed', '09:40 passed', '09:45 passed', '09:50 free', '10:30 free']);
    expect(bonn).toMatchObject({ booked: 0, passed: 3 });
  });

  test('across a gap in scraping of over 3 hours nothing counts: no change marks, and the grid says so', () => {
    const before = ['10 12:30', '10 12:45', '11 09:00'];
    const gap = buildSlotGrid({ city: 'Bonn', columns: [column('a', ['10 12:30'], before, at('12:00'), at('08:40'))] });
    expect(gap.rows).toEqual([{ time: '12:30', cells: ['free'] }]);
    expect(gap.days).toEqual(['2021-08-10']);
    expect(gap).toMatchObject({ booked: 0, passed: 0, gap: true });
  });

  test('another day; a day without slots falls to the next one that has', () => {
    expect(buildSlotGrid(frame, '2021-08-11').rows.map((r) => r.time)).toEqual(['09:00', '10:00']);
    expect(effectiveDay(['2021-08-10', '2021-08-12'], '2021-08-11')).toBe('2021-08-12');
    expect(effectiveDay(['2021-08-10'], '2021-09-01')).toBe('2021-08-10');
    expect(effectiveDay([], undefined)).toBeUndefined();
  });

  test("agrees with the store's improved inference: its bookings are booked cells, its cancellations freed", () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const hour = fc.integer({ min: 7, max: 13 });
    const parts = { day: fc.integer({ min: 10, max: 13 }), hour, minute: fc.constantFrom(0, 15) };
    const slot = fc.record(parts).map(({ day, hour, minute }) => `2021-08-${day} ${two(hour)}:${two(minute)}:00`);
    const slots = fc.uniqueArray(slot, { maxLength: 14 }).map((list) => list.sort());
    const moment = fc.record({ day: fc.integer({ min: 9, max: 11 }), minutes: fc.integer({ min: 360, max: 840 }) });
    const gapMinutes = fc.constantFrom(15, 16, 60, 200, 300);
    const previous = fc.option(slots, { nil: undefined });
    const columns = fc.array(fc.record({ slots, previous, gapMinutes }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(moment, columns, ({ day, minutes }, list) => {
        const at = `2021-08-${two(day)} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:07`;
        const frame: CityFrame = {
          city: 'X',
          columns: list.map((c, i) => {
            const base: FrameColumn = {
              sourceId: 's',
              locationId: `l${i}`,
              name: `L${i}`,
              takenAt: at,
              slots: c.slots,
            };
            const previousAt = msToWall(wallToMs(at) - c.gapMinutes * 60_000);
            return c.previous ? { ...base, previous: c.previous, previousAt } : base;
          }),
        };
        const expected = referenceDays(frame);
        expect(slotDays(frame)).toEqual(expected);
        const inferred = frame.columns.map(storeEvents);
        for (const day of expected) {
          const grid = buildSlotGrid(frame, day);
          const cells = (mark: CellMark, c: number) =>
            grid.rows.filter((row) => row.cells[c] === mark).map((row) => `${day} ${row.time}:00`);
          frame.columns.forEach((column, c) => {
            const events = (kind: string) =>
              inferred[c]!.filter((e) => e.kind === kind && e.slot.startsWith(day)).map((e) => e.slot);
            expect(cells('booked', c)).toEqual(events('appointment'));
            expect(cells('freed', c)).toEqual(events('cancellation'));
            const now = column.slots.filter((s) => s.startsWith(day));
            expect([...cells('free', c), ...cells('freed', c)].sort()).toEqual(now);
            const gone = (column.previous ?? []).filter((s) => s.startsWith(day) && !column.slots.includes(s));
            const counted = inferred[c]!.length > 0 || !acrossGap(column);
            const vanished = [...cells('booked', c), ...cells('passed', c), ...cells('withdrawn', c)];
            if (counted) expect(vanished.sort()).toEqual(gone);
          });
          const all = grid.rows.flatMap((row) => row.cells);
          for (const mark of ['free', 'freed', 'booked', 'passed', 'withdrawn'] as const) {
            expect(grid[mark]).toBe(all.filter((cell) => cell === mark).length);
          }
        }
      }),
    );
  });

  test("a frame's days are worked out once: the same frame gives the same list", () => {
    const days = slotDays(frame);
    expect(slotDays(frame)).toBe(days);
    expect(slotDays({ ...frame })).not.toBe(days);
    expect(slotDays({ ...frame })).toEqual(days);
  });

  test('without a previous snapshot there are no change marks', () => {
    const grid = buildSlotGrid(sampleData().frames.get('Bonn')![0]!);
    expect(grid.rows.flatMap((r) => r.cells).filter((c) => c !== 'free' && c !== 'none')).toEqual([]);
  });
});

/** What the store's improved rules infer from a column's previous snapshot to its current one (no earlier bookings). */
function storeEvents(column: FrameColumn): { kind: string; slot: string }[] {
  if (!column.previous || !column.previousAt) return [];
  const seconds = (wall: string) => parseWallTime(wall);
  const state = emptyImprovedState();
  inferImproved(state, column.previous.map(seconds), seconds(column.previousAt));
  const events = inferImproved(state, column.slots.map(seconds), seconds(column.takenAt!));
  return events.map((e) => ({ kind: e.kind, slot: formatWallTime(e.slot) }));
}

describe('history cursor', () => {
  const times = ['a', 'b', 'c', 'd'];
  test('binary search and steps', () => {
    expect(atOrBefore(times, 'bb')).toBe(1);
    expect(atOrBefore(times, '0')).toBe(-1);
    expect(stepCursor(times, undefined, -1)).toBe('c');
    expect(stepCursor(times, 'b', -9)).toBe('a');
    expect(stepCursor(times, 'c', 1)).toBeUndefined();
    expect(stepCursor([], undefined, -1)).toBeUndefined();
  });
});

describe('timeline series', () => {
  test('168 hours into buckets, counts in their bucket, totals', () => {
    const counts = sumHourly([
      [{ hour: '2021-08-10 10:00:00', appointments: 2, cancellations: 1 }],
      [
        { hour: '2021-08-10 10:00:00', appointments: 1, cancellations: 0 },
        { hour: '2021-08-01 10:00:00', appointments: 9, cancellations: 9 },
      ],
    ]);
    const series = timelineSeries(counts, '2021-08-10 12:10:00', 42);
    expect(series.bucketHours).toBe(4);
    expect(series.bookings).toHaveLength(42);
    // Buckets start on the hours of a day that 4 divides; the last one holds the hour of the end, 12:00–15:59.
    expect(series.starts[0]).toBe('2021-08-03 16:00:00');
    expect(series.starts[41]).toBe('2021-08-10 12:00:00');
    expect(series.totalBookings).toBe(3);
    expect(series.totalCancellations).toBe(1);
    // 10:00 is in the bucket 08:00–11:59 of the last day
    expect(series.bookings[40]).toBe(3);
    expect(series.bookings.filter((n) => n > 0)).toEqual([3]);
  });
});

/** What slotDays computes, the plain way: days of the slots free now, and of those gone (not across a gap). */
function referenceDays(frame: CityFrame): string[] {
  const days = new Set<string>();
  for (const column of frame.columns) {
    const gone = acrossGap(column) ? [] : (column.previous ?? []).filter((p) => !column.slots.includes(p));
    for (const slot of [...column.slots, ...gone]) days.add(slot.slice(0, 10));
  }
  return [...days].sort();
}
