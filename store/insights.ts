import { lastPart, range, PREFIX } from './keys.js';
import type { LevelStore } from './level-store.js';
import { AGGREGATE, decodeAggregate } from './records.js';
import { METRIC } from './row-metrics.js';
import type { WallTime } from './types.js';

/**
 * Insights per source and per city over a range, read from what the store keeps at write time: the hourly
 * aggregates (`h` keys, improved rules) and the snapshot records (`m` keys: free_dates, published counts).
 * No raw rows are read.
 */
export interface InsightsOptions {
  /** Inclusive Berlin wall-clock bounds 'YYYY-MM-DD HH:MM:SS'; omitted = open. */
  from?: WallTime;
  to?: WallTime;
  /** Which sources to include (default: all). */
  sources?: (sourceId: string) => boolean;
  /** The city of a source (default: the source id). */
  cityOf?: (sourceId: string) => string;
}

export const LEAD_BINS = AGGREGATE.leadDayBins;

export interface Figures {
  /** Days ('YYYY-MM-DD') with at least one snapshot in the range. */
  days: number;
  /** Offices (a source's locations, the columns of its grid) with at least one snapshot in the range. */
  locations: number;
  snapshots: number;
  /** Improved rules (office-watch's own figures). */
  bookings: number;
  cancellations: number;
  bookingsPerDay: number;
  cancellationsPerDay: number;
  /** cancellations / bookings, or null without bookings. */
  cancellationRate: number | null;
  /** Median days between booking and slot (each booking in its own horizon), or null without bookings. */
  leadMedianDays: number | null;
  /** Bookings by lead in days: index 0..40, 41 = 41 days or more. */
  leadDays: number[];
  /** Bookings by the hour of day of the slot (0..23). */
  slotHours: number[];
  /** Bookings by the hour of day they were made (0..23). */
  bookingHours: number[];
  /** The busiest hours, most bookings first (up to 3, hours with bookings only). */
  popularSlotHours: number[];
  popularBookingHours: number[];
  /** Free slots: per day the mean over its snapshots of the free slots shown, averaged over the days. */
  freeSlotsPerDay: number;
  /** The published rules' counts (snapshot records), as `stats` and `metrics` report them. */
  published: { bookings: number; cancellations: number };
}

/** One source: a booking site, with one or more offices (its locations). */
export interface SourceInsights extends Figures {
  sourceId: string;
  city: string;
}

export interface CityInsights extends Figures {
  city: string;
  /** 1 = most bookings per day. */
  rank: number;
  sources: SourceInsights[];
}

export interface Insights {
  from?: WallTime;
  to?: WallTime;
  /** First and last snapshot in the range over all included sources. */
  first: WallTime;
  last: WallTime;
  cities: CityInsights[];
}

/** Raw sums before the figures are derived; cities add their sources' sums. */
interface Sums {
  /** Offices (locations) seen; a city's add up, as no two sources share one. */
  locations: number;
  bookings: number;
  cancellations: number;
  leadDays: number[];
  slotHours: number[];
  bookingHours: number[];
  snapshots: number;
  /** Day → per snapshot time: free slots shown (summed over locations). */
  free: Map<string, Map<WallTime, number>>;
  published: { bookings: number; cancellations: number };
}

const emptySums = (): Sums => ({
  locations: 0,
  bookings: 0,
  cancellations: 0,
  leadDays: new Array<number>(LEAD_BINS).fill(0),
  slotHours: new Array<number>(24).fill(0),
  bookingHours: new Array<number>(24).fill(0),
  snapshots: 0,
  free: new Map(),
  published: { bookings: 0, cancellations: 0 },
});

/** The insights of the sources in the store, or undefined when no included source has a snapshot in the range. */
export async function cityInsights(store: LevelStore, options: InsightsOptions = {}): Promise<Insights | undefined> {
  const include = options.sources ?? (() => true);
  const cityOf = options.cityOf ?? ((id: string) => id);
  const sources: { sourceId: string; sums: Sums; first: WallTime; last: WallTime }[] = [];
  for (const sourceId of await store.listSources()) {
    if (!include(sourceId)) continue;
    const found = await sourceSums(store, sourceId, options.from, options.to);
    if (found) sources.push({ sourceId, ...found });
  }
  if (sources.length === 0) return undefined;
  const byCity = new Map<string, { sums: Sums; sources: SourceInsights[] }>();
  for (const source of sources) {
    const city = cityOf(source.sourceId);
    const entry = byCity.get(city) ?? { sums: emptySums(), sources: [] };
    addSums(entry.sums, source.sums);
    entry.sources.push({ sourceId: source.sourceId, city, ...figures(source.sums) });
    byCity.set(city, entry);
  }
  const cities = [...byCity].map(([city, { sums, sources: list }]) => ({
    city,
    rank: 0,
    ...figures(sums),
    sources: list.sort((a, b) => b.bookingsPerDay - a.bookingsPerDay || a.sourceId.localeCompare(b.sourceId)),
  }));
  cities.sort((a, b) => b.bookingsPerDay - a.bookingsPerDay || a.city.localeCompare(b.city));
  cities.forEach((city, i) => (city.rank = i + 1));
  const result: Insights = {
    first: sources.map((o) => o.first).reduce((a, b) => (a < b ? a : b)),
    last: sources.map((o) => o.last).reduce((a, b) => (a > b ? a : b)),
    cities,
  };
  if (options.from !== undefined) result.from = options.from;
  if (options.to !== undefined) result.to = options.to;
  return result;
}

async function sourceSums(
  store: LevelStore,
  sourceId: string,
  from?: WallTime,
  to?: WallTime,
): Promise<{ sums: Sums; first: WallTime; last: WallTime } | undefined> {
  const sums = emptySums();
  let first: WallTime | undefined;
  let last: WallTime | undefined;
  const seen = new Set<number>();
  for await (const [takenAt, record] of store.snapshotRecords(sourceId, from, to)) {
    first ??= takenAt;
    last = takenAt;
    sums.snapshots++;
    for (const location of record.locations) seen.add(location);
    let free = 0;
    for (const metrics of record.metrics) {
      free += metrics[METRIC.freeDates]!;
      sums.published.bookings += metrics[METRIC.appointments]!;
      sums.published.cancellations += metrics[METRIC.cancellations]!;
    }
    const day = takenAt.slice(0, 10);
    let times = sums.free.get(day);
    if (!times) sums.free.set(day, (times = new Map()));
    times.set(takenAt, (times.get(takenAt) ?? 0) + free);
  }
  if (first === undefined || last === undefined) return undefined;
  sums.locations = seen.size;
  // Hourly keys are 'YYYY-MM-DD HH:00:00': a bound inside an hour takes in that whole hour.
  const hourFrom = from === undefined ? undefined : `${from.slice(0, 13)}:00:00`;
  const locations = (await store.source(sourceId))?.locations ?? [];
  for (const location of locations) {
    for await (const [k, v] of store.db.iterator(range([PREFIX.hourly, sourceId, location], hourFrom, to))) {
      const values = decodeAggregate(v);
      const bookings = values[AGGREGATE.appointments] ?? 0;
      sums.bookings += bookings;
      sums.cancellations += values[AGGREGATE.cancellations] ?? 0;
      for (let i = 0; i < LEAD_BINS; i++) sums.leadDays[i]! += values[AGGREGATE.leadDays + i] ?? 0;
      for (let h = 0; h < 24; h++) sums.slotHours[h]! += values[AGGREGATE.slotHour + h] ?? 0;
      const hour = Number(lastPart(k).slice(11, 13));
      if (hour >= 0 && hour < 24) sums.bookingHours[hour]! += bookings;
    }
  }
  return { sums, first, last };
}

function addSums(into: Sums, from: Sums): void {
  into.locations += from.locations;
  into.bookings += from.bookings;
  into.cancellations += from.cancellations;
  into.snapshots += from.snapshots;
  into.published.bookings += from.published.bookings;
  into.published.cancellations += from.published.cancellations;
  from.leadDays.forEach((v, i) => (into.leadDays[i]! += v));
  from.slotHours.forEach((v, i) => (into.slotHours[i]! += v));
  from.bookingHours.forEach((v, i) => (into.bookingHours[i]! += v));
  // Sources of a city: their mean free slots per day add up (each source's own snapshots averaged first).
  for (const [day, times] of from.free) {
    const mean = [...times.values()].reduce((a, b) => a + b, 0) / times.size;
    let target = into.free.get(day);
    if (!target) into.free.set(day, (target = new Map()));
    target.set('', (target.get('') ?? 0) + mean);
  }
}

function figures(sums: Sums): Figures {
  const days = sums.free.size;
  const dailyFree = [...sums.free.values()].map((times) => [...times.values()].reduce((a, b) => a + b, 0) / times.size);
  return {
    days,
    locations: sums.locations,
    snapshots: sums.snapshots,
    bookings: sums.bookings,
    cancellations: sums.cancellations,
    bookingsPerDay: round(days ? sums.bookings / days : 0),
    cancellationsPerDay: round(days ? sums.cancellations / days : 0),
    cancellationRate: sums.bookings > 0 ? round(sums.cancellations / sums.bookings, 3) : null,
    leadMedianDays: median(sums.leadDays),
    leadDays: sums.leadDays,
    slotHours: sums.slotHours,
    bookingHours: sums.bookingHours,
    popularSlotHours: top(sums.slotHours),
    popularBookingHours: top(sums.bookingHours),
    freeSlotsPerDay: round(dailyFree.length ? dailyFree.reduce((a, b) => a + b, 0) / dailyFree.length : 0),
    published: { ...sums.published },
  };
}

/** The median bin of a histogram (lower median), or null when it is empty. */
export function median(histogram: readonly number[]): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen * 2 >= total) return i;
  }
  return histogram.length - 1;
}

function top(histogram: readonly number[], count = 3): number[] {
  return histogram
    .map((value, hour) => [value, hour] as const)
    .filter(([value]) => value > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, count)
    .map(([, hour]) => hour);
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
