import { describe, expect, test } from 'vitest';
import { InsightsCache } from '../../source/tui/data/insights-cache.js';
import { parseWatchPrompt } from '../../source/tui/watch-prompt.js';
import type { Insights } from '../../store/insights.js';

const answer = (n: number): Insights => ({ first: '2021-08-01 00:00:00', last: `2021-08-0${n} 00:00:00`, cities: [] });

describe('InsightsCache', () => {
  test('one load for many readers; new data reloads only after minAgeMs; a failed load is tried again', async () => {
    let now = 0;
    let loads = 0;
    let fail = false;
    const cache = new InsightsCache(async () => {
      loads++;
      if (fail) throw new Error('db closed');
      return answer(loads);
    }, 10_000, () => now);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    cache.invalidate();
    now = 5_000;
    expect((await cache.get())?.last).toBe('2021-08-01 00:00:00');
    now = 10_000;
    expect((await cache.get())?.last).toBe('2021-08-02 00:00:00');
    expect(await cache.get()).toBe(await cache.get());
    expect(loads).toBe(2);
    fail = true;
    cache.invalidate();
    now = 30_000;
    await expect(cache.get()).rejects.toThrow('db closed');
    fail = false;
    expect((await cache.get())?.last).toBe('2021-08-04 00:00:00');
  });
});

describe('the w prompt', () => {
  test('empty: 14 days; days, hours and weekdays in any order; checked by watch add rules', () => {
    expect(parseWatchPrompt('Bonn', '  ', '2021-08-10')).toEqual({ city: 'Bonn', withinDays: 14 });
    expect(parseWatchPrompt('Bonn', 'mon,fri 08-12 7', '2021-08-10')).toEqual({ city: 'Bonn', withinDays: 7, hours: { from: 8, to: 12 }, weekdays: [1, 5] });
    expect(() => parseWatchPrompt('Bonn', '400', '2021-08-10')).toThrow('--within needs a whole number of days from 0 to 366');
    expect(() => parseWatchPrompt('Bonn', '7 tomorrow!', '2021-08-10')).toThrow('"tomorrow!" is not a number of days, hours such as 08-12 or weekdays such as mon,tue.');
  });
});
