import { useMemo } from 'react';
import type { TimelineScope, WatchData } from '../data/app-data.js';
import { timelineSeries, type TimelineSeries } from '../data/timeline-series.js';
import { useAsync } from './use-async.js';

export interface TimelineData {
  scopes: TimelineScope[];
  scope?: TimelineScope;
  series?: TimelineSeries;
  end?: string;
  loading: boolean;
  error?: string;
}

/** The timeline view's data: the city's scopes, then the hourly counts of the chosen one, in `points` buckets. */
export function useTimelineData(data: WatchData, city: string | undefined, scopeIndex: number, active: boolean, cityKey: string, points: number): TimelineData {
  const scopes = useAsync(city && active ? () => data.scopes(city) : undefined, [data, city, active]);
  const list = scopes.value && scopes.value[0]?.label === city ? scopes.value : [];
  const scope = list[Math.min(scopeIndex, list.length - 1)];
  const counts = useAsync(city && scope && active ? () => data.hourly(city, scope) : undefined, [data, city, scope, cityKey, active]);
  const series = useMemo(() => (counts.value ? timelineSeries(counts.value.counts, counts.value.end, points) : undefined), [counts.value, points]);
  const result: TimelineData = { scopes: list, loading: scopes.loading || counts.loading };
  if (scope) result.scope = scope;
  if (series && counts.value) {
    result.series = series;
    result.end = counts.value.end;
  }
  const error = counts.error ?? scopes.error;
  if (error) result.error = error;
  return result;
}
