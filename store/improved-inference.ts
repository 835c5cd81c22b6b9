import { cancellationTest, countsAcross, vanishedClassifier } from './improved-changes.js';
import type { InferredEvent } from './location-inference.js';
import { diffSorted } from './records.js';
import { floorQuarter, type WallSeconds } from '../core/wall-clock.js';

export { MAX_GAP_SECONDS, slotLength } from './improved-changes.js';

/**
 * The improved rules (office-watch's own figures; the published ones stay in location-inference.ts).
 * Measured against the simulator's ground truth by `office-watch simulate --score`. Per location, from the
 * previous row to this one:
 * - a gap in scraping (previous snapshot over 3 hours older, floored) counts nothing: the row only
 *   updates the state;
 * - a slot that vanished is a booking, unless it starts before now + the slot length, or today before every
 *   slot still free (expired, or closed for booking), or it vanished together with every other free slot of its day
 *   while that day had two or more (a day taken off the site, not booked);
 * - a slot that (re)appears (and is not yet over) is a cancellation when it was counted as booked, or when its
 *   day was on the site before (with free slots, or fully booked and now showing just this one): a whole day
 *   re-appearing and new days past the previous end of the calendar are not cancellations.
 * Each changed slot is judged in improved-changes.ts, which the app's slot grid calls too.
 */
export interface ImprovedState {
  /** Free slots of the previous row, ascending (undefined before the first row). */
  previous: readonly WallSeconds[] | undefined;
  /** Floored time of the previous row. */
  lastQuarter: WallSeconds | undefined;
  /** Slots counted as booked and not since seen free again, ascending. */
  booked: WallSeconds[];
}

export const emptyImprovedState = (): ImprovedState => ({ previous: undefined, lastQuarter: undefined, booked: [] });

/**
 * Apply one row (`freeNow` sorted ascending) seen at `now` (exact wall seconds) to the state and return the
 * bookings and cancellations it shows, in slot order. Pure apart from updating `state`. `changes`: the diff of
 * the previous row and `freeNow`, where the caller has it already.
 */
export function inferImproved(
  state: ImprovedState,
  freeNow: readonly WallSeconds[],
  now: WallSeconds,
  changes?: { removed: WallSeconds[]; added: WallSeconds[] },
): InferredEvent[] {
  const previous = state.previous;
  const counting = previous !== undefined && countsAcross(state.lastQuarter, now);
  state.previous = freeNow;
  state.lastQuarter = floorQuarter(now);
  const events: InferredEvent[] = [];
  if (previous === undefined) return events;
  const { removed, added } = changes ?? diffSorted(previous, freeNow);
  // An unchanged row shows nothing (most rows): past booked slots are pruned at the next change.
  if (removed.length === 0 && added.length === 0) return events;
  const booked = new Set(state.booked.filter((slot) => slot > now));
  if (counting && removed.length > 0) {
    const vanished = vanishedClassifier(previous, freeNow, removed, now);
    for (const slot of removed) {
      if (vanished(slot) !== 'booked') continue;
      events.push({ kind: 'appointment', slot });
      booked.add(slot);
    }
  }
  if (added.length === 0) {
    state.booked = [...booked].sort((a, b) => a - b);
    return events.sort((a, b) => a.slot - b.slot);
  }
  const cancelled = cancellationTest(previous, added, now);
  for (const slot of added) {
    const wasBooked = booked.delete(slot);
    if (counting && cancelled(slot, wasBooked)) events.push({ kind: 'cancellation', slot });
  }
  state.booked = [...booked].sort((a, b) => a - b);
  events.sort((a, b) => a.slot - b.slot);
  return events;
}
