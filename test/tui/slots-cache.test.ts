import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CitySlots } from '../../source/tui/data/app-data.js';
import { SlotsCache } from '../../source/tui/data/slots-cache.js';
import { SourceVersions } from '../../source/tui/data/source-versions.js';
import { neighbours } from '../../source/tui/hooks/use-prefetch.js';

const TIMES = ['2021-08-10 11:30:00', '2021-08-10 11:45:00', '2021-08-10 12:00:00'];

/** A cache over a reader that counts its reads and can be held back. */
function cacheWithReads() {
  const reads: string[] = [];
  let hold: Promise<void> = Promise.resolve();
  // One source per city, named for it.
  const versions = new SourceVersions();
  const cache = new SlotsCache(
    async (city, at): Promise<CitySlots> => {
      reads.push(`${city} ${at ?? 'live'}`);
      await hold;
      return { times: TIMES, frame: { city, columns: [], at: at ?? TIMES[2]! } };
    },
    (city) => versions.keyOf([city]),
  );
  return { cache, reads, versions, holdReads: (until: Promise<void>) => (hold = until) };
}

describe('SlotsCache', () => {
  afterEach(() => void vi.useRealTimers());

  test('keeps what it read; reads the snapshot before ahead, once', async () => {
    vi.useFakeTimers();
    const { cache, reads } = cacheWithReads();
    expect(cache.peek('Bonn', undefined)).toBeUndefined();
    await cache.load('Bonn', undefined);
    expect(cache.peek('Bonn', undefined)?.frame.at).toBe(TIMES[2]);
    expect(cache.peek('Bonn', TIMES[1])).toBeUndefined();
    await vi.advanceTimersByTimeAsync(20);
    expect(cache.peek('Bonn', TIMES[1])?.frame.at).toBe(TIMES[1]);
    // The read-ahead read no further on its own.
    await vi.advanceTimersByTimeAsync(60);
    expect(reads).toEqual(['Bonn live', `Bonn ${TIMES[1]}`]);
    expect(cache.peek('Bonn', TIMES[0])).toBeUndefined();
  });

  test('no read-ahead when asked for none, nor before the oldest snapshot', async () => {
    vi.useFakeTimers();
    const { cache, reads } = cacheWithReads();
    await cache.load('Bonn', undefined, false);
    await cache.load('Köln', TIMES[0]);
    await vi.advanceTimersByTimeAsync(60);
    expect(reads).toEqual(['Bonn live', `Köln ${TIMES[0]}`]);
  });

  test('a new version of the city: read anew, and a read that was running when it moved is not kept', async () => {
    const { cache, reads, versions, holdReads } = cacheWithReads();
    await cache.load('Bonn', undefined, false);
    await cache.load('Köln', undefined, false);
    versions.bump(['Bonn']);
    expect(cache.peek('Bonn', undefined)).toBeUndefined();
    expect(cache.peek('Köln', undefined)).toBeDefined();
    let release!: () => void;
    holdReads(new Promise<void>((resolve) => (release = resolve)));
    const running = cache.load('Bonn', undefined, false);
    versions.bump(['Bonn']);
    release();
    await running;
    expect(cache.peek('Bonn', undefined)).toBeUndefined();
    expect(reads).toEqual(['Bonn live', 'Köln live', 'Bonn live']);
  });
});

describe('neighbours', () => {
  const cities = ['Aachen', 'Bonn', 'Celle', 'Dresden'].map((name) => ({ name }));
  test('below, above, and the one after next below; none past the ends', () => {
    expect(neighbours(cities, 'Bonn')).toEqual(['Celle', 'Aachen', 'Dresden']);
    expect(neighbours(cities, 'Aachen')).toEqual(['Bonn', 'Celle']);
    expect(neighbours(cities, 'Dresden')).toEqual(['Celle']);
    expect(neighbours(cities, 'Essen')).toEqual([]);
  });
});
