import { useMemo } from 'react';
import type { TimelineScope, WatchData } from '../data/app-data.js';
import { hoursToRead, timelineSeries, type TimelineSeries } from '../data/timeline-series.js';
import { useAsync } from './use-async.js';

export interface TimelineData {
  scopes: TimelineScope[];
  scope?: TimelineScope;
  series?: TimelineSeries;
  end?: string;
  loading: boolean;
  error?: string;
}

/**
 * The timeline view's data: the city's scopes, then the hourly counts of the chosen one over `spanHours`, in
 * `points` buckets. While another span loads, the chart of the one before stays, titled by its own span.
 */
export function useTimelineData(
  data: WatchData,
  city: string | undefined,
  scopeIndex: number,
  active: boolean,
  cityKey: string,
  points: number,
  spanHours = 168,
): TimelineData {
  const scopes = useAsync(city && active ? () => data.scopes(city) : undefined, [data, city, active]);
  const list = scopes.value && scopes.value[0]?.label === city ? scopes.value : [];
  const scope = list[Math.min(scopeIndex, list.length - 1)];
  const hours = hoursToRead(spanHours, points);
  const read = async (name: string, of: TimelineScope) => ({ spanHours, ...(await data.hourly(name, of, hours)) });
  const load = city && scope && active ? () => read(city, scope) : undefined;
  const counts = useAsync(load, [data, city, scope, cityKey, active, hours, spanHours]);
  const value = counts.value;
  const series = useMemo(
    () => (value ? timelineSeries(value.counts, value.end, points, value.spanHours) : undefined),
    [value, points],
  );
  const result: TimelineData = { scopes: list, loading: scopes.loading || counts.loading };
  if (scope) result.scope = scope;
  if (series && value) {
    result.series = series;
    result.end = value.end;
  }
  const error = counts.error ?? scopes.error;
  if (error) result.error = error;
  return result;
}
