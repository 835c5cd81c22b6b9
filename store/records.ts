import {
  addCounters,
  ByteReader,
  ByteWriter,
  readCounters,
  readSortedTimes,
  writeCounters,
  writeSortedTimes,
} from './varint.js';
import type { WallSeconds } from '../core/wall-clock.js';

/** A snapshot: the locations present (indices into the source's dictionary) and their inferred metrics. */
export interface SnapshotRecord {
  locations: number[];
  metrics: Int32Array[];
}

export function encodeSnapshot(record: SnapshotRecord): Uint8Array {
  const writer = new ByteWriter();
  writer.uint(record.locations.length);
  record.locations.forEach((location, i) => {
    writer.uint(location);
    writeCounters(writer, record.metrics[i]!);
  });
  return writer.finish();
}

export function decodeSnapshot(bytes: Uint8Array): SnapshotRecord {
  const reader = new ByteReader(bytes);
  const count = reader.uint();
  const record: SnapshotRecord = { locations: [], metrics: [] };
  for (let i = 0; i < count; i++) {
    record.locations.push(reader.uint());
    record.metrics.push(readCounters(reader));
  }
  return record;
}

/** Add a snapshot record's metrics into `sums`, each location's from the offset `offsetOf` gives it. */
export function addSnapshotMetrics(bytes: Uint8Array, sums: Int32Array, offsetOf: (location: number) => number): void {
  const reader = new ByteReader(bytes);
  const count = reader.uint();
  for (let i = 0; i < count; i++) {
    const location = reader.uint();
    addCounters(reader, sums, offsetOf(location));
  }
}

/** A changed row: the full free list (key frame) or what left and what came since the previous row. */
export type RowRecord = { frame: WallSeconds[] } | { removed: WallSeconds[]; added: WallSeconds[] };

export function encodeRow(row: RowRecord): Uint8Array {
  const writer = new ByteWriter();
  if ('frame' in row) {
    writer.uint(0);
    writeSortedTimes(writer, row.frame);
  } else {
    writer.uint(1);
    writeSortedTimes(writer, row.removed);
    writeSortedTimes(writer, row.added);
  }
  return writer.finish();
}

export function decodeRow(bytes: Uint8Array): RowRecord {
  const reader = new ByteReader(bytes);
  if (reader.uint() === 0) return { frame: readSortedTimes(reader) };
  return { removed: readSortedTimes(reader), added: readSortedTimes(reader) };
}

/** Rows between key frames: bounds the replay that reads one location's state (the writer's rule, the check's too). */
export const FRAME_EVERY = 32;

/** The same free slots, in the same order (the same array at once). */
export function sameSlots(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What left and what came between two sorted free lists (slot numbers, or wall times as text). */
export function diffSorted<T extends number | string>(
  before: readonly T[],
  after: readonly T[],
): { removed: T[]; added: T[] } {
  const removed: T[] = [];
  const added: T[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (j >= after.length || (i < before.length && before[i]! < after[j]!)) removed.push(before[i++]!);
    else if (i >= before.length || after[j]! < before[i]!) added.push(after[j++]!);
    else i++, j++;
  }
  return { removed, added };
}

/** Apply a row record to the previous free list: one pass over the three sorted lists. */
export function applyRow(previous: readonly WallSeconds[], row: RowRecord): WallSeconds[] {
  if ('frame' in row) return row.frame;
  const { removed, added } = row;
  const out: WallSeconds[] = [];
  let r = 0;
  let a = 0;
  for (const slot of previous) {
    while (a < added.length && added[a]! < slot) out.push(added[a++]!);
    while (r < removed.length && removed[r]! < slot) r++;
    if (removed[r] === slot) r++;
    else out.push(slot);
  }
  while (a < added.length) out.push(added[a++]!);
  return out;
}

/** Two ascending lists with no element in common as one. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Everything a location carries from one snapshot to the next. */
export interface LocationRecord {
  free: WallSeconds[];
  taken: Set<WallSeconds>;
  lastQuarter: WallSeconds | undefined;
  /** The free slots of its previous row, and the ISO week of that row (rule 5 compares within a week). */
  lastRow: WallSeconds[] | undefined;
  lastRowWeek: string;
  /** Changed rows written since the last key frame. */
  sinceFrame: number;
  /** The improved rules (improved-inference.ts): floored time of the previous row, slots counted as booked. */
  improvedQuarter: WallSeconds | undefined;
  improvedBooked: WallSeconds[];
}

export function encodeLocation(record: LocationRecord): Uint8Array {
  const writer = new ByteWriter();
  writeSortedTimes(writer, record.free);
  writeSortedTimes(
    writer,
    [...record.taken].sort((a, b) => a - b),
  );
  writer.uint(record.lastQuarter === undefined ? 0 : record.lastQuarter / 60 + 1);
  writer.uint(record.lastRow ? 1 : 0);
  if (record.lastRow) writeSortedTimes(writer, record.lastRow);
  writer.string(record.lastRowWeek);
  writer.uint(record.sinceFrame);
  writer.uint(record.improvedQuarter === undefined ? 0 : record.improvedQuarter / 60 + 1);
  writeSortedTimes(writer, record.improvedBooked);
  return writer.finish();
}

export function decodeLocation(bytes: Uint8Array): LocationRecord {
  const reader = new ByteReader(bytes);
  const free = readSortedTimes(reader);
  const taken = new Set(readSortedTimes(reader));
  const quarter = reader.uint();
  const lastRow = reader.uint() === 1 ? readSortedTimes(reader) : undefined;
  const lastRowWeek = reader.string();
  const sinceFrame = reader.uint();
  // Records written before the improved rules end here: they start without improved state.
  const improved = reader.done ? 0 : reader.uint();
  const improvedBooked = reader.done ? [] : readSortedTimes(reader);
  return {
    free,
    taken,
    lastQuarter: quarter === 0 ? undefined : (quarter - 1) * 60,
    lastRow,
    lastRowWeek,
    sinceFrame,
    improvedQuarter: improved === 0 ? undefined : (improved - 1) * 60,
    improvedBooked,
  };
}

/** A source: its location dictionary (first appearance order), names and totals. */
export interface SourceRecord {
  locations: string[];
  names: Record<string, string>;
  snapshots: number;
  changedRows: number;
  appointments: number;
  cancellations: number;
  first?: string;
  last?: string;
}

export const emptySourceRecord = (): SourceRecord => ({
  locations: [],
  names: {},
  snapshots: 0,
  changedRows: 0,
  appointments: 0,
  cancellations: 0,
});

/** Hourly aggregates of one location: counts, lead days of bookings (0..40, 41 = later), slot hours of bookings. */
export const AGGREGATE = {
  appointments: 0,
  cancellations: 1,
  leadDays: 2,
  leadDayBins: 42,
  slotHour: 44,
  size: 68,
} as const;

export const encodeAggregate = (values: Int32Array): Uint8Array => {
  const writer = new ByteWriter();
  writeCounters(writer, values);
  return writer.finish();
};

export const decodeAggregate = (bytes: Uint8Array): Int32Array => readCounters(new ByteReader(bytes));
