import { useMemo, useRef } from 'react';
import type { WallTime } from '../../../scrapers/types.js';
import type { CityFrame, CitySlots, WatchData } from '../data/app-data.js';
import { atOrBefore } from '../data/cursor.js';
import { buildSlotGrid, slotDays, type SlotGrid } from '../data/slot-grid.js';
import type { SlotsState } from '../state/slots-state.js';
import { useAsync } from './use-async.js';

export interface SlotsData {
  frame?: CityFrame;
  grid: SlotGrid;
  times: WallTime[];
  history?: { index: number; total: number };
  loading: boolean;
  error?: string;
}

/**
 * The slots view's data for the selected city: the snapshot times and the frame at the cursor, at once where
 * they were read before (or read ahead), else in one load (one re-render), the last frame shown staying while
 * it runs; reloaded when the city's sources change while live, left alone in history.
 */
export function useSlotsData(
  data: WatchData,
  city: string | undefined,
  state: SlotsState,
  active: boolean,
  cityKey: string,
): SlotsData {
  const live = state.cursor === undefined;
  const key = `${city}\u0000${state.cursor}\u0000${live ? cityKey : ''}`;
  const peeked = city && active ? data.peekSlots?.(city, state.cursor) : undefined;
  const load = async (name: string) => ({ key, ...(await data.slots(name, state.cursor)) });
  const loaded = useAsync(city && active && !peeked ? () => load(city) : undefined, [
    data,
    key,
    active,
    peeked === undefined,
  ]);
  const current: CitySlots | undefined = peeked ?? (loaded.value?.key === key ? loaded.value : undefined);
  const shown = useRef<CitySlots | undefined>(undefined);
  if (current) shown.current = current;
  const slots = current ?? (shown.current?.frame.city === city ? shown.current : undefined);
  const frame = slots?.frame;
  const days = useMemo(() => slotDays(frame ?? EMPTY), [frame]);
  const grid = useMemo(() => buildSlotGrid(frame ?? EMPTY, state.day, days), [frame, state.day, days]);
  const times = slots?.times ?? [];
  const result: SlotsData = { grid, times, loading: current === undefined && city !== undefined };
  if (frame) result.frame = frame;
  if (loaded.error) result.error = loaded.error;
  if (frame?.at && times.length > 0)
    result.history = { index: live ? times.length : atOrBefore(times, frame.at) + 1, total: times.length };
  return result;
}

const EMPTY: CityFrame = { city: '', columns: [] };
