import { describe, expect, test } from 'vitest';
import { BoundedCache, STYLED_LINES_KEPT, sharedOutputCaches, TEXT_SIZES_KEPT, type OutputCaches } from '../../source/tui/ink-caches.js';

const emptyCaches = (): OutputCaches => ({ widths: new Map(), blockWidths: new Map(), styledChars: new Map() });

describe("Ink's caches, as the bundle puts them in", () => {
  test('every frame gets the same output caches until they hold more lines or widths than kept, then fresh ones', () => {
    const first = sharedOutputCaches(emptyCaches);
    expect(sharedOutputCaches(emptyCaches)).toBe(first);
    for (let i = 0; i <= STYLED_LINES_KEPT; i++) first.styledChars.set(`line ${i}`, []);
    const second = sharedOutputCaches(emptyCaches);
    expect(second).not.toBe(first);
    expect(second.styledChars.size).toBe(0);
    for (let i = 0; i <= TEXT_SIZES_KEPT; i++) second.widths.set(`text ${i}`, 1);
    expect(sharedOutputCaches(emptyCaches)).not.toBe(second);
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
