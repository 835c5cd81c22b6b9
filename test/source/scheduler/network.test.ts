import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScrapeFailure, Site } from '../../../scrapers/types.js';
import { createScheduler, type Lookup } from '../../../source/scheduler/index.js';
import { manualClock, memoryStore, site, trackingScraper } from './helpers.js';

const MIN = 60_000;
const offline: Lookup = (host) =>
  Promise.reject(Object.assign(new Error(`getaddrinfo EAI_AGAIN ${host}`), { code: 'EAI_AGAIN' }));
const online: Lookup = () => Promise.resolve('192.0.2.1');
const down = (code: string): ScrapeFailure => ({ kind: 'down', message: `${code} at somewhere`, code });

/** 12 sites on 6 hosts. */
const SITES = Array.from({ length: 12 }, (_, i) => site(`s${i}`, `h${i % 6}.example`));

function setup(sites: Site[], lookup: Lookup, fail: (s: Site) => ScrapeFailure | undefined, delayMs = 1, parallel = 8) {
  const clock = manualClock();
  const store = memoryStore();
  const tracker = trackingScraper(() => delayMs, fail);
  const network = { lookup, probeTimeoutMs: 200 };
  const scraperFor = () => tracker.scraper;
  const scheduler = createScheduler({ sites, store, scraperFor, now: clock.now, random: () => 0.5, parallel, network });
  return { clock, store, tracker, scheduler };
}

afterEach(() => void vi.useRealTimers());

describe('the scheduler on a machine without network', () => {
  it('looks a few hosts up first and, when none resolves, scrapes nothing and says why', async () => {
    const { scheduler, store, tracker } = setup(SITES, offline, () => down('EAI_AGAIN'));
    const round = await scheduler.runRound();
    expect(round.networkDown).toBe('EAI_AGAIN for 6 hosts: h0.example, h1.example, …');
    expect(round.outcomes).toEqual([]);
    expect(round.skipped.map((s) => s.reason)).toEqual(SITES.map(() => 'network-down'));
    expect(tracker.calls).toEqual([]);
    expect(store.runList).toEqual([]);
    expect(scheduler.networkDown).toBe(round.networkDown);
    // The health view does not fill with failures that are the network's.
    expect(scheduler.health().filter((h) => h.state === 'failing')).toEqual([]);
  });

  it('without a verdict from the lookups, the first scrapes that fail the same way end the round', async () => {
    // The resolver does not answer in time; the scrapes then find no route, one at a time.
    const silent: Lookup = () => new Promise(() => undefined);
    const { scheduler, store, tracker } = setup(SITES, silent, () => down('ENETUNREACH'), 5, 1);
    const round = await scheduler.runRound();
    expect(round.networkDown).toMatch(/^ENETUNREACH for 3 hosts/);
    expect(tracker.calls).toHaveLength(3);
    expect(store.runList).toHaveLength(3);
    expect(round.skipped.filter((s) => s.reason === 'network-down')).toHaveLength(SITES.length - 3);
  });

  it('scrapes in flight when the verdict comes are aborted, not recorded', async () => {
    const silent: Lookup = () => new Promise(() => undefined);
    const slow = new Set(['s3', 's4', 's5']);
    const sites = SITES.slice(0, 6);
    const store = memoryStore();
    // Three fail at once; the other three would take a minute (the scraper ends early when aborted).
    const tracker = trackingScraper(
      (s) => (slow.has(s.id) ? 60_000 : 1),
      (s) => (slow.has(s.id) ? undefined : down('ENETUNREACH')),
    );
    const network = { lookup: silent, probeTimeoutMs: 50 };
    vi.useFakeTimers();
    const scheduler = createScheduler({ sites, store, scraperFor: () => tracker.scraper, network });
    const started = performance.now();
    const rounding = scheduler.runRound();
    await vi.runAllTimersAsync();
    const round = await rounding;
    // On the fake clock: the round ended with the verdict (the probe's 50 ms after the failures), before the slow
    // scrapes' minute could pass.
    expect(performance.now() - started).toBeLessThan(MIN);
    expect(round.networkDown).toMatch(/^ENETUNREACH for 3 hosts/);
    expect(round.outcomes.map((o) => o.site.id).sort()).toEqual(['s0', 's1', 's2']);
    expect(round.skipped).toEqual(['s3', 's4', 's5'].map((sourceId) => ({ sourceId, reason: 'network-down' })));
    expect(store.runList.map((r) => r.sourceId).sort()).toEqual(['s0', 's1', 's2']);
  });

  it('a mix of working and failing sites stays a round like any: every site a row, no verdict', async () => {
    const dead = new Set(['s0', 's1', 's2', 's3']);
    const { scheduler, store } = setup(SITES, online, (s) => (dead.has(s.id) ? down('ENOTFOUND') : undefined));
    const round = await scheduler.runRound();
    expect(round.networkDown).toBeUndefined();
    expect(round.outcomes).toHaveLength(SITES.length);
    expect(round.outcomes.filter((o) => !o.run.ok)).toHaveLength(4);
    expect(store.runList).toHaveLength(SITES.length);
  });

  it('sites on fewer than three hosts are never judged: their failures are rows', async () => {
    const sites = [site('a', 'one.example'), site('b', 'one.example'), site('c', 'two.example')];
    const { scheduler } = setup(sites, offline, () => down('EAI_AGAIN'));
    const round = await scheduler.runRound();
    expect(round.networkDown).toBeUndefined();
    expect(round.outcomes.map((o) => o.run.error?.code)).toEqual(['EAI_AGAIN', 'EAI_AGAIN', 'EAI_AGAIN']);
  });

  it('the verdict holds until a round gets through', async () => {
    let lookup = offline;
    const { scheduler, clock } = setup(
      SITES,
      (host) => lookup(host),
      () => undefined,
    );
    await scheduler.runRound();
    expect(scheduler.networkDown).toBeDefined();
    lookup = online;
    clock.advance(15 * MIN);
    const round = await scheduler.runRound();
    expect(round.networkDown).toBeUndefined();
    expect(round.outcomes.length).toBeGreaterThan(0);
    expect(round.outcomes.every((o) => o.run.ok)).toBe(true);
    expect(scheduler.networkDown).toBeUndefined();
  });
});
