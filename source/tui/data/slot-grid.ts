import type { WallTime } from '../../../scrapers/types.js';
import { diffSorted } from '../../../store/index.js';
import type { CityFrame } from './app-data.js';
import { acrossGap, dayChanges } from './column-changes.js';
import { atOrBefore } from './cursor.js';

/**
 * A cell of the grid, by the store's improved rules: free now; since the previous snapshot booked, freed (a
 * cancellation), passed (expired or closed for booking) or withdrawn (its whole day taken off the site); or nothing.
 */
export type CellMark = 'free' | 'booked' | 'freed' | 'passed' | 'withdrawn' | 'none';

export interface SlotRow {
  /** 'HH:MM' */
  time: string;
  cells: CellMark[];
}

export interface SlotGrid {
  /** Days with any slot (free now or just gone), ascending 'YYYY-MM-DD'. */
  days: string[];
  day?: string;
  rows: SlotRow[];
  booked: number;
  freed: number;
  free: number;
  passed: number;
  withdrawn: number;
  /** Some column's previous snapshot is too far back (over 3 hours) for its changes to count. */
  gap: boolean;
}

const daysOfFrames = new WeakMap<CityFrame, string[]>();

/**
 * The days of a frame that have anything to show: a slot free now, or one gone since the previous snapshot.
 * Worked out once per frame; SlotsCache asks as it reads a frame ahead, so a key that shows it need not.
 */
export function slotDays(frame: CityFrame): string[] {
  let days = daysOfFrames.get(frame);
  if (!days) daysOfFrames.set(frame, (days = findDays(frame)));
  return days;
}

function findDays(frame: CityFrame): string[] {
  const days = new Set<string>();
  for (const column of frame.columns) {
    // A day is added once per run of its slots, not once per slot.
    let last = '';
    for (const slot of column.slots) if (!last || !slot.startsWith(last)) days.add((last = slot.slice(0, 10)));
    // Not across a gap in scraping: nothing that vanished then is shown.
    if (!column.previous || acrossGap(column)) continue;
    for (const slot of diffSorted(column.previous, column.slots).removed) days.add(slot.slice(0, 10));
  }
  return [...days].sort();
}

/** The day to show: the wanted one if it has slots, else the next day that has, else the last. */
export function effectiveDay(days: readonly string[], wanted: string | undefined): string | undefined {
  if (days.length === 0) return undefined;
  if (wanted === undefined) return days[0];
  return days.find((day) => day >= wanted) ?? days[days.length - 1];
}

/** The Bonn-like table of one day: a row per slot time that is marked in any column (`days`: the frame's slotDays). */
export function buildSlotGrid(frame: CityFrame, wantedDay?: string, days = slotDays(frame)): SlotGrid {
  const day = effectiveDay(days, wantedDay);
  const grid: SlotGrid = { days, rows: [], booked: 0, freed: 0, free: 0, passed: 0, withdrawn: 0, gap: false };
  if (day === undefined) return grid;
  grid.day = day;
  const marks = new Map<string, CellMark[]>();
  const width = frame.columns.length;
  const mark = (slot: WallTime, column: number, value: CellMark) => {
    const time = slot.slice(11, 16);
    let row = marks.get(time);
    if (!row) marks.set(time, (row = new Array<CellMark>(width).fill('none')));
    row[column] = value;
  };
  frame.columns.forEach((column, index) => {
    const now = onDay(column.slots, day);
    const diff = column.previous ? diffSorted(onDay(column.previous, day), now) : undefined;
    const changes = diff ? dayChanges(column, diff.removed, diff.added) : undefined;
    for (const slot of now) mark(slot, index, changes?.freed.has(slot) ? 'freed' : 'free');
    for (const slot of diff?.removed ?? []) {
      const what = changes?.vanished.get(slot);
      if (what) mark(slot, index, what), grid[what]++;
    }
    const freed = changes?.freed.size ?? 0;
    grid.free += now.length - freed;
    grid.freed += freed;
    grid.gap ||= acrossGap(column);
  });
  grid.rows = [...marks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([time, cells]) => ({ time, cells }));
  return grid;
}

/** The slots of one day: a slice found by binary search (slots are ascending 'YYYY-MM-DD HH:MM:SS'). */
function onDay(slots: readonly WallTime[], day: string): readonly WallTime[] {
  return slots.slice(atOrBefore(slots, day) + 1, atOrBefore(slots, `${day}~`) + 1);
}
