import { HORIZON_LABELS } from './horizons.js';
import type { LevelStore } from './level-store.js';
import { METRIC } from './row-metrics.js';
import { StoreError } from './store-error.js';
import { floorQuarter, formatWallTime, isoWeekRange, parseWallTime } from './wall-clock.js';

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
export async function publishedMetrics(store: LevelStore, week: string): Promise<Map<string, string>> {
  const range = isoWeekRange(week);
  if (!range) throw new StoreError('BAD_INPUT', `"${week}" is not an ISO week like 2021-28.`);
  const [from, to] = [formatWallTime(range[0]), formatWallTime(range[1] - 1)];
  const columns = new Map<string, number>();
  const buckets = new Map<number, Map<number, Int32Array>>();
  for (const sourceId of await store.listSources()) {
    const source = (await store.source(sourceId))!;
    for await (const [time, record] of store.snapshotRecords(sourceId, from, to)) {
      const bucket = floorQuarter(parseWallTime(time));
      let cells = buckets.get(bucket);
      if (!cells) buckets.set(bucket, (cells = new Map()));
      record.locations.forEach((index, n) => {
        const name = `${sourceId}/${source.locations[index]}`;
        let column = columns.get(name);
        if (column === undefined) columns.set(name, (column = columns.size));
        const sum = cells.get(column);
        if (sum) record.metrics[n]!.forEach((v, i) => (sum[i]! += v));
        else cells.set(column, Int32Array.from(record.metrics[n]!));
      });
    }
  }
  if (buckets.size === 0) throw new StoreError('BAD_INPUT', `the database holds no snapshots in week ${week}.`);
  const order = [...buckets.keys()].sort((a, b) => a - b);
  const header = `date,${[...columns.keys()].join(',')}\n`;
  const files = new Map<string, string>();
  for (const [file, metric] of METRIC_FILES) {
    const lines = [header];
    for (const bucket of order) {
      const cells = buckets.get(bucket)!;
      const values = new Array<string>(columns.size).fill('');
      for (const [column, sums] of cells) values[column] = String(sums[metric]);
      lines.push(`${formatWallTime(bucket)},${values.join(',')}\n`);
    }
    files.set(`${file}.csv`, lines.join(''));
  }
  return files;
}
