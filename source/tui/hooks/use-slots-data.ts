import { useMemo } from 'react';
import type { WallTime } from '../../../scrapers/types.js';
import type { CityFrame, WatchData } from '../data/app-data.js';
import { atOrBefore } from '../data/cursor.js';
import { buildSlotGrid, type SlotGrid } from '../data/slot-grid.js';
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
 * The slots view's data for the selected city: the snapshot times and the frame at the cursor in one load
 * (one re-render); reloaded when the city's sources change while live, left alone in history.
 */
export function useSlotsData(data: WatchData, city: string | undefined, state: SlotsState, active: boolean, cityKey: string): SlotsData {
  const live = state.cursor === undefined;
  const load = async (name: string) => {
    const [times, frame] = await Promise.all([data.snapshotTimes(name), data.frame(name, state.cursor)]);
    return { times, frame };
  };
  const loaded = useAsync(city && active ? () => load(city) : undefined, [data, city, state.cursor, live ? cityKey : '', active]);
  const frame = loaded.value?.frame.city === city ? loaded.value?.frame : undefined;
  const grid = useMemo(() => buildSlotGrid(frame ?? { city: '', columns: [] }, state.day), [frame, state.day]);
  const times = (frame && loaded.value?.times) || [];
  const result: SlotsData = { grid, times, loading: loaded.loading };
  if (frame) result.frame = frame;
  if (loaded.error) result.error = loaded.error;
  if (frame?.at && times.length > 0) result.history = { index: live ? times.length : atOrBefore(times, frame.at) + 1, total: times.length };
  return result;
}
