import type { HourlyCount } from '../../../store/types.js';
import type { WallTime } from '../../../scrapers/types.js';

const HOUR = 3_600_000;

/** Wall-clock arithmetic on naive Berlin times (as the metrics do: no daylight-saving adjustment). */
export const wallToMs = (wall: WallTime): number => Date.parse(`${wall.slice(0, 19).replace(' ', 'T')}Z`);
export const msToWall = (ms: number): WallTime => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export interface TimelineSeries {
  /** Start of each bucket (wall clock). */
  starts: WallTime[];
  bookings: number[];
  cancellations: number[];
  /** Hours per bucket. */
  bucketHours: number;
  totalBookings: number;
  totalCancellations: number;
}

/**
 * Bookings and cancellations per bucket over the `hours` up to and including the hour of `end`,
 * in at most `maxPoints` buckets (whole hours each).
 */
export function timelineSeries(counts: readonly HourlyCount[], end: WallTime, maxPoints: number, hours = 168): TimelineSeries {
  const lastHour = Math.floor(wallToMs(end) / HOUR) * HOUR;
  const firstHour = lastHour - (hours - 1) * HOUR;
  const bucketHours = Math.max(1, Math.ceil(hours / Math.max(1, maxPoints)));
  const buckets = Math.ceil(hours / bucketHours);
  const series: TimelineSeries = {
    starts: Array.from({ length: buckets }, (_, i) => msToWall(firstHour + i * bucketHours * HOUR)),
    bookings: new Array<number>(buckets).fill(0),
    cancellations: new Array<number>(buckets).fill(0),
    bucketHours,
    totalBookings: 0,
    totalCancellations: 0,
  };
  for (const count of counts) {
    const at = wallToMs(count.hour);
    if (!(at >= firstHour && at <= lastHour)) continue;
    const index = Math.floor((at - firstHour) / HOUR / bucketHours);
    series.bookings[index]! += count.appointments;
    series.cancellations[index]! += count.cancellations;
    series.totalBookings += count.appointments;
    series.totalCancellations += count.cancellations;
  }
  return series;
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
