import type { WallTime } from '../../../scrapers/types.js';
import { wallBound } from '../../date-range.js';
import { wallToMs } from '../../../core/wall-clock.js';

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
 * Stepping forward past the newest returns to live; stepping back stops at the oldest. A cursor before the oldest
 * (another city's moment) goes forward to the oldest, and stays where it is going back.
 */
export function stepCursor(
  times: readonly WallTime[],
  cursor: WallTime | undefined,
  delta: number,
): WallTime | undefined {
  if (times.length === 0) return undefined;
  const last = times.length - 1;
  const index = cursor === undefined ? last : atOrBefore(times, cursor);
  if (index < 0 && delta <= 0) return cursor;
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

/**
 * What the `t` prompt accepts: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", or "HH:MM" on `day` (the day of the snapshot
 * shown), as a wall time; else undefined.
 */
export function gotoTime(text: string, day?: string): WallTime | undefined {
  const trimmed = text.trim();
  const time = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (time) {
    const [hours, minutes] = [time[1]!, time[2]!];
    if (!day || Number(hours) > 23 || Number(minutes) > 59) return undefined;
    return `${day} ${hours.padStart(2, '0')}:${minutes}:00`;
  }
  try {
    return wallBound(trimmed, 'from');
  } catch {
    return undefined;
  }
}

/** The time of the snapshot shown at the cursor (the newest when undefined), or the cursor when none is. */
export function shownTime(times: readonly WallTime[], cursor: WallTime | undefined): WallTime | undefined {
  if (cursor === undefined) return times[times.length - 1];
  return times[atOrBefore(times, cursor)] ?? cursor;
}

/**
 * Where `t` with `text` goes in a city's time line: a wall time for the cursor (cursorAt), or why not: no such
 * time, no snapshot yet, or a time on a day before the first snapshot (said, not a silent jump to it).
 */
export function resolveGoto(
  text: string,
  times: readonly WallTime[],
  cursor: WallTime | undefined,
  city = 'this city',
): { at: WallTime } | { problem: string } {
  const at = gotoTime(text, shownTime(times, cursor)?.slice(0, 10));
  if (at === undefined) {
    const forms = 'HH:MM (on the day shown), YYYY-MM-DD or YYYY-MM-DD HH:MM';
    return { problem: `"${text.slice(0, 30)}" is no time: type ${forms}` };
  }
  const first = times[0];
  if (first === undefined) return { problem: `no snapshot of ${city} yet` };
  if (at.slice(0, 10) < first.slice(0, 10)) {
    return { problem: `no snapshot of ${city} by ${at.slice(0, 16)}: its history starts ${first.slice(0, 16)}` };
  }
  return { at };
}

/**
 * A city's time line: the snapshot times of all its sources as one list of moments, one per scrape round. Times
 * within a minute of the one before join its moment (the sources of a round are scraped seconds apart), unless that
 * source is already in it; a moment is its last time, when every snapshot of the round is in force. So `]` shows each
 * minute once (unless one source was scraped twice within it).
 */
export function cityTimeline(lists: readonly (readonly WallTime[])[]): WallTime[] {
  if (lists.length === 1) return [...lists[0]!];
  const entries = lists.flatMap((list, source) => list.map((time) => ({ time, ms: wallToMs(time), source })));
  entries.sort((a, b) => a.ms - b.ms);
  const moments: WallTime[] = [];
  let sources = new Set<number>();
  let lastMs = -Infinity;
  for (const { time, ms, source } of entries) {
    if (ms - lastMs > 60_000 || sources.has(source)) {
      sources = new Set();
      moments.push(time);
    }
    sources.add(source);
    moments[moments.length - 1] = time;
    lastMs = ms;
  }
  return moments;
}
