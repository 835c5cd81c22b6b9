import { useEffect, useRef, useState } from 'react';
import type { WatchData } from '../data/app-data.js';

/** Version counters that change when data changes: one for the overview, one per source. */
export interface LiveVersions {
  overview: number;
  sources: ReadonlyMap<string, number>;
}

/**
 * Subscribe to the data's change events and re-render at most once per `throttleMs`,
 * however many snapshots arrive in between (a round stores many at once).
 */
export function useLiveVersions(data: WatchData, throttleMs: number): LiveVersions {
  const [versions, setVersions] = useState<LiveVersions>({ overview: 0, sources: new Map() });
  const pending = useRef<Set<string>>(new Set());
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const last = useRef(0);
  useEffect(() => {
    const flush = () => {
      timer.current = undefined;
      last.current = Date.now();
      const changed = pending.current;
      pending.current = new Set();
      setVersions((before) => {
        const sources = new Map(before.sources);
        for (const id of changed) sources.set(id, (sources.get(id) ?? 0) + 1);
        return { overview: before.overview + 1, sources };
      });
    };
    const off = data.subscribe((changed) => {
      for (const id of changed ?? []) pending.current.add(id);
      if (timer.current) return;
      const wait = Math.max(0, last.current + throttleMs - Date.now());
      timer.current = setTimeout(flush, wait);
    });
    return () => {
      off();
      clearTimeout(timer.current);
    };
  }, [data, throttleMs]);
  return versions;
}
