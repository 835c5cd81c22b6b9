import type { WallTime } from '../../../scrapers/types.js';
import { wallBound } from '../../date-range.js';

/** The last time at or before `at` (binary search over ascending times). */
export function atOrBefore(times: readonly WallTime[], at: WallTime): number {
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (times[mid]! <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * Step the history cursor through a city's snapshot times: undefined is "the newest, following live".
 * Stepping forward past the newest returns to live; stepping back stops at the oldest.
 */
export function stepCursor(times: readonly WallTime[], cursor: WallTime | undefined, delta: number): WallTime | undefined {
  if (times.length === 0) return undefined;
  const last = times.length - 1;
  const index = cursor === undefined ? last : Math.max(0, atOrBefore(times, cursor));
  const next = index + delta;
  if (next >= last) return undefined;
  return times[Math.max(0, next)];
}

/** The snapshot in force at `at`, or the first of `at`'s day when none of that day is: undefined means the newest. */
export function cursorAt(times: readonly WallTime[], at: WallTime): WallTime | undefined {
  if (times.length === 0) return undefined;
  let index = atOrBefore(times, at);
  const next = times[index + 1];
  if ((index < 0 || times[index]!.slice(0, 10) !== at.slice(0, 10)) && next?.slice(0, 10) === at.slice(0, 10)) index++;
  index = Math.max(0, index);
  return index >= times.length - 1 ? undefined : times[index];
}

/** The same wall time `days` days away from `wall` ('YYYY-MM-DD HH:MM:SS'). */
export function shiftDays(wall: WallTime, days: number): WallTime {
  const shifted = new Date(Date.parse(`${wall.slice(0, 10)}T${wall.slice(11)}Z`) + days * 86_400_000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/** What the `t` prompt accepts: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" as a wall time, else undefined. */
export function gotoTime(text: string): WallTime | undefined {
  try {
    return wallBound(text.trim(), 'from');
  } catch {
    return undefined;
  }
}
