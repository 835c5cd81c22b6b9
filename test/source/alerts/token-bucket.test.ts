import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../source/alerts/token-bucket.js';

describe('TokenBucket (a fake clock)', () => {
  it('lets a burst through, then one per interval; a hold (back-off, Retry-After) comes first', () => {
    let now = 1000;
    const bucket = new TokenBucket(2, 500, () => now);
    for (let i = 0; i < 2; i++) {
      expect(bucket.waitMs()).toBe(0);
      bucket.take();
    }
    expect(bucket.waitMs()).toBe(500);
    now += 200;
    expect(bucket.waitMs()).toBe(300);
    now += 300;
    expect(bucket.waitMs()).toBe(0);
    bucket.take();
    expect(bucket.waitMs()).toBe(500);
    now += 5000; // refills to the burst, no further
    bucket.take();
    bucket.take();
    expect(bucket.waitMs()).toBe(500);
    now += 500;
    bucket.holdUntil(now + 2000);
    expect(bucket.waitMs()).toBe(2000);
    bucket.holdUntil(now + 100); // an earlier hold does not shorten it
    expect(bucket.waitMs()).toBe(2000);
  });
});
