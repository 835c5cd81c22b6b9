import { SECONDS, floorDay, type WallSeconds } from './wall-clock.js';
import { lowerBound, type InferredEvent } from './location-inference.js';
import { diffSorted } from './records.js';

/**
 * The improved rules (office-watch's own figures; the published ones stay in location-inference.ts).
 * Measured against the simulator's ground truth by `office-watch simulate --score`. Per location, from the
 * previous row to this one:
 * - a gap in scraping (previous snapshot 16 minutes or more older, floored) counts nothing: the row only
 *   updates the state;
 * - a slot that vanished is a booking, unless it starts before now + the slot length, or today before every
 *   slot still free (expired, or closed for booking: real sites close slots 30–60 minutes ahead), or it vanished together with every other free slot of its day while that day had two or
 *   more (a day taken off the site, not booked);
 * - a slot that (re)appears (and is not yet over) is a cancellation when it was counted as booked, or when its
 *   day was on the site before (with free slots, or fully booked and now showing just this one): a whole day
 *   re-appearing and new days past the previous end of the calendar are not cancellations.
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

/** Longest gap between two snapshots that is still counted across (same as the published rule 2). */
export const MAX_GAP_SECONDS = 3 * 3600 + 60;
const DEFAULT_SLOT = 15 * 60;

/**
 * Apply one row (`freeNow` sorted ascending) seen at `now` (exact wall seconds) to the state and return the
 * bookings and cancellations it shows, in slot order. Pure apart from updating `state`. `changes`: the diff of
 * the previous row and `freeNow`, where the caller has it already.
 */
export function inferImproved(state: ImprovedState, freeNow: readonly WallSeconds[], now: WallSeconds, changes?: { removed: WallSeconds[]; added: WallSeconds[] }): InferredEvent[] {
  const quarter = now - (((now % SECONDS.QUARTER) + SECONDS.QUARTER) % SECONDS.QUARTER);
  const previous = state.previous;
  const counting = previous !== undefined && state.lastQuarter !== undefined && quarter - state.lastQuarter < MAX_GAP_SECONDS;
  state.previous = freeNow;
  state.lastQuarter = quarter;
  const events: InferredEvent[] = [];
  if (previous === undefined) return events;
  const { removed, added } = changes ?? diffSorted(previous, freeNow);
  // An unchanged row shows nothing (most rows): past booked slots are pruned at the next change.
  if (removed.length === 0 && added.length === 0) return events;
  const booked = new Set(state.booked.filter((slot) => slot > now));
  if (counting && removed.length > 0) {
    const cutoff = now + slotLength(previous);
    const firstNow = freeNow[0] ?? Infinity;
    const today = floorDay(now);
    for (const slot of removed) {
      // Expired or closed for booking: starts within a slot length, or today before every slot still free.
      if (slot < cutoff || (slot < firstNow && floorDay(slot) === today)) continue;
      const day = floorDay(slot);
      const before = countOnDay(previous, day);
      const wholeDay = before >= 2 && countOnDay(freeNow, day) === 0 && countOnDay(removed, day) === before;
      if (wholeDay) continue;
      events.push({ kind: 'appointment', slot });
      booked.add(slot);
    }
  }
  if (added.length === 0) {
    state.booked = [...booked].sort((a, b) => a - b);
    return events.sort((a, b) => a.slot - b.slot);
  }
  const lastDay = previous.length > 0 ? floorDay(previous[previous.length - 1]!) : -Infinity;
  for (const slot of added) {
    const wasBooked = booked.delete(slot);
    if (!counting || slot <= now) continue;
    const day = floorDay(slot);
    // A slot coming back on a day the site already showed (or alone on a fully booked one) was cancelled;
    // a whole day coming back, or new days past the previous end of the calendar, were not.
    const onShownDay = day <= lastDay && (countOnDay(previous, day) > 0 || countOnDay(added, day) === 1);
    if (wasBooked || onShownDay) events.push({ kind: 'cancellation', slot });
  }
  state.booked = [...booked].sort((a, b) => a - b);
  events.sort((a, b) => a.slot - b.slot);
  return events;
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
