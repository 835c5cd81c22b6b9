import type { Insights } from '../../../store/index.js';
import type { WatchData } from '../data/app-data.js';
import { useAsync } from './use-async.js';

/** Every city's insights while the insights view shows, re-read when new data arrives (the data side caches). */
export function useInsightsData(
  data: WatchData,
  active: boolean,
  version: number,
): { insights?: Insights | undefined; loading: boolean; error?: string | undefined } {
  const load = active && data.insights ? () => data.insights!() : undefined;
  const state = useAsync(load, [data, active, version]);
  return { insights: state.value, loading: state.loading, error: state.error };
}
