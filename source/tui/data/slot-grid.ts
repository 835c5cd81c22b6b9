import type { WallTime } from '../../../scrapers/types.js';
import type { CityFrame } from './app-data.js';

/** A cell of the grid: free now, booked since the previous snapshot, freed (cancelled) since then, or nothing. */
export type CellMark = 'free' | 'booked' | 'freed' | 'none';

export interface SlotRow {
  /** 'HH:MM' */
  time: string;
  cells: CellMark[];
}

export interface SlotGrid {
  /** Days with any slot (free now or just booked), ascending 'YYYY-MM-DD'. */
  days: string[];
  day?: string;
  rows: SlotRow[];
  booked: number;
  freed: number;
  free: number;
}

/** The days of a frame that have anything to show. */
export function slotDays(frame: CityFrame): string[] {
  const days = new Set<string>();
  for (const column of frame.columns) {
    // Slots are sorted: a day is added once per run, not once per slot.
    let last = '';
    for (const slot of column.slots) if (!slot.startsWith(last) || !last) days.add((last = slot.slice(0, 10)));
    if (!column.previous) continue;
    const now = new Set(column.slots);
    for (const slot of column.previous) if (!now.has(slot)) days.add(slot.slice(0, 10));
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
  const grid: SlotGrid = { days, rows: [], booked: 0, freed: 0, free: 0 };
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
    const before = column.previous ? onDay(column.previous, day) : undefined;
    const nowSet = new Set(now);
    const beforeSet = before ? new Set(before) : undefined;
    for (const slot of now) {
      const freed = beforeSet !== undefined && !beforeSet.has(slot);
      mark(slot, index, freed ? 'freed' : 'free');
      if (freed) grid.freed++;
      else grid.free++;
    }
    for (const slot of before ?? []) {
      if (nowSet.has(slot)) continue;
      mark(slot, index, 'booked');
      grid.booked++;
    }
  });
  grid.rows = [...marks.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([time, cells]) => ({ time, cells }));
  return grid;
}

function onDay(slots: readonly WallTime[], day: string): WallTime[] {
  return slots.filter((slot) => slot.startsWith(day));
}
