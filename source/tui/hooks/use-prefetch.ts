import { useEffect } from 'react';
import type { WatchData } from '../data/app-data.js';

/** The cities above and below the selected one: where j and k go next. */
export function neighbours(cities: readonly { name: string }[], city: string | undefined): string[] {
  const index = cities.findIndex((c) => c.name === city);
  return index < 0 ? [] : [cities[index + 1]?.name, cities[index - 1]?.name].filter((name): name is string => name !== undefined);
}

/** Once the shown city has loaded, read these cities' newest frames ahead, so that j/k show them at once. */
export function usePrefetch(data: WatchData, cities: string[]): void {
  const key = cities.join('\u0000');
  useEffect(() => {
    if (!data.prefetch || cities.length === 0) return;
    const timer = setTimeout(() => cities.forEach((city) => data.prefetch?.(city)), 30);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, key]);
}
