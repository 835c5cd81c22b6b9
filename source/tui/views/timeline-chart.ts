import asciichart from 'asciichart';
import type { TimelineSeries } from '../data/timeline-series.js';
import { wallToMs } from '../data/timeline-series.js';
import { weekday } from '../format-time.js';

export const LABEL_WIDTH = 5;
/** asciichart puts the whole label in the first cell, then pads to `offset`: the plot starts LABEL_WIDTH + 2 columns in. */
const OFFSET = 3;
export const CHART_INDENT = LABEL_WIDTH + OFFSET - 1;

/**
 * The chart lines: bookings above the zero line, cancellations mirrored below it, so the two read apart
 * without colour; the axis labels show counts per bucket. The last line marks where each day starts.
 */
export function chartLines(series: TimelineSeries, height: number, colour: boolean): string[] {
  const bookings = series.bookings;
  const cancellations = series.cancellations.map((value) => -value);
  const top = Math.max(0, ...bookings);
  const bottom = Math.min(0, ...cancellations);
  const range = top - bottom;
  const rows = Math.max(2, Math.min(height - 1, range));
  const plot = asciichart.plot([bookings, cancellations], {
    min: bottom,
    max: Math.max(top, bottom + 1),
    height: rows,
    offset: OFFSET,
    format: (value) => String(Math.round(Math.abs(value))).padStart(LABEL_WIDTH),
    ...(colour ? { colors: [asciichart.red, asciichart.green] } : {}),
  });
  return [...plot.split('\n'), dayAxis(series)];
}

/** Weekday names under the buckets where a new day begins. */
export function dayAxis(series: TimelineSeries): string {
  const offset = CHART_INDENT;
  const line = new Array<string>(offset + series.starts.length + 4).fill(' ');
  let lastDay = '';
  let free = 0;
  series.starts.forEach((start, i) => {
    const day = start.slice(0, 10);
    const hour = (wallToMs(start) / 3_600_000) % 24;
    if (day === lastDay || (i === 0 && hour > 24 - series.bucketHours * 3)) {
      lastDay = day;
      return;
    }
    lastDay = day;
    const at = offset + i;
    if (at < free) return;
    const label = `╵${weekday(start)}`;
    [...label].forEach((char, j) => (line[at + j] = char));
    free = at + label.length + 1;
  });
  return line.join('').trimEnd();
}
