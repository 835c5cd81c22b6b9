import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stepCursor, atOrBefore } from '../../source/tui/data/cursor.js';
import type { CityFrame } from '../../source/tui/data/app-data.js';
import { buildSlotGrid, effectiveDay, slotDays, type CellMark } from '../../source/tui/data/slot-grid.js';
import { sumHourly, timelineSeries } from '../../source/tui/data/timeline-series.js';
import { sampleData } from './fake-watch-data.js';

describe('slot grid', () => {
  const frame = sampleData().frames.get('Bonn')![1]!;

  test('marks free, booked since the previous snapshot and freed ones, for one day', () => {
    const grid = buildSlotGrid(frame);
    expect(grid.days).toEqual(['2021-08-10', '2021-08-11']);
    expect(grid.day).toBe('2021-08-10');
    expect(grid.rows).toEqual([
      { time: '07:45', cells: ['booked', 'none', 'none'] },
      { time: '07:50', cells: ['none', 'free', 'none'] },
      { time: '07:55', cells: ['freed', 'none', 'none'] },
    ]);
    expect(grid).toMatchObject({ booked: 1, freed: 1, free: 1 });
  });

  test('another day; a day without slots falls to the next one that has', () => {
    expect(buildSlotGrid(frame, '2021-08-11').rows.map((r) => r.time)).toEqual(['09:00', '10:00']);
    expect(effectiveDay(['2021-08-10', '2021-08-12'], '2021-08-11')).toBe('2021-08-12');
    expect(effectiveDay(['2021-08-10'], '2021-09-01')).toBe('2021-08-10');
    expect(effectiveDay([], undefined)).toBeUndefined();
  });

  test('matches a plain reading of any frame, on every day: days, rows and counts', () => {
    const slot = fc.record({ day: fc.integer({ min: 10, max: 13 }), hour: fc.integer({ min: 7, max: 9 }), minute: fc.constantFrom('00', '30') }).map(({ day, hour, minute }) => `2021-08-${day} 0${hour}:${minute}:00`);
    const slots = fc.uniqueArray(slot, { maxLength: 12 }).map((list) => list.sort());
    const column = fc.record({ slots, previous: fc.option(slots, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 4 }), (columns) => {
        const frame: CityFrame = { city: 'X', columns: columns.map((c, i) => ({ sourceId: 's', locationId: `l${i}`, name: `L${i}`, slots: c.slots, ...(c.previous ? { previous: c.previous } : {}) })) };
        const expected = referenceDays(frame);
        expect(slotDays(frame)).toEqual(expected);
        for (const day of expected) {
          const grid = buildSlotGrid(frame, day);
          const rows = referenceRows(frame, day);
          expect(grid.rows).toEqual(rows);
          const count = (mark: CellMark) => rows.flatMap((row) => row.cells).filter((cell) => cell === mark).length;
          expect([grid.free, grid.freed, grid.booked]).toEqual([count('free'), count('freed'), count('booked')]);
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
    expect(grid.rows.flatMap((r) => r.cells).filter((c) => c === 'booked' || c === 'freed')).toEqual([]);
  });
});

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
      [{ hour: '2021-08-10 10:00:00', appointments: 1, cancellations: 0 }, { hour: '2021-08-01 10:00:00', appointments: 9, cancellations: 9 }],
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

/** What slotDays and buildSlotGrid compute, the plain way: membership tests, no sortedness assumed. */
function referenceDays(frame: CityFrame): string[] {
  const days = new Set<string>();
  for (const { slots, previous = [] } of frame.columns) for (const slot of [...slots, ...previous.filter((p) => !slots.includes(p))]) days.add(slot.slice(0, 10));
  return [...days].sort();
}

function referenceRows(frame: CityFrame, day: string): { time: string; cells: CellMark[] }[] {
  const times = new Set(frame.columns.flatMap((c) => [...c.slots, ...(c.previous ?? [])]).filter((s) => s.startsWith(day)).map((s) => s.slice(11, 16)));
  return [...times].sort().map((time) => ({
    time,
    cells: frame.columns.map(({ slots, previous }): CellMark => {
      const slot = `${day} ${time}:00`;
      if (slots.includes(slot)) return previous && !previous.includes(slot) ? 'freed' : 'free';
      return previous?.includes(slot) ? 'booked' : 'none';
    }),
  }));
}
