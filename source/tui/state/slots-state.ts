import type { WallTime } from '../../../scrapers/types.js';
import { cursorAt, shiftDays, stepCursor } from '../data/cursor.js';
import { effectiveDay } from '../data/slot-grid.js';

/**
 * The slots view: the day shown, the history cursor (undefined: the newest snapshot, live; else a moment, kept
 * across cities) and scroll offsets.
 */
export interface SlotsState {
  day?: string;
  cursor?: WallTime;
  column: number;
  row: number;
}

export type SlotsAction =
  | { type: 'day'; delta: number }
  | { type: 'history'; delta: number }
  | { type: 'history-day'; delta: number }
  | { type: 'goto'; at: WallTime }
  | { type: 'latest' }
  | { type: 'columns'; delta: number }
  | { type: 'rows'; delta: number }
  | { type: 'city-changed' };

export interface SlotsContext {
  days: readonly string[];
  times: readonly WallTime[];
  columns: number;
  /** Columns that fit on screen. */
  visibleColumns: number;
  rows: number;
  visibleRows: number;
}

export const initialSlots: SlotsState = { column: 0, row: 0 };

const clamp = (value: number, max: number) => Math.max(0, Math.min(Math.max(0, max), value));

/** The pure state transition of the slots view. */
export function reduceSlots(state: SlotsState, action: SlotsAction, context: SlotsContext): SlotsState {
  switch (action.type) {
    case 'day': {
      const { days } = context;
      const current = effectiveDay(days, state.day);
      if (current === undefined) return state;
      const index = days.indexOf(current) + action.delta;
      return { ...state, day: days[clamp(index, days.length - 1)]!, row: 0 };
    }
    case 'history':
      return withCursor(state, stepCursor(context.times, state.cursor, action.delta));
    case 'history-day': {
      const from = state.cursor ?? context.times[context.times.length - 1];
      if (from === undefined) return state;
      const cursor = cursorAt(context.times, shiftDays(from, action.delta));
      // Forward across a gap of days in the history: at least one snapshot on.
      return withCursor(
        state,
        cursor === state.cursor && action.delta > 0 ? stepCursor(context.times, cursor, 1) : cursor,
      );
    }
    case 'goto':
      return { ...withCursor(state, cursorAt(context.times, action.at)), day: action.at.slice(0, 10), row: 0 };
    case 'latest':
      return withCursor(state, undefined);
    case 'columns':
      return { ...state, column: clamp(state.column + action.delta, context.columns - context.visibleColumns) };
    case 'rows':
      return { ...state, row: clamp(state.row + action.delta, context.rows - context.visibleRows) };
    case 'city-changed':
      // The same moment in the other city: its snapshots in force then.
      return { ...state, column: 0, row: 0 };
  }
}

function withCursor(state: SlotsState, cursor: WallTime | undefined): SlotsState {
  const { cursor: _old, ...rest } = state;
  return cursor === undefined ? rest : { ...rest, cursor };
}
