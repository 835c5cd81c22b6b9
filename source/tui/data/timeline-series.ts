import type { HourlyCount } from '../../../store/index.js';
import type { WallTime } from '../../../core/contract.js';
import { msToWall, wallToMs } from '../../../core/wall-clock.js';

const HOUR = 3_600_000;
const DAY_HOURS = 24;
const WEEK_HOURS = 168;
/** 1970-01-05, the first Monday of the epoch: weeks start on Mondays. */
const FIRST_MONDAY_HOURS = 4 * DAY_HOURS;

/** How far back the timeline looks; `s` switches. A year is 52 weeks: whole weeks, as its buckets are. */
export interface TimelineSpan {
  label: string;
  hours: number;
}
export const TIMELINE_SPANS: readonly TimelineSpan[] = [
  { label: '7 days', hours: 7 * DAY_HOURS },
  { label: '4 weeks', hours: 28 * DAY_HOURS },
  { label: '52 weeks', hours: 52 * WEEK_HOURS },
];

/** Bucket sizes in hours, each a whole part of a day or a whole number of weeks, so that buckets start on
 * a calendar boundary (an hour, a day at 00:00, a Monday). */
const BUCKET_HOURS = [1, 2, 3, 4, 6, 12, DAY_HOURS, WEEK_HOURS, 2 * WEEK_HOURS, 4 * WEEK_HOURS];

export interface TimelineSeries {
  /** Start of each bucket (wall clock). */
  starts: WallTime[];
  bookings: number[];
  cancellations: number[];
  /** Hours per bucket. */
  bucketHours: number;
  /** The span asked for. */
  spanHours: number;
  totalBookings: number;
  totalCancellations: number;
}

/** The smallest bucket that draws `spanHours` in at most `maxPoints` buckets. */
export function bucketHoursFor(spanHours: number, maxPoints: number): number {
  const fits = BUCKET_HOURS.find((hours) => Math.ceil(spanHours / hours) <= Math.max(1, maxPoints));
  return fits ?? BUCKET_HOURS.at(-1)!;
}

/**
 * Bookings and cancellations per bucket over the `hours` that end with the hour of `end`, in at most `maxPoints`
 * buckets of a size from BUCKET_HOURS. Buckets start on calendar boundaries: the last one holds the hour of `end`
 * (and may be under way), the first may reach a little further back than `hours`.
 */
export function timelineSeries(
  counts: readonly HourlyCount[],
  end: WallTime,
  maxPoints: number,
  hours = 168,
): TimelineSeries {
  const bucketHours = bucketHoursFor(hours, maxPoints);
  const buckets = Math.ceil(hours / bucketHours);
  const endHour = Math.floor(wallToMs(end) / HOUR);
  const offset = bucketHours >= WEEK_HOURS ? FIRST_MONDAY_HOURS : 0;
  const lastStart = endHour - ((((endHour - offset) % bucketHours) + bucketHours) % bucketHours);
  const firstStart = lastStart - (buckets - 1) * bucketHours;
  const series: TimelineSeries = {
    starts: Array.from({ length: buckets }, (_, i) => msToWall((firstStart + i * bucketHours) * HOUR)),
    bookings: new Array<number>(buckets).fill(0),
    cancellations: new Array<number>(buckets).fill(0),
    bucketHours,
    spanHours: hours,
    totalBookings: 0,
    totalCancellations: 0,
  };
  for (const count of counts) {
    const hour = wallToMs(count.hour) / HOUR;
    if (!(hour >= firstStart && hour <= endHour)) continue;
    const index = Math.floor((hour - firstStart) / bucketHours);
    series.bookings[index]! += count.appointments;
    series.cancellations[index]! += count.cancellations;
    series.totalBookings += count.appointments;
    series.totalCancellations += count.cancellations;
  }
  return series;
}

/** The hours to read for a span drawn in `maxPoints` buckets: the span and the reach of its first bucket. */
export function hoursToRead(spanHours: number, maxPoints: number): number {
  return spanHours + bucketHoursFor(spanHours, maxPoints);
}

/** "per 3 h", "per day", "per week", "per 2 weeks". */
export function bucketLabel(bucketHours: number): string {
  if (bucketHours < DAY_HOURS) return `per ${bucketHours} h`;
  if (bucketHours === DAY_HOURS) return 'per day';
  if (bucketHours === WEEK_HOURS) return 'per week';
  if (bucketHours % WEEK_HOURS === 0) return `per ${bucketHours / WEEK_HOURS} weeks`;
  return `per ${bucketHours / DAY_HOURS} days`;
}

/** Sum hourly counts of several sources into one list, by hour. */
export function sumHourly(lists: readonly (readonly HourlyCount[])[]): HourlyCount[] {
  const byHour = new Map<string, HourlyCount>();
  for (const list of lists) {
    for (const count of list) {
      const sum = byHour.get(count.hour);
      if (sum) {
        sum.appointments += count.appointments;
        sum.cancellations += count.cancellations;
      } else byHour.set(count.hour, { ...count });
    }
  }
  return [...byHour.values()].sort((a, b) => (a.hour < b.hour ? -1 : 1));
}
