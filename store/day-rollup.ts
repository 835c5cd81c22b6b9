import { AGGREGATE } from './records.js';
import { ByteReader, ByteWriter, readCounters, readSortedTimes, writeCounters, writeSortedTimes } from './varint.js';

/**
 * A source's day ('d SOURCE DAY'), summed at write time so that insights read one record a day instead of every
 * snapshot record and hourly aggregate: what its snapshot records say (snapshots, free slots, the published
 * counts, the locations present, first and last time) and its locations' hourly aggregates (improved rules).
 */
export interface DayRollup {
  counts: Int32Array;
  /** Indices (in the source's dictionary) of the locations present in a snapshot of the day, ascending. */
  locations: number[];
  /** Seconds into the day of its first and last snapshot. */
  first: number;
  last: number;
}

const AGG = AGGREGATE.leadDays;
/** Layout of `counts`: snapshot record totals, the hourly aggregates' fields, bookings by the hour they were made. */
export const ROLLUP = {
  snapshots: 0,
  free: 1,
  publishedBookings: 2,
  publishedCancellations: 3,
  bookings: 4,
  cancellations: 5,
  leadDays: 6,
  slotHour: 6 + (AGGREGATE.slotHour - AGG),
  bookingHour: 6 + (AGGREGATE.size - AGG),
  size: 6 + (AGGREGATE.size - AGG) + 24,
} as const;

export const emptyRollup = (): DayRollup => ({
  counts: new Int32Array(ROLLUP.size),
  locations: [],
  first: Number.POSITIVE_INFINITY,
  last: -1,
});

/** Add one location's hourly aggregate of hour `hour` (0..23) into the day. */
export function addHourly(rollup: DayRollup, hour: number, values: ArrayLike<number>): void {
  const counts = rollup.counts;
  counts[ROLLUP.bookings]! += values[AGGREGATE.appointments]!;
  counts[ROLLUP.cancellations]! += values[AGGREGATE.cancellations]!;
  for (let i = AGG; i < AGGREGATE.size; i++) counts[ROLLUP.leadDays + i - AGG]! += values[i]!;
  counts[ROLLUP.bookingHour + hour]! += values[AGGREGATE.appointments]!;
}

/** Add a snapshot taken `second` seconds into the day with the given locations and totals. */
export function addSnapshot(
  rollup: DayRollup,
  second: number,
  locations: readonly number[],
  free: number,
  published: [number, number],
): void {
  rollup.counts[ROLLUP.snapshots]!++;
  rollup.counts[ROLLUP.free]! += free;
  rollup.counts[ROLLUP.publishedBookings]! += published[0];
  rollup.counts[ROLLUP.publishedCancellations]! += published[1];
  rollup.first = Math.min(rollup.first, second);
  rollup.last = Math.max(rollup.last, second);
  rollup.locations = unionSorted(
    rollup.locations,
    [...locations].sort((a, b) => a - b),
  );
}

/** Both rollups of the same day as one (a stored one and what a flush adds). */
export function mergeRollups(a: DayRollup, b: DayRollup): DayRollup {
  const counts = new Int32Array(ROLLUP.size);
  for (let i = 0; i < ROLLUP.size; i++) counts[i] = a.counts[i]! + b.counts[i]!;
  const locations = unionSorted(a.locations, b.locations);
  return { counts, locations, first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}

export function encodeRollup(rollup: DayRollup): Uint8Array {
  const writer = new ByteWriter();
  writeCounters(writer, rollup.counts);
  writeSortedTimes(writer, rollup.locations);
  writer.uint(Math.max(0, rollup.first === Number.POSITIVE_INFINITY ? 0 : rollup.first));
  writer.uint(Math.max(0, rollup.last));
  return writer.finish();
}

export function decodeRollup(bytes: Uint8Array): DayRollup {
  const reader = new ByteReader(bytes);
  const counts = readCounters(reader);
  if (counts.length !== ROLLUP.size) throw new Error('a day rollup of the wrong size');
  return { counts, locations: readSortedTimes(reader), first: reader.uint(), last: reader.uint() };
}

function unionSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    out.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}
