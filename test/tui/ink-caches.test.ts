import { describe, expect, test } from 'vitest';
import { BoundedCache, INK_CACHE_LIMIT, sharedOutputCaches, type OutputCaches } from '../../source/tui/ink-caches.js';

const emptyCaches = (): OutputCaches => ({ widths: new Map(), blockWidths: new Map(), styledChars: new Map() });

describe("Ink's caches, as the bundle puts them in", () => {
  test('every frame gets the same output caches until they hold more than the limit, then fresh ones', () => {
    const first = sharedOutputCaches(emptyCaches);
    expect(sharedOutputCaches(emptyCaches)).toBe(first);
    for (let i = 0; i <= INK_CACHE_LIMIT; i++) first.styledChars.set(`line ${i}`, []);
    const next = sharedOutputCaches(emptyCaches);
    expect(next).not.toBe(first);
    expect(next.styledChars.size).toBe(0);
  });

  test('a bounded cache starts afresh when full; a known key is updated in place', () => {
    const cache = new BoundedCache<string, number>(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1);
    cache.set('b', 2);
    expect([...cache]).toEqual([['a', 1], ['b', 2], ['c', 1]]);
    cache.set('d', 1);
    expect([...cache.keys()]).toEqual(['d']);
  });
});
