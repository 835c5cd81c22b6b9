import {
  decodeAggregate,
  decodeLocation,
  decodeRow,
  decodeSnapshot,
  encodeAggregate,
  encodeLocation,
  encodeRow,
  encodeSnapshot,
  AGGREGATE,
  type SourceRecord,
} from './records.js';
import { PREFIX, SEPARATOR } from './keys.js';
import { METRIC } from './row-metrics.js';
import { ByteReader, ByteWriter, readSortedTimes, writeSortedTimes } from './varint.js';
import { isoWeekRange, parseWallTime } from '../core/wall-clock.js';

/** A key split into its family and parts, or why it is no key the store writes. */
export type ParsedKey = { family: string; parts: string[] } | { error: string };

/** Parts after the family letter, per family (store/keys.ts). */
const PARTS: Record<string, number> = {
  [PREFIX.snapshot]: 2,
  [PREFIX.row]: 3,
  [PREFIX.locationState]: 2,
  [PREFIX.source]: 1,
  [PREFIX.hourly]: 3,
  [PREFIX.week]: 2,
  [PREFIX.run]: 2,
  [PREFIX.watch]: 1,
  [PREFIX.alert]: 4,
  [PREFIX.meta]: 1,
};
const isTime = (text: string): boolean => Number.isFinite(parseWallTime(text));

export function parseKey(k: string): ParsedKey {
  const [family = '', ...parts] = k.split(SEPARATOR);
  const count = PARTS[family];
  if (count === undefined) return { error: 'no key family of the store' };
  if (parts.length !== count || parts.some((p) => p === ''))
    return { error: `a '${family}' key needs ${count} non-empty part(s)` };
  const last = parts[parts.length - 1]!;
  if ((family === PREFIX.snapshot || family === PREFIX.row) && !isTime(last)) return { error: 'its time is malformed' };
  if (family === PREFIX.hourly && !(isTime(last) && last.endsWith(':00:00'))) return { error: 'its hour is malformed' };
  if (family === PREFIX.week && isoWeekRange(last) === undefined) return { error: 'its week is malformed' };
  if (family === PREFIX.watch && !/^\d+$/.test(last)) return { error: 'its watch id is malformed' };
  return { family, parts };
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const increasing = (times: readonly number[]): boolean => times.every((t, i) => i === 0 || t > times[i - 1]!);
const json = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes).toString('utf8'));

/** Legacy location records end before the improved fields; re-encoding adds exactly their empty form. */
const LEGACY_TAIL = Buffer.from([0, 1]);

/** Why a value does not decode as its family's record, or undefined when it does (and re-encodes to the same bytes). */
export function valueProblem(family: string, value: Uint8Array): string | undefined {
  try {
    return check(family, value);
  } catch (error) {
    return (error as Error).message;
  }
}

function check(family: string, value: Uint8Array): string | undefined {
  switch (family) {
    case PREFIX.snapshot: {
      const record = decodeSnapshot(value);
      if (record.metrics.some((m) => m.length !== METRIC.size)) return 'metrics of the wrong size';
      if (new Set(record.locations).size !== record.locations.length) return 'a location listed twice';
      return same(encodeSnapshot(record), value) ? undefined : 'not in canonical form';
    }
    case PREFIX.row: {
      const row = decodeRow(value);
      const lists = 'frame' in row ? [row.frame] : [row.removed, row.added];
      if (!lists.every(increasing)) return 'slots out of order';
      return same(encodeRow(row), value) ? undefined : 'not in canonical form';
    }
    case PREFIX.locationState: {
      const record = decodeLocation(value);
      if (
        !increasing(record.free) ||
        !increasing(record.improvedBooked) ||
        (record.lastRow && !increasing(record.lastRow))
      )
        return 'slots out of order';
      const again = encodeLocation(record);
      return same(again, value) || same(again, Buffer.concat([value, LEGACY_TAIL]))
        ? undefined
        : 'not in canonical form';
    }
    case PREFIX.hourly: {
      if (new ByteReader(value).uint() !== AGGREGATE.size) return 'an aggregate of the wrong size';
      return same(encodeAggregate(decodeAggregate(value)), value) ? undefined : 'not in canonical form';
    }
    case PREFIX.week: {
      const reader = new ByteReader(value);
      const times = readSortedTimes(reader);
      const writer = new ByteWriter();
      writeSortedTimes(writer, times);
      return increasing(times) && same(writer.finish(), value) ? undefined : 'not in canonical form';
    }
    case PREFIX.source:
      return sourceRecordProblem(json(value));
    case PREFIX.run:
    case PREFIX.watch:
    case PREFIX.alert:
      return typeof json(value) === 'object' ? undefined : 'not a JSON record';
    default:
      return undefined;
  }
}

function sourceRecordProblem(record: unknown): string | undefined {
  const r = record as Partial<SourceRecord> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    !Array.isArray(r.locations) ||
    !r.locations.every((l) => typeof l === 'string' && l !== '')
  )
    return 'no location dictionary';
  if (new Set(r.locations).size !== r.locations.length) return 'a location twice in the dictionary';
  const counts = [r.snapshots, r.changedRows, r.appointments, r.cancellations];
  if (!counts.every((n) => Number.isInteger(n) && n! >= 0) || typeof r.names !== 'object' || r.names === null)
    return 'totals missing';
  return undefined;
}
