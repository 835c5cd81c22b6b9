import type { WallTime } from '../../../scrapers/types.js';
import { cancellationTest, countsAcross, vanishedClassifier, type Vanished } from '../../../store/index.js';
import { floorQuarter, wallToMs, type WallSeconds } from '../../../core/wall-clock.js';
import type { FrameColumn } from './app-data.js';

/** What changed in one column on one day since its previous snapshot, judged by the store's improved rules. */
export interface DayChanges {
  /** Each slot of the day gone since the previous snapshot, with what it was. */
  vanished: Map<WallTime, Vanished>;
  /** The slots of the day that came back as cancellations (others that appeared are new: plain free slots). */
  freed: Set<WallTime>;
}

const NONE: DayChanges = { vanished: new Map(), freed: new Set() };

/**
 * Judge a column's changes on one day (`removed`/`added`: that day's diff) as the store's inference does: the
 * column's whole previous and current lists decide (slot length, first free slot, the calendar's end). Nothing
 * counts across a gap in scraping of over 3 hours. Unlike the store, the grid does not know which slots earlier
 * snapshots counted as booked: a slot that comes back is freed when its day was on the site before.
 */
export function dayChanges(column: FrameColumn, removed: readonly WallTime[], added: readonly WallTime[]): DayChanges {
  const { previous, previousAt, takenAt } = column;
  if (!previous || !previousAt || !takenAt || (removed.length === 0 && added.length === 0)) return NONE;
  const now = seconds(takenAt);
  if (!countsAcross(floorQuarter(seconds(previousAt)), now)) return NONE;
  const before = secondsOf(previous);
  const after = secondsOf(column.slots);
  const vanished = vanishedClassifier(before, after, removed.map(seconds), now);
  const cancelled = cancellationTest(before, added.map(seconds), now);
  return {
    vanished: new Map(removed.map((slot) => [slot, vanished(seconds(slot))])),
    freed: new Set(added.filter((slot) => cancelled(seconds(slot), false))),
  };
}

/** Whether the column's previous snapshot is too far back for its changes to count. */
export function acrossGap(column: FrameColumn): boolean {
  const { previousAt, takenAt } = column;
  if (previousAt === undefined || takenAt === undefined) return false;
  return !countsAcross(floorQuarter(seconds(previousAt)), seconds(takenAt));
}

const seconds = (wall: WallTime): WallSeconds => wallToMs(wall) / 1000;

// A snapshot's lists are read once and shared by the frames that show them: converted once each.
const converted = new WeakMap<readonly WallTime[], WallSeconds[]>();

function secondsOf(slots: readonly WallTime[]): WallSeconds[] {
  let found = converted.get(slots);
  if (!found) converted.set(slots, (found = slots.map(seconds)));
  return found;
}
