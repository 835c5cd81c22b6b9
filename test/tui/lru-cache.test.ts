import { expect, test } from 'vitest';
import { LruCache } from '../../source/tui/data/lru-cache.js';

test('an LRU cache keeps its capacity and lets the least recently used entry go first', () => {
  const cache = new LruCache<number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  expect(cache.get('a')).toBe(1);
  cache.set('c', 3);
  expect(cache.get('b')).toBeUndefined();
  expect([cache.get('a'), cache.get('c')]).toEqual([1, 3]);
  cache.set('a', 4);
  cache.set('d', 5);
  expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([4, undefined, 5]);
});
