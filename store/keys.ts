/**
 * The key layout, known to store/ alone. Parts are joined by NUL so that a prefix sorts before
 * its extensions; times are 'YYYY-MM-DD HH:MM:SS' (fixed width, so they sort).
 *   m SOURCE TIME            snapshot: the locations present and what was inferred for each
 *   r SOURCE LOCATION TIME   a changed row: the location's free slots (delta or key frame)
 *   s SOURCE LOCATION        inference state of a location
 *   c SOURCE                 source record: location dictionary, totals
 *   h SOURCE LOCATION HOUR   hourly aggregates of inferred bookings and cancellations
 *   d SOURCE DAY             day rollup: the day's snapshot totals and hourly aggregates summed (store/day-rollup.ts)
 *   w SOURCE WEEK            the week's slot columns so far (live inference)
 *   u SOURCE STARTED         scrape run records
 *   v WATCH                  a watch (WATCH zero-padded decimal id; store/watches.ts)
 *   a TAKEN SOURCE LOCATION SLOT  an alert: a watched slot that appeared (store/alerts.ts)
 *   x NAME                   store metadata (format version, watch-sequence)
 */
/** The first part of every key: what kind of record it is (the letters above, named). */
export const PREFIX = {
  snapshot: 'm',
  row: 'r',
  locationState: 's',
  source: 'c',
  hourly: 'h',
  dayRollup: 'd',
  week: 'w',
  run: 'u',
  watch: 'v',
  alert: 'a',
  meta: 'x',
} as const;
export type Prefix = (typeof PREFIX)[keyof typeof PREFIX];

/** Between the parts of a key: NUL sorts before every character an id or time holds. */
export const SEPARATOR = '\u0000';
const END = '\uffff';

export const key = (prefix: Prefix, ...parts: string[]): string => [prefix, ...parts].join(SEPARATOR);

/** Range options for every key below `prefix` parts, optionally bounded by a final part. */
export function range(prefix: [Prefix, ...string[]], from?: string, to?: string): { gte: string; lte: string } {
  const base = prefix.join(SEPARATOR) + SEPARATOR;
  return { gte: base + (from ?? ''), lte: to === undefined ? base + END : base + to };
}

/** The last part of a key. */
export const lastPart = (k: string): string => k.slice(k.lastIndexOf(SEPARATOR) + 1);

/** Ids may not carry the separator; anything else is kept. */
export const cleanId = (id: string): string => id.replaceAll(SEPARATOR, '').replaceAll(END, '');
