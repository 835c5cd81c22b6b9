import asciichart from 'asciichart';
import type { TimelineSeries } from '../data/timeline-series.js';
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
  // asciichart marks its own row 0 with ┼ (not the zero line when values go negative): only zero gets a cross.
  const lines = plot.split('\n').map((line) => (line[CHART_INDENT - 1] === '┼' && line.slice(0, LABEL_WIDTH).trim() !== '0' ? `${line.slice(0, CHART_INDENT - 1)}┤${line.slice(CHART_INDENT)}` : line));
  return [...lines, dayAxis(series)];
}

/** Weekday names under the buckets where a new day begins (a partial first day only when there is room). */
export function dayAxis(series: TimelineSeries): string {
  const starts: { at: number; label: string }[] = [];
  series.starts.forEach((start, i) => {
    if (i > 0 && start.slice(0, 10) === series.starts[i - 1]!.slice(0, 10)) return;
    starts.push({ at: CHART_INDENT + i, label: `╵${weekday(start)}` });
  });
  if (starts.length > 1 && starts[1]!.at - starts[0]!.at <= starts[0]!.label.length) starts.shift();
  const line = new Array<string>(CHART_INDENT + series.starts.length + 4).fill(' ');
  let free = 0;
  for (const { at, label } of starts) {
    if (at < free) continue;
    [...label].forEach((char, j) => (line[at + j] = char));
    free = at + label.length + 1;
  }
  return line.join('').trimEnd();
}
