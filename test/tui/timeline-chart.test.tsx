import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { bucketHoursFor, timelineSeries, type TimelineSeries } from '../../source/tui/data/timeline-series.js';
import { chartRows, chartScale } from '../../source/tui/views/timeline-chart.js';
import { dateAxis } from '../../source/tui/views/timeline-dates.js';
import { startApp } from './app-harness.js';
import { sampleData } from './fake-watch-data.js';

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => app?.instance.unmount());

const UP = ' ▁▂▃▄▅▆▇█';
/** The eighths a hanging bar's character draws: a top eighth, a top half, a full block. */
const DOWN: Record<string, number> = { ' ': 0, '▔': 1, '▀': 4, '█': 8 };

/** A series of the given counts, one bucket each (as the chart sees it). */
function series(bookings: number[], cancellations: number[]): TimelineSeries {
  const two = (n: number) => String(n).padStart(2, '0');
  const starts = bookings.map((_, i) => `2021-07-${two(1 + Math.floor(i / 24))} ${two(i % 24)}:00:00`);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const totals = { totalBookings: sum(bookings), totalCancellations: sum(cancellations) };
  return { starts, bookings, cancellations, bucketHours: 1, spanHours: 168, ...totals };
}

/** What the chart says: its tick labels (value per row) and, per bucket, the height drawn above and below zero. */
function readChart(rows: ReturnType<typeof chartRows>, buckets: number) {
  const zero = rows.findIndex((row) => row.kind === 'zero');
  const up = rows.slice(0, zero);
  const down = rows.slice(zero + 1).filter((row) => row.kind === 'cancellations');
  const labels = rows.map((row) => row.label.slice(1, -1).trim());
  const column = Math.max(1, Math.floor(rows[zero]!.bars.length / buckets));
  const drawn = (part: typeof up, eighths: (char: string) => number) =>
    Array.from({ length: buckets }, (_, i) => part.reduce((sum, row) => sum + eighths(row.bars[i * column] ?? ' '), 0));
  const bookings = drawn(up, (c) => UP.indexOf(c));
  return { zero, up, down, labels, bookings, cancellations: drawn(down, (c) => DOWN[c]!) };
}

describe('the timeline chart: true axes', () => {
  const counts = fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 60 });
  const small = fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 60 });

  test('zero where zero is; whole, distinct ticks; a scale that holds the counts, bars as long as they', () => {
    fc.assert(
      fc.property(fc.oneof(counts, small), fc.oneof(counts, small), fc.integer({ min: 4, max: 36 }), (b, c, height) => {
        const length = Math.min(b.length, c.length);
        const s = series(b.slice(0, length), c.slice(0, length));
        const rows = chartRows(s, 80, height);
        const chart = readChart(rows, length);
        // One zero line, labelled 0, the only ┼; nothing but bookings above it and cancellations below.
        const crossed = rows.filter((row) => row.label.endsWith('┼'));
        expect(crossed.map((row) => row.label.slice(1, -1).trim())).toEqual(['0']);
        expect(chart.up.every((row) => row.kind === 'bookings')).toBe(true);
        expect(rows.length).toBeLessThanOrEqual(height + 1);
        // Ticks: whole numbers, none twice on a side, growing away from zero; ▲ above it, ▼ below.
        const ticks = (part: typeof rows) =>
          part
            .map((row) => row.label.slice(1, -1).trim())
            .filter(Boolean)
            .map(Number);

        const above = ticks(chart.up).reverse();
        const below = ticks(chart.down);
        for (const side of [above, below]) {
          expect(side.every(Number.isInteger)).toBe(true);
          expect(side.every((tick, i) => i === 0 || tick > side[i - 1]!)).toBe(true);
        }
        if (chart.up.length > 0) expect(chart.up.at(-1)!.label.startsWith('▲')).toBe(true);
        if (chart.down.length > 0) expect(chart.down[0]!.label.startsWith('▼')).toBe(true);
        // The outer tick is the scale's end, at least the largest count; each bar as long as its count.
        const scale = chartScale(Math.max(...s.bookings), Math.max(...s.cancellations), height - 1);
        const perRow = scale.step / scale.rowsPerStep;
        if (chart.up.length > 0) expect(above.at(-1)).toBe(chart.up.length * perRow);
        if (chart.up.length > 0) expect(above.at(-1)).toBeGreaterThanOrEqual(Math.max(...s.bookings));
        if (chart.down.length > 0) expect(below.at(-1)).toBeGreaterThanOrEqual(Math.max(...s.cancellations));
        s.bookings.forEach((value, i) => {
          expect(chart.bookings[i]! > 0).toBe(value > 0);
          expect(Math.abs((chart.bookings[i]! / 8) * perRow - value)).toBeLessThanOrEqual(perRow / 8 + 1e-9);
        });
        s.cancellations.forEach((value, i) => {
          expect(chart.cancellations[i]! > 0).toBe(value > 0);
          expect(Math.abs((chart.cancellations[i]! / 8) * perRow - value)).toBeLessThanOrEqual((perRow * 3) / 8 + 1e-9);
        });
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  test('little data: a bar where it happened and nothing else, not a line with a spike', () => {
    const one = series(
      Array.from({ length: 42 }, (_, i) => (i === 30 ? 1 : 0)),
      new Array(42).fill(0),
    );
    const rows = chartRows(one, 60, 12);
    const chart = readChart(rows, 42);
    expect(chart.bookings.filter((h) => h > 0)).toEqual([chart.bookings[30]]);
    const bars = rows.filter((row) => row.kind === 'bookings' || row.kind === 'cancellations');
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.every((row) => /^[ █▁-▇]*$/.test(row.bars))).toBe(true);
    // One count is one whole tick: the row labelled 1 is full, nothing above it.
    expect(chart.labels).toContain('1');
    expect(chart.bookings[30]! % 8).toBe(0);
  });
});

describe('timeline buckets', () => {
  test('7 days by the hour or a whole part of a day, 4 weeks by day at most, a year by week where it fits', () => {
    expect(bucketHoursFor(168, 168)).toBe(1);
    expect(bucketHoursFor(168, 46)).toBe(4);
    expect(bucketHoursFor(672, 46)).toBe(24);
    expect(bucketHoursFor(52 * 168, 52)).toBe(168);
    expect(bucketHoursFor(52 * 168, 40)).toBe(336);
  });
  test('a year: weeks from Monday, the last one holding the end; counts in the week they fall in', () => {
    const counts = [
      { hour: '2021-07-12 08:00:00', appointments: 3, cancellations: 1 },
      { hour: '2021-07-18 23:00:00', appointments: 2, cancellations: 0 },
      { hour: '2021-07-19 00:00:00', appointments: 5, cancellations: 0 },
      { hour: '2020-07-01 00:00:00', appointments: 99, cancellations: 99 },
    ];
    const s = timelineSeries(counts, '2021-07-20 10:30:00', 60, 52 * 168);
    expect(s.bucketHours).toBe(168);
    expect(s.starts).toHaveLength(52);
    expect(s.starts.at(-1)).toBe('2021-07-19 00:00:00');
    expect(s.starts[0]).toBe('2020-07-27 00:00:00');
    expect(s.bookings.slice(-2)).toEqual([5, 5]);
    expect(s.totalBookings).toBe(10);
  });
});

describe('the dates under the chart', () => {
  const marks = (line: string) => [...line.matchAll(/╵(\S+)/g)].map((m) => [m.index, m[1]]);
  test('7 days: weekdays where days begin; 4 weeks: the Mondays; a year: months, and the year in January', () => {
    const week = timelineSeries([], '2021-07-18 23:50:00', 42);
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    expect(marks(dateAxis(week))).toEqual(days.map((day, i) => [i * 6, day]));
    const month = timelineSeries([], '2021-07-18 23:50:00', 28, 28 * 24);
    expect(marks(dateAxis(month, 2))).toEqual([
      [0, '06-21'],
      [14, '06-28'],
      [28, '07-05'],
      [42, '07-12'],
    ]);
    // From the week of 2020-07-20: its July mark gives way to August's, a week later.
    const weeks = timelineSeries([], '2021-07-18 23:50:00', 52, 52 * 168);
    const year = marks(dateAxis(weeks, 2)).map(([, text]) => text);
    expect(year).toEqual(['Aug', 'Sep', 'Oct', 'Nov', 'Dec', '2021', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul']);
  });
  test("a first bucket in the middle of a day has its own mark, unless the next day's needs the room", () => {
    // 4-hour buckets from Sunday 12:00: Monday begins 3 buckets in.
    const sunday = timelineSeries([], '2021-07-18 11:50:00', 42);
    expect(sunday.starts[0]).toBe('2021-07-11 12:00:00');
    expect(marks(dateAxis(sunday, 2)).slice(0, 2)).toEqual([
      [0, 'Sun'],
      [6, 'Mon'],
    ]);
    expect(marks(dateAxis(sunday, 1)).slice(0, 2)).toEqual([
      [3, 'Mon'],
      [9, 'Tue'],
    ]);
  });
});

describe('the timeline view at 60×15, 80×24 and 120×40', () => {
  for (const size of [
    { columns: 60, rows: 15 },
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
  ]) {
    test(`${size.columns}×${size.rows}: axes, legend, and s for 7 days, 4 weeks, a year`, async () => {
      const data = sampleData();
      app = startApp(data, size);
      await app.see(/snapshot .+ · live/);
      await app.press('2');
      for (const span of ['7 days', '4 weeks', '52 weeks', '7 days']) {
        const end = size.columns > 60 ? ' to 08-10 12:10' : '';
        const title = `Bonn \\(1/4 ↑↓\\) · last ${span}${end}\n`;
        const screen = await app.see(new RegExp(`${title}[^]*▲ bookings 8  ▼ cancellations 3`));
        const lines = screen.split('\n');
        expect(lines).toHaveLength(size.rows - 1);
        expect(lines.every((line) => [...line].length <= size.columns)).toBe(true);
        const pane = lines.map((line) => line.slice(line.indexOf('│') + 2));
        expect(pane.filter((line) => /^ {2}\s*0 ┼─+$/.test(line))).toHaveLength(1);
        expect(pane.some((line) => /^▲ /.test(line)) && pane.some((line) => /^▼ /.test(line))).toBe(true);
        expect(pane.join('\n')).toMatch(/╵(Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d\d-\d\d|[A-Z][a-z]{2}|\d{4})/);
        expect(lines.at(-1)).toContain('s 7d/4w/1y');
        await app.press('s');
      }
    });
  }
});
