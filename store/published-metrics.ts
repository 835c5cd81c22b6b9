import { HORIZON_LABELS } from './horizons.js';
import type { LevelStore } from './level-store.js';
import { METRIC } from './row-metrics.js';
import { StoreError } from './store-error.js';
import { floorQuarter, formatWallTime, isoWeekRange, parseWallTime } from './wall-clock.js';
import { csvField } from './weekly-csv.js';

/** The published metrics files of a week, each as the metric index it reads (rule 8: cancellations horizons copy appointments'). */
export const METRIC_FILES: [string, number][] = [
  ['changed', METRIC.changed],
  ['appointments', METRIC.appointments],
  ['cancellations', METRIC.cancellations],
  ['free_dates', METRIC.freeDates],
  ...HORIZON_LABELS.map((h, i): [string, number] => [`free_dates_${h}`, METRIC.freeHorizon + i]),
  ...HORIZON_LABELS.map((h, i): [string, number] => [`appointments_${h}`, METRIC.publishedAppointmentHorizon + i]),
  ...HORIZON_LABELS.map((h, i): [string, number] => [`cancellations_${h}`, METRIC.publishedAppointmentHorizon + i]),
];

/**
 * The wide metrics CSVs of an ISO week as published: a row per 15-minute bucket with any snapshot,
 * a column per source/location, the values of its snapshots in that bucket summed, empty where none.
 * Read from what was inferred at write time.
 */
export async function publishedMetrics(store: LevelStore, week: string): Promise<Map<string, Buffer>> {
  const range = isoWeekRange(week);
  if (!range) throw new StoreError('BAD_INPUT', `"${week}" is not an ISO week like 2021-28.`);
  const [from, to] = [formatWallTime(range[0]), formatWallTime(range[1] - 1)];
  const columns = new Map<string, number>();
  /** Per 15-minute bucket, each column's summed values (undefined: no snapshot of it in the bucket). */
  const buckets = new Map<number, (Int32Array | undefined)[]>();
  for (const sourceId of await store.listSources()) {
    const source = (await store.source(sourceId))!;
    /** The column of each of the source's locations (by index), numbered in order of first appearance. */
    const columnOf: number[] = [];
    for await (const [time, record] of store.snapshotRecords(sourceId, from, to)) {
      const bucket = floorQuarter(parseWallTime(time));
      let cells = buckets.get(bucket);
      if (!cells) buckets.set(bucket, (cells = []));
      for (let n = 0; n < record.locations.length; n++) {
        const index = record.locations[n]!;
        let column = columnOf[index];
        if (column === undefined) columns.set(`${sourceId}/${source.locations[index]}`, (column = columnOf[index] = columns.size));
        const values = record.metrics[n]!;
        const sum = cells[column];
        if (!sum) cells[column] = Int32Array.from(values);
        else for (let i = 0; i < values.length; i++) sum[i]! += values[i]!;
      }
    }
  }
  if (buckets.size === 0) throw new StoreError('BAD_INPUT', `the database holds no snapshots in week ${week}.`);
  const order = [...buckets.keys()].sort((a, b) => a - b);
  const header = `date,${[...columns.keys()].map(csvField).join(',')}\n`;
  // Every bucket as wide as the columns: 49 files × buckets × columns cells to write.
  const rows = order.map((bucket) => {
    const sums = buckets.get(bucket)!;
    sums.length = columns.size;
    return { date: formatWallTime(bucket), sums };
  });
  const files = new Map<string, Buffer>();
  for (const [file, metric] of METRIC_FILES) {
    const out = new CsvBytes();
    out.text(header);
    for (const { date, sums } of rows) {
      out.text(date);
      out.cells(sums, metric);
    }
    files.set(`${file}.csv`, out.finish());
  }
  return files;
}

const COMMA = 44;
const NEWLINE = 10;

/** Builds a CSV as bytes: millions of small cells without millions of strings. */
class CsvBytes {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  /** `,cell` per column (empty where the column has no values), then the line end: the hot loop, on locals. */
  cells(sums: readonly (Int32Array | undefined)[], metric: number): void {
    // Room for a comma and one digit per cell and the line end; a longer number is rare and goes through text().
    const room = 2 * sums.length + 1;
    if (this.length + room > this.buffer.length) this.grow(room);
    let buffer = this.buffer;
    let at = this.length;
    for (let column = 0; column < sums.length; column++) {
      buffer[at++] = COMMA;
      const values = sums[column];
      if (values === undefined) continue;
      const value = values[metric]!;
      if (value >= 0 && value < 10) buffer[at++] = 48 + value;
      else {
        this.length = at;
        this.text(String(value));
        if (this.length + room > this.buffer.length) this.grow(room);
        buffer = this.buffer;
        at = this.length;
      }
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
