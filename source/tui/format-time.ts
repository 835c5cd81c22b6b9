import type { WallTime } from '../../scrapers/types.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 'HH:MM' of a wall time. */
export const hhmm = (wall: WallTime | undefined): string => (wall ? wall.slice(11, 16) : '--:--');

/** Three-letter weekday of a 'YYYY-MM-DD…' wall time (calendar arithmetic, no time zone). */
export const weekday = (wall: string): string => WEEKDAYS[new Date(`${wall.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? '';

/** 'Tue 2021-08-10' */
export const dayLabel = (day: string): string => `${weekday(day)} ${day.slice(0, 10)}`;

/** 'MM-DD HH:MM' */
export const shortStamp = (wall: WallTime | undefined): string =>
  wall ? `${wall.slice(5, 10)} ${wall.slice(11, 16)}` : '–';

/** '1.2 s', '850 ms', '2.5 min' */
export function duration(ms: number | undefined): string {
  if (ms === undefined) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
