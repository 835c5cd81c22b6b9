import { describe, expect, test } from 'vitest';
import { InsightsCache } from '../../source/tui/data/insights-cache.js';
import { SourceVersions } from '../../source/tui/data/source-versions.js';
import type { Insights } from '../../store/insights.js';

const answer = (n: number): Insights => ({ first: '2021-08-01 00:00:00', last: `2021-08-0${n} 00:00:00`, cities: [] });

describe('InsightsCache', () => {
  test('one load for many readers; a new version reloads only after minAgeMs; a failed load is retried', async () => {
    let now = 0;
    let loads = 0;
    const versions = new SourceVersions();
    let fail = false;
    const cache = new InsightsCache(
      async () => {
        loads++;
        if (fail) throw new Error('db closed');
        return answer(loads);
      },
      () => versions.total,
      10_000,
      () => now,
    );
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    versions.bump(['bonn']);
    now = 5_000;
    expect((await cache.get())?.last).toBe('2021-08-01 00:00:00');
    now = 10_000;
    expect((await cache.get())?.last).toBe('2021-08-02 00:00:00');
    expect(await cache.get()).toBe(await cache.get());
    expect(loads).toBe(2);
    fail = true;
    versions.bump(['bonn']);
    now = 30_000;
    await expect(cache.get()).rejects.toThrow('db closed');
    fail = false;
    expect((await cache.get())?.last).toBe('2021-08-04 00:00:00');
  });
});
