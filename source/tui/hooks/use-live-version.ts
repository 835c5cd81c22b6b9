import { useEffect, useRef, useState } from 'react';
import type { WatchData } from '../data/app-data.js';

/**
 * A counter that moves when the data changes, to re-render by: at most once per `throttleMs`, however many
 * snapshots arrive in between (a round stores many at once). What changed is in the data's own versions
 * (`data.version(sourceId)`), which the caches key on too.
 */
export function useLiveVersion(data: WatchData, throttleMs: number): number {
  const [version, setVersion] = useState(0);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const last = useRef(0);
  useEffect(() => {
    const flush = () => {
      timer.current = undefined;
      last.current = Date.now();
      setVersion((before) => before + 1);
    };
    const off = data.subscribe(() => {
      if (timer.current) return;
      const wait = Math.max(0, last.current + throttleMs - Date.now());
      timer.current = setTimeout(flush, wait);
    });
    return () => {
      off();
      clearTimeout(timer.current);
    };
  }, [data, throttleMs]);
  return version;
}
