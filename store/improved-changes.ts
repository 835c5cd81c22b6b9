import { lowerBound } from './location-inference.js';
import { SECONDS, floorDay, floorQuarter, type WallSeconds } from '../core/wall-clock.js';

/**
 * What the improved rules make of one slot that changed between two rows of a location: the one place that
 * decides it, for the store's inference (improved-inference.ts) and for the app's slot grid alike.
 */

/** A slot gone since the previous row: booked, passed (expired or closed for booking), or withdrawn with its day. */
export type Vanished = 'booked' | 'passed' | 'withdrawn';

/** Longest gap between two snapshots that is still counted across (same as the published rule 2). */
export const MAX_GAP_SECONDS = 3 * 3600 + 60;
const DEFAULT_SLOT = 15 * 60;

/** Whether changes from a row seen at `previousAt` to one seen at `now` count (floored to quarters). */
export function countsAcross(previousQuarter: WallSeconds | undefined, now: WallSeconds): boolean {
  return previousQuarter !== undefined && floorQuarter(now) - previousQuarter < MAX_GAP_SECONDS;
}

/**
 * The classifier of the slots that vanished from `previous` (ascending) to `freeNow` (ascending) at `now`; `removed`
 * holds at least every vanished slot of the days asked about. A vanished slot is booked unless it starts before
 * now + the slot length, or today before every slot still free (expired, or closed for booking: real sites close
 * slots 30–60 minutes ahead), or it vanished with every other free slot of its day while that day had two or more.
 */
export function vanishedClassifier(
  previous: readonly WallSeconds[],
  freeNow: readonly WallSeconds[],
  removed: readonly WallSeconds[],
  now: WallSeconds,
): (slot: WallSeconds) => Vanished {
  const cutoff = now + slotLength(previous);
  const firstNow = freeNow[0] ?? Infinity;
  const today = floorDay(now);
  return (slot) => {
    if (slot < cutoff || (slot < firstNow && floorDay(slot) === today)) return 'passed';
    const day = floorDay(slot);
    const before = countOnDay(previous, day);
    const wholeDay = before >= 2 && countOnDay(freeNow, day) === 0 && countOnDay(removed, day) === before;
    return wholeDay ? 'withdrawn' : 'booked';
  };
}

/**
 * The test for slots that appeared from `previous` to now (`added`: at least every appeared slot of the days asked
 * about): a cancellation when it is not yet over and was counted as booked, or its day was on the site before (with
 * free slots, or fully booked and now showing just this one). A whole day re-appearing and new days past the previous
 * end of the calendar are none.
 */
export function cancellationTest(
  previous: readonly WallSeconds[],
  added: readonly WallSeconds[],
  now: WallSeconds,
): (slot: WallSeconds, wasBooked: boolean) => boolean {
  const lastDay = previous.length > 0 ? floorDay(previous[previous.length - 1]!) : -Infinity;
  return (slot, wasBooked) => {
    if (slot <= now) return false;
    const day = floorDay(slot);
    return wasBooked || (day <= lastDay && (countOnDay(previous, day) > 0 || countOnDay(added, day) === 1));
  };
}

/** The smallest step between two free slots of one day (5 min to 1 h), else 15 minutes. */
export function slotLength(free: readonly WallSeconds[]): number {
  let best = Infinity;
  for (let i = 1; i < free.length; i++) {
    const step = free[i]! - free[i - 1]!;
    if (step > 0 && step < best && floorDay(free[i]!) === floorDay(free[i - 1]!)) best = step;
  }
  return Number.isFinite(best) ? Math.min(SECONDS.HOUR, Math.max(5 * 60, best)) : DEFAULT_SLOT;
}

/** How many of the ascending slots lie on the day starting at `day` (two binary searches, no scan). */
function countOnDay(sorted: readonly WallSeconds[], day: WallSeconds): number {
  return lowerBound(sorted, day + SECONDS.DAY) - lowerBound(sorted, day);
}
