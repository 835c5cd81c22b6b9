import { HORIZON_LABELS } from './horizons.js';
import type { LevelStore } from './level-store.js';
import { METRIC } from './row-metrics.js';
import { StoreError } from './store-error.js';
import type { WallTime } from './types.js';
import { formatWallTime, isoWeekRange, parseWallTime, SECONDS, type WallSeconds } from '../core/wall-clock.js';

const QUARTER = SECONDS.QUARTER;
import { csvField } from './weekly-csv.js';

/**
 * The published metrics files of a week, each as the metric index it reads (rule 8: cancellations horizons copy
 * appointments').
 */
export const METRIC_FILES: [string, number][] = [
  ['changed', METRIC.changed],
  ['appointments', METRIC.appointments],
  ['cancellations', METRIC.cancellations],
  ['free_dates', METRIC.freeDates],
  ...HORIZON_LABELS.map((h, i): [string, number] => [`free_dates_${h}`, METRIC.freeHorizon + i]),
  ...HORIZON_LABELS.map((h, i): [string, number] => [`appointments_${h}`, METRIC.publishedAppointmentHorizon + i]),
  ...HORIZON_LABELS.map((h, i): [string, number] => [`cancellations_${h}`, METRIC.publishedAppointmentHorizon + i]),
];

/** The week's columns (a source's location each), in order of first appearance: where each one's sums are. */
interface Columns {
  names: string[];
  /**
   * Per column: its source's sums, [row][location index][metric], and which cells had a snapshot, [row][location
   * index].
   */
  sums: Int32Array[];
  seen: Uint8Array[];
  index: number[];
  width: number[];
}

/**
 * The wide metrics CSVs of an ISO week as published: a row per 15-minute bucket with any snapshot,
 * a column per source/location, the values of its snapshots in that bucket summed, empty where none.
 * Read from what was inferred at write time; each file is made when its turn comes.
 */
export async function publishedMetrics(store: LevelStore, week: string): Promise<Iterable<[string, Buffer]>> {
  const range = isoWeekRange(week);
  if (!range) throw new StoreError('BAD_INPUT', `"${week}" is not an ISO week like 2021-28.`);
  const [from, to] = [formatWallTime(range[0]), formatWallTime(range[1] - 1)];
  const rowCount = (range[1] - range[0]) / QUARTER;
  const rowOf = quarterOfWeek(range[0]);
  const rowSeen = new Uint8Array(rowCount);
  const columns: Columns = { names: [], sums: [], seen: [], index: [], width: [] };
  for (const sourceId of await store.listSources()) {
    const source = (await store.source(sourceId))!;
    const width = source.locations.length;
    const sums = new Int32Array(rowCount * width * METRIC.size);
    const seen = new Uint8Array(rowCount * width);
    const isColumn: boolean[] = [];
    let row = 0;
    let rowTime = '';
    await store.sumSnapshotMetrics(sourceId, from, to, sums, (takenAt, index) => {
      if (takenAt !== rowTime) {
        row = rowOf(takenAt);
        rowSeen[row] = 1;
        rowTime = takenAt;
      }
      if (!isColumn[index]) {
        isColumn[index] = true;
        columns.names.push(`${sourceId}/${source.locations[index]}`);
        columns.sums.push(sums);
        columns.seen.push(seen);
        columns.index.push(index);
        columns.width.push(width);
      }
      const cell = row * width + index;
      seen[cell] = 1;
      return cell * METRIC.size;
    });
  }
  const rows = [...rowSeen.keys()].filter((row) => rowSeen[row] === 1);
  if (rows.length === 0) throw new StoreError('BAD_INPUT', `the database holds no snapshots in week ${week}.`);
  const header = `date,${columns.names.map(csvField).join(',')}\n`;
  const dates = rows.map((row) => formatWallTime(range[0] + row * QUARTER));
  return (function* () {
    for (const [file, metric] of METRIC_FILES) {
      const out = new CsvBytes();
      out.text(header);
      rows.forEach((row, n) => {
        out.text(dates[n]!);
        out.cells(columns, row, metric);
      });
      yield [`${file}.csv`, out.finish()];
    }
  })();
}

/** The 15-minute row of the week a stored snapshot time falls in, its date parsed once a day: 24k times a week. */
function quarterOfWeek(weekStart: WallSeconds): (time: WallTime) => number {
  let day = '';
  let dayRow = 0;
  return (time) => {
    if (day === '' || !time.startsWith(day)) {
      day = time.slice(0, 11);
      dayRow = (parseWallTime(`${day}00:00:00`) - weekStart) / QUARTER;
    }
    return dayRow + 4 * Number(time.slice(11, 13)) + Math.floor(Number(time.slice(14, 16)) / 15);
  };
}

const COMMA = 44;
const ZERO = 48;
const NEWLINE = 10;

/** Builds a CSV as bytes: millions of small cells without millions of strings. */
class CsvBytes {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  /**
   * `,cell` per column (empty where the column has no snapshot in the row), then the line end: the hot loop, on locals.
   */
  cells(columns: Columns, row: number, metric: number): void {
    const { sums, seen, index, width } = columns;
    // Room for a comma and ten digits per cell and the line end: no bounds checks inside the loop.
    const room = 11 * index.length + 1;
    if (this.length + room > this.buffer.length) this.grow(room);
    const buffer = this.buffer;
    let at = this.length;
    for (let column = 0; column < index.length; column++) {
      buffer[at++] = COMMA;
      const cell = row * width[column]! + index[column]!;
      if (seen[column]![cell] === 1) at = writeCount(buffer, at, sums[column]![cell * METRIC.size + metric]!);
    }
    buffer[at++] = NEWLINE;
    this.length = at;
  }

  text(value: string): void {
    const bytes = Buffer.byteLength(value);
    if (this.length + bytes > this.buffer.length) this.grow(bytes);
    this.length += this.buffer.write(value, this.length);
  }

  finish(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private grow(extra: number): void {
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** A count (0 … 2³¹ − 1) in decimal digits at `at`; the next free offset. Counts are never negative. */
function writeCount(buffer: Buffer, at: number, value: number): number {
  if (value < 10) {
    buffer[at] = ZERO + value;
    return at + 1;
  }
  let digits = 2;
  for (let rest = value; rest >= 100; rest = (rest / 10) | 0) digits++;
  for (let i = at + digits - 1, rest = value; i >= at; i--, rest = (rest / 10) | 0) buffer[i] = ZERO + (rest % 10);
  return at + digits;
}
