import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, hostLimit, roundLowerBoundMs } from '../../../source/scheduler/index.js';
import { memoryStore, site, trackingScraper } from './helpers.js';

const HOSTS = [
  'tevis.ekom21.de',
  'termine-reservieren.de',
  'tempus-termine.com',
  'www.etermin.net',
  'onlinetermine.bonn.de',
];

/** A round on the fake clock: its scrapes' times pass as fast as they can, in order, the same on any machine. */
async function fast<T>(round: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return round;
}

describe('politeness limits', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('never exceeds the per-host limit (1, and 3 for tempus-termine.com) and uses it fully', async () => {
    const sites = Array.from({ length: 40 }, (_, i) => site(`s${i}`, HOSTS[i % HOSTS.length]!));
    const tracker = trackingScraper((s) => 5 + (Number(s.id.slice(1)) % 7) * 3);
    const scheduler = createScheduler({ sites, store: memoryStore(), scraperFor: () => tracker.scraper, parallel: 7 });
    const round = await fast(scheduler.runRound());
    expect(round.outcomes).toHaveLength(40);
    expect(round.outcomes.every((o) => o.run.ok)).toBe(true);
    for (const host of HOSTS) expect(tracker.maxPerHost.get(host), host).toBe(host === 'tempus-termine.com' ? 3 : 1);
    expect(tracker.maxTotal).toBeLessThanOrEqual(7);
  });

  it('honours a configured per-host limit and a small global limit', async () => {
    const sites = Array.from({ length: 24 }, (_, i) => site(`s${i}`, `h${i % 3}.example`));
    const tracker = trackingScraper(() => 10);
    const scheduler = createScheduler({
      sites,
      store: memoryStore(),
      scraperFor: () => tracker.scraper,
      parallel: 4,
      perHost: 2,
      hostLimits: { 'h0.example': 4 },
    });
    await fast(scheduler.runRound());
    expect(tracker.maxPerHost.get('h0.example')).toBeLessThanOrEqual(4);
    expect(tracker.maxPerHost.get('h1.example')).toBe(2);
    expect(tracker.maxPerHost.get('h2.example')).toBe(2);
    expect(tracker.maxTotal).toBe(4);
  });

  it('ends a round of many sites over few hosts close to the bound the per-host limits allow', async () => {
    // 30 sites: 12 on a 1-connection host, 9 on another, 9 on tempus (3 connections); uneven durations.
    const hosts = [
      ...Array(12).fill('a.example'),
      ...Array(9).fill('b.example'),
      ...Array(9).fill('tempus-termine.com'),
    ] as string[];
    const sites = hosts.map((host, i) => site(`s${i}`, host));
    const delay = (s: { id: string }) => 20 + (Number(s.id.slice(1)) % 4) * 10;
    const tracker = trackingScraper(delay);
    const scheduler = createScheduler({ sites, store: memoryStore(), scraperFor: () => tracker.scraper, parallel: 8 });
    const byHost = new Map<string, number[]>();
    for (const s of sites) byHost.set(new URL(s.url).host, [...(byHost.get(new URL(s.url).host) ?? []), delay(s)]);
    const bound = roundLowerBoundMs(byHost, (host) => hostLimit(host, { 'tempus-termine.com': 3 }, 1), 8);
    const round = await fast(scheduler.runRound());
    // On the fake clock the round lasts what its order makes it (no event loop's time on top): a good order is near
    // the bound (here it meets it: 420 ms).
    expect(round.durationMs).toBeGreaterThanOrEqual(bound);
    expect(round.durationMs).toBeLessThanOrEqual(bound * 1.25);
  });

  it('puts a host with more work ahead of a host with less when the global limit binds', async () => {
    // Global limit 1: order does not matter for the total, but the heaviest host must be served first.
    const sites = [site('light', 'light.example'), site('heavy1', 'heavy.example'), site('heavy2', 'heavy.example')];
    const tracker = trackingScraper(() => 5);
    const scheduler = createScheduler({ sites, store: memoryStore(), scraperFor: () => tracker.scraper, parallel: 1 });
    await fast(scheduler.runRound());
    expect(tracker.calls[0]).toMatch(/^heavy/);
  });
});
