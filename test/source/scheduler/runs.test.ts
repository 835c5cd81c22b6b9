import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scraper } from '../../../scrapers/types.js';
import { createScheduler, type RunOutcome } from '../../../source/scheduler/index.js';
import { manualClock, memoryStore, site, trackingScraper, until } from './helpers.js';

afterEach(() => void vi.useRealTimers());

describe('run records', () => {
  it('writes a snapshot with its run for a success and a run alone for a failure, and tells listeners', async () => {
    const clock = manualClock(Date.parse('2021-08-10T05:45:00Z'));
    const store = memoryStore();
    const tracker = trackingScraper(
      () => 3,
      (s) => (s.id === 'bad' ? { kind: 'captcha', message: 'a bot wall' } : undefined),
    );
    const scheduler = createScheduler({
      sites: [site('good', 'a.example'), site('bad', 'b.example')],
      store,
      scraperFor: () => tracker.scraper,
      now: clock.now,
    });
    const heard: RunOutcome[] = [];
    const rounds: number[] = [];
    scheduler.onRun((outcome, health) => {
      heard.push(outcome);
      expect(health.sourceId).toBe(outcome.site.id);
    });
    scheduler.onRound((round) => rounds.push(round.outcomes.length));
    await scheduler.runRound();

    expect(store.snapshots.map((s) => s.sourceId)).toEqual(['good']);
    const good = store.runList.find((r) => r.sourceId === 'good')!;
    expect(good).toMatchObject({
      ok: true,
      startedAt: '2021-08-10T05:45:00.000Z',
      requests: 3,
      locations: 1,
      freeSlots: 2,
    });
    expect(good.durationMs).toBeGreaterThanOrEqual(2);
    expect(store.runList.find((r) => r.sourceId === 'bad')).toMatchObject({
      ok: false,
      error: { kind: 'captcha', message: 'a bot wall' },
    });
    expect(heard.map((o) => o.site.id).sort()).toEqual(['bad', 'good']);
    expect(rounds).toEqual([2]);
    expect(scheduler.healthOf('good')).toMatchObject({ state: 'ok', runs24h: 1, successRate24h: 1 });
  });

  it("keeps a successful scrape's notice (what it left unread) with its run", async () => {
    const store = memoryStore();
    const notice = { kind: 'captcha' as const, message: '1 office needs a captcha and is not read (Amt 7)' };
    const partly: Scraper = async (target) => ({
      ok: true,
      snapshot: { sourceId: target.id, takenAt: '2021-08-10 07:45:00', locations: [] },
      requests: 2,
      notice: { ...notice },
    });
    const scheduler = createScheduler({ sites: [site('a', 'a.example')], store, scraperFor: () => partly });
    const round = await scheduler.runRound();
    expect(round.outcomes[0]!.run).toMatchObject({ ok: true, notice });
    expect(store.runList[0]).toMatchObject({ ok: true, notice });
    expect(store.runList[0]!.error).toBeUndefined();
  });

  it('keeps a scraper that throws from stopping the round, as a failed run', async () => {
    const store = memoryStore();
    const boom: Scraper = async () => {
      throw new Error('bug');
    };
    const scheduler = createScheduler({ sites: [site('a', 'a.example')], store, scraperFor: () => boom });
    const round = await scheduler.runRound();
    expect(round.outcomes[0]!.run).toMatchObject({ ok: false, error: { kind: 'markup' } });
    expect(round.outcomes[0]!.run.error!.message).toContain('bug');
  });

  it('gives up on a scrape past its time limit', async () => {
    const tracker = trackingScraper(() => 10_000);
    const scheduler = createScheduler({
      sites: [site('a', 'a.example')],
      store: memoryStore(),
      scraperFor: () => tracker.scraper,
      scrapeTimeoutMs: 30,
    });
    const round = await scheduler.runRound();
    expect(round.outcomes[0]).toMatchObject({ action: 'retry', run: { ok: false, error: { kind: 'timeout' } } });
  });

  it('reports a store that refuses a write without losing the run', async () => {
    const store = memoryStore();
    store.recordSnapshot = async () => {
      throw new Error('disk full');
    };
    const tracker = trackingScraper(() => 1);
    const scheduler = createScheduler({ sites: [site('a', 'a.example')], store, scraperFor: () => tracker.scraper });
    const round = await scheduler.runRound();
    expect(round.outcomes[0]).toMatchObject({ storeError: 'disk full', run: { ok: true } });
  });

  it('health: success rate over 24 h, stale without a recent success, next run', async () => {
    const clock = manualClock();
    let fail = false;
    const tracker = trackingScraper(
      () => 1,
      () => (fail ? { kind: 'markup', message: 'changed' } : undefined),
    );
    const scheduler = createScheduler({
      sites: [site('a', 'a.example')],
      store: memoryStore(),
      scraperFor: () => tracker.scraper,
      now: clock.now,
    });
    for (let i = 0; i < 4; i++) {
      fail = i === 3;
      await scheduler.rescrape(['a']);
      clock.advance(15 * 60_000);
    }
    expect(scheduler.healthOf('a')).toMatchObject({ state: 'failing', runs24h: 4, successRate24h: 0.75 });
    fail = false;
    await scheduler.rescrape(['a']);
    clock.advance(31 * 60_000);
    expect(scheduler.healthOf('a')!.state).toBe('stale');
    clock.advance(24 * 3_600_000);
    expect(scheduler.healthOf('a')).toMatchObject({ runs24h: 0 });
    expect(scheduler.healthOf('a')!.successRate24h).toBeUndefined();
  });
});

describe('start and stop', () => {
  it('restores health from the store, runs a round at once, schedules the next, and stops cleanly', async () => {
    const clock = manualClock();
    const store = memoryStore();
    store.runList.push({
      sourceId: 'a',
      startedAt: new Date(clock.ms - 60 * 60_000).toISOString(),
      durationMs: 5,
      ok: false,
      requests: 1,
      error: { kind: 'unsupported', message: 'variant' },
    });
    const tracker = trackingScraper(() => 1);
    const scheduler = createScheduler({
      sites: [site('a', 'a.example'), site('b', 'b.example')],
      store,
      scraperFor: () => tracker.scraper,
      now: clock.now,
      tickMs: 5,
      jitter: 0,
    });
    const rounds: string[][] = [];
    scheduler.onRound((round) => rounds.push(round.outcomes.map((o) => o.site.id)));
    await scheduler.start();
    await until(() => rounds.length === 1);
    expect(rounds[0]).toEqual(['b']);
    expect(scheduler.healthOf('a')).toMatchObject({ action: 'stop', runs24h: 1 });
    expect(scheduler.nextRoundAt?.getTime()).toBe(clock.ms + 15 * 60_000);
    clock.advance(15 * 60_000);
    await until(() => rounds.length === 2);
    await scheduler.stop();
    expect(scheduler.nextRoundAt).toBeUndefined();
  });

  it('stop() aborts scrapes in flight and drops waiting ones without recording them', async () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const tracker = trackingScraper(() => 5_000);
    const scheduler = createScheduler({
      sites: [site('a', 'a.example'), site('b', 'a.example')],
      store,
      scraperFor: () => tracker.scraper,
    });
    const round = scheduler.runRound();
    // a is in flight (one per host: b waits for it). The fake clock stands: stop() and the round end without a's 5 s
    // passing, or not at all.
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.calls).toEqual(['a']);
    await scheduler.stop();
    const result = await round;
    expect(result.outcomes).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['aborted', 'aborted']);
    expect(tracker.calls).toEqual(['a']);
    expect(store.runList).toEqual([]);
  });
});
