import { useEffect } from 'react';
import type { WatchData } from '../data/app-data.js';

/** Where j and k go next: the cities below and above the selected one, and the one after next below (j held down). */
export function neighbours(cities: readonly { name: string }[], city: string | undefined): string[] {
  const index = cities.findIndex((c) => c.name === city);
  if (index < 0) return [];
  return [cities[index + 1]?.name, cities[index - 1]?.name, cities[index + 2]?.name].filter(
    (name): name is string => name !== undefined,
  );
}

/**
 * Once the shown city has loaded, read these cities' frames at the cursor (the history's moment, kept across
 * cities; undefined: the newest) ahead, so that j/k show them at once.
 * Effects run after the frame is drawn: the reads start then, not later (a key may come soon).
 */
export function usePrefetch(data: WatchData, cities: string[], at?: string): void {
  const key = `${cities.join('\u0000')}\u0001${at}`;
  useEffect(() => {
    for (const city of cities) data.prefetch?.(city, at);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, key]);
}
