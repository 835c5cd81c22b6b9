import type { Db } from './db.js';
import { addHourly, addSnapshot, emptyRollup, encodeRollup, type DayRollup } from './day-rollup.js';
import { key, lastPart, range, PREFIX } from './keys.js';
import { decodeAggregate, decodeSnapshot, type SourceRecord } from './records.js';
import { METRIC } from './row-metrics.js';
import { floorDay, parseWallTime } from '../core/wall-clock.js';

/** The day rollups of one source, summed from its snapshot records and hourly aggregates, by day. */
export class RollupSums {
  readonly days = new Map<string, DayRollup>();

  day(day: string): DayRollup {
    let rollup = this.days.get(day);
    if (!rollup) this.days.set(day, (rollup = emptyRollup()));
    return rollup;
  }

  /** A snapshot record (its locations and metrics) taken at `takenAt`. */
  addSnapshot(takenAt: string, locations: readonly number[], metrics: readonly Int32Array[]): void {
    const published: [number, number] = [0, 0];
    let free = 0;
    for (const values of metrics) {
      free += values[METRIC.freeDates]!;
      published[0] += values[METRIC.appointments]!;
      published[1] += values[METRIC.cancellations]!;
    }
    const time = parseWallTime(takenAt);
    addSnapshot(this.day(takenAt.slice(0, 10)), time - floorDay(time), locations, free, published);
  }

  /** A location's hourly aggregate of `hour` ('YYYY-MM-DD HH:00:00'). */
  addHourly(hour: string, values: ArrayLike<number>): void {
    addHourly(this.day(hour.slice(0, 10)), Number(hour.slice(11, 13)), values);
  }
}

/** Sum a source's rollups from what the store holds (a database written before rollups existed). */
export async function sumRollups(db: Db, sourceId: string, source: SourceRecord): Promise<RollupSums> {
  const sums = new RollupSums();
  for await (const [k, v] of db.iterator(range([PREFIX.snapshot, sourceId]))) {
    const record = decodeSnapshot(v);
    sums.addSnapshot(lastPart(k), record.locations, record.metrics);
  }
  for (const location of source.locations) {
    for await (const [k, v] of db.iterator(range([PREFIX.hourly, sourceId, location]))) {
      sums.addHourly(lastPart(k), decodeAggregate(v));
    }
  }
  return sums;
}

/** Write the day rollups of every source (once, when a database of the format before them is opened). */
export async function buildRollups(db: Db): Promise<void> {
  for await (const [k, v] of db.iterator(range([PREFIX.source]))) {
    const sourceId = lastPart(k);
    const sums = await sumRollups(db, sourceId, JSON.parse(Buffer.from(v).toString('utf8')) as SourceRecord);
    const ops = [...sums.days].map(([day, rollup]) => ({
      type: 'put' as const,
      key: key(PREFIX.dayRollup, sourceId, day),
      value: encodeRollup(rollup),
    }));
    if (ops.length > 0) await db.batch(ops);
  }
}
