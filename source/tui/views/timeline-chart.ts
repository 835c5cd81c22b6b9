import type { TimelineSeries } from '../data/timeline-series.js';
import { dateAxis } from './timeline-dates.js';

/** Columns kept for the axis labels ("▲ 12345 ┤"): the chart's buckets get the rest. */
export const AXIS_RESERVE = 10;
const UP = ' ▁▂▃▄▅▆▇█';

/** One line of the chart: its axis label, and what it draws (a series' bars, the zero line, or the dates). */
export interface ChartRow {
  label: string;
  bars: string;
  kind: 'bookings' | 'cancellations' | 'zero' | 'dates';
}

/** Rows above zero (`up`) and below (`down`); `rowsPerStep` rows make one tick step of `step` counts. */
export interface ChartScale {
  step: number;
  rowsPerStep: number;
  up: number;
  down: number;
}

/** Whole tick steps: 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, … */
function* tickSteps(): Generator<number> {
  yield* [1, 2, 3, 4, 5, 6, 8];
  for (let scale = 10; ; scale *= 10) for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) yield m * scale;
}

/**
 * The smallest whole tick step that fits both series in `rows` rows beside the zero line; with counts so small
 * that a step of 1 leaves room, up to 3 rows per count.
 */
export function chartScale(maxUp: number, maxDown: number, rows: number): ChartScale {
  const room = Math.max(2, rows);
  for (const step of tickSteps()) {
    const up = Math.ceil(maxUp / step);
    const down = Math.ceil(maxDown / step);
    if (up + down > room) continue;
    const rowsPerStep = step === 1 && up + down > 0 ? Math.max(1, Math.min(3, Math.floor(room / (up + down)))) : 1;
    return { step, rowsPerStep, up: up * rowsPerStep, down: down * rowsPerStep };
  }
  throw new Error('unreachable');
}

/**
 * Bookings as bars up from a zero line, cancellations as bars down from it, on one scale of whole counts per
 * bucket: the rows read apart without colour (above or below the line, ▲ and ▼ next to it), every label a
 * different tick, 0 only on the zero line. `height` counts every row but the dates line.
 */
export function chartRows(series: TimelineSeries, width: number, height: number): ChartRow[] {
  const scale = chartScale(Math.max(0, ...series.bookings), Math.max(0, ...series.cancellations), height - 1);
  const perRow = scale.step / scale.rowsPerStep;
  const digits = String(Math.max(scale.up, scale.down) * perRow).length;
  const labelWidth = digits + 4;
  const column = Math.max(1, Math.floor((width - labelWidth) / Math.max(1, series.starts.length)));
  const bar = column > 1 ? column - 1 : 1;
  const draw = (values: readonly number[], glyph: (value: number) => string) =>
    values.map((value) => glyph(value).repeat(bar) + ' '.repeat(column - bar)).join('');
  // A label on each step while a side has few, else on every other one (counted from zero, the same above and
  // below), and on the outer row, where the scale ends.
  const every = scale.rowsPerStep * (Math.max(scale.up, scale.down) / scale.rowsPerStep > 4 ? 2 : 1);
  const label = (r: number, outer: number, arrow: string) => {
    const shown = r % every === 0 || r === outer;
    return `${r === 1 ? arrow : ' '} ${(shown ? String(r * perRow) : '').padStart(digits)} ${shown ? '┤' : '│'}`;
  };
  const rows: ChartRow[] = [];
  for (let r = scale.up; r >= 1; r--) {
    const bars = draw(series.bookings, (v) => UP[eighths(v, r, perRow)]!);
    rows.push({ label: label(r, scale.up, '▲'), bars, kind: 'bookings' });
  }
  const zero = `  ${'0'.padStart(digits)} ┼`;
  rows.push({ label: zero, bars: '─'.repeat(column * series.starts.length), kind: 'zero' });
  for (let r = 1; r <= scale.down; r++) {
    const bars = draw(series.cancellations, (v) => down(eighths(v, r, perRow)));
    rows.push({ label: label(r, scale.down, '▼'), bars, kind: 'cancellations' });
  }
  rows.push({ label: ' '.repeat(labelWidth), bars: dateAxis(series, column), kind: 'dates' });
  return rows;
}

/** How much of row `r` (1: next to the zero line; `perRow` counts a row) a bar fills, in eighths; any count shows. */
function eighths(value: number, r: number, perRow: number): number {
  const fill = Math.round(((value - (r - 1) * perRow) / perRow) * 8);
  if (r === 1 && value > 0) return Math.max(1, Math.min(8, fill));
  return Math.max(0, Math.min(8, fill));
}

/** A bar hanging down: the terminal's block characters have only a top eighth, a top half and a full block. */
const down = (fill: number): string => (fill >= 7 ? '█' : fill >= 3 ? '▀' : fill >= 1 ? '▔' : ' ');
