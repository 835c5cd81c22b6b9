import { key, range, PREFIX } from './keys.js';
import { WATCH_SEQUENCE } from './shared-writes.js';
import type { LevelStore } from './level-store.js';
import type { WallTime } from './types.js';

/** Weekdays as ISO numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** What a user wants: where (city and/or office pattern) and when (before a date and/or within days). */
export interface WatchSpec {
  /** Pattern on the site's city (idMatcher rules: * and ?, else any part; case-insensitive). */
  city?: string;
  /** Pattern on "source/location" ids or location names. */
  office?: string;
  /** Only slots on a day before this one ('YYYY-MM-DD', exclusive). */
  before?: string;
  /** Only slots at most this many days after the snapshot's day. */
  withinDays?: number;
  /** Only slots on these weekdays. */
  weekdays?: IsoWeekday[];
  /** Only slots starting in [from, to) hours, e.g. { from: 8, to: 12 }. */
  hours?: { from: number; to: number };
}

/** A stored watch. */
export interface Watch extends WatchSpec {
  /** Short decimal id ("1", "2", …), never reused. */
  id: string;
  /** ISO UTC instant of creation. */
  createdAt: string;
  /**
   * Per source and location, the snapshot that was this watch's baseline there (its first look, or the first after a
   * gap): what was free then was summed up, not alerted slot by slot. Absent in watches stored before baselines.
   */
  baselines?: Record<string, Record<string, WallTime>>;
}

/** `watch add` of a spec that an existing watch already has. */
export class WatchExistsError extends Error {
  readonly code = 'WATCH_EXISTS';

  constructor(readonly existing: Watch) {
    super(`watch ${existing.id} is the same watch`);
    this.name = 'WatchExistsError';
  }
}

const ID_WIDTH = 8;
const SEQUENCE = WATCH_SEQUENCE;
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
export const watchKey = (id: string): string => key(PREFIX.watch, id.padStart(ID_WIDTH, '0'));

/** The spec in one canonical text: patterns trimmed and lower-cased (they match case-insensitively), days sorted. */
export function normalizedSpec(spec: WatchSpec): string {
  const pattern = (value: string | undefined) => (value === undefined ? null : value.trim().toLowerCase());
  const days = spec.weekdays ? [...new Set(spec.weekdays)].sort() : [];
  const weekdays = days.length > 0 && days.length < 7 ? days : null;
  const hours = spec.hours && (spec.hours.from > 0 || spec.hours.to < 24) ? [spec.hours.from, spec.hours.to] : null;
  const when = [spec.before ?? null, spec.withinDays ?? null, weekdays, hours];
  return JSON.stringify([pattern(spec.city), pattern(spec.office), ...when]);
}

/** Store a watch (validated by the caller) under the next id; a WatchExistsError when an identical one exists. */
export async function addWatch(store: LevelStore, spec: WatchSpec, now = new Date()): Promise<Watch> {
  return store.serialize('\u0000watches', async () => {
    const wanted = normalizedSpec(spec);
    const same = (await listWatches(store)).find((watch) => normalizedSpec(watch) === wanted);
    if (same) throw new WatchExistsError(same);
    const last = await store.db.get(SEQUENCE);
    const id = String((last ? Number(text(last)) : 0) + 1);
    const watch: Watch = { id, ...spec, createdAt: now.toISOString() };
    await store.db.batch([
      { type: 'put', key: SEQUENCE, value: Buffer.from(id) },
      { type: 'put', key: watchKey(id), value: Buffer.from(JSON.stringify(watch)) },
    ]);
    return watch;
  });
}

/** Every watch, by id. */
export async function listWatches(store: LevelStore): Promise<Watch[]> {
  const watches: Watch[] = [];
  for await (const value of store.db.values(range([PREFIX.watch]))) watches.push(JSON.parse(text(value)) as Watch);
  return watches;
}

/** Remove a watch; false when there is none with that id. */
export async function removeWatch(store: LevelStore, id: string): Promise<boolean> {
  if (!/^\d{1,8}$/.test(id)) return false;
  return store.serialize('\u0000watches', async () => {
    const k = watchKey(String(Number(id)));
    if ((await store.db.get(k)) === undefined) return false;
    await store.db.del(k);
    return true;
  });
}
