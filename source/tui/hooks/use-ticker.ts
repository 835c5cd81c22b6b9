import { useEffect, useState } from 'react';

/** A counter that changes every `ms` (clock-driven parts: next run, stale states). */
export function useTicker(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return tick;
}
