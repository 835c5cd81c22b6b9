import type { WallTime } from '../../../scrapers/types.js';

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
