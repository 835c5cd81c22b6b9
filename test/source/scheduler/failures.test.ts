import { describe, expect, it } from 'vitest';
import type { FailureKind, ScrapeFailure } from '../../../scrapers/types.js';
import { createScheduler, failureAction } from '../../../source/scheduler/index.js';
import { manualClock, memoryStore, site, trackingScraper, until } from './helpers.js';

const MIN = 60_000;

function setup(
  failures: Map<string, FailureKind>,
  extra: Parameters<typeof createScheduler>[0] extends infer O ? Partial<O> : never = {},
) {
  const clock = manualClock();
  const store = memoryStore();
  const tracker = trackingScraper(
    () => 1,
    (s): ScrapeFailure | undefined =>
      failures.has(s.id) ? { kind: failures.get(s.id)!, message: `${failures.get(s.id)} at ${s.id}` } : undefined,
  );
  const sites = [
    site('good', 'a.example'),
    site('flaky', 'b.example'),
    site('broken', 'c.example'),
    site('odd', 'd.example'),
  ];
  const scheduler = createScheduler({
    sites,
    store,
    scraperFor: () => tracker.scraper,
    now: clock.now,
    random: () => 0.5,
    ...extra,
  });
  return { clock, store, tracker, scheduler };
}

describe('failure policy', () => {
  it('classifies failures by what to do next', () => {
    expect(failureAction('timeout', 1)).toBe('retry');
    expect(failureAction('down', 1)).toBe('retry');
    expect(failureAction('down', 2)).toBe('backoff');
    for (const kind of ['http-status', 'captcha', 'maintenance', 'markup', 'too-large', 'redirect-loop'] as const)
      expect(failureAction(kind, 1)).toBe('backoff');
    expect(failureAction('unsupported', 1)).toBe('stop');
  });
});

describe('the scheduler after failures', () => {
  it('backs off a failing site with growing pauses and resumes it once it succeeds', async () => {
    const failures = new Map<string, FailureKind>([['broken', 'http-status']]);
    const { clock, scheduler, tracker } = setup(failures);
    const rounds: string[][] = [];
    for (let i = 0; i < 8; i++) {
      const round = await scheduler.runRound();
      rounds.push(round.outcomes.map((o) => o.site.id).filter((id) => id === 'broken'));
      clock.advance(15 * MIN);
    }
    // Pauses of 1, 2, 4 intervals after failures 1, 2, 3: attempts in rounds 0, 1, 3, 7.
    expect(rounds.map((r) => r.length)).toEqual([1, 1, 0, 1, 0, 0, 0, 1]);
    const health = scheduler.healthOf('broken')!;
    expect(health).toMatchObject({ state: 'failing', action: 'backoff', consecutiveFailures: 4, successRate24h: 0 });
    expect(health.lastError?.kind).toBe('http-status');
    failures.delete('broken');
    clock.advance(8 * 15 * MIN);
    const round = await scheduler.runRound();
    expect(round.outcomes.find((o) => o.site.id === 'broken')?.run.ok).toBe(true);
    expect(scheduler.healthOf('broken')).toMatchObject({ state: 'ok', consecutiveFailures: 0 });
    expect(tracker.calls.filter((id) => id === 'good')).toHaveLength(9);
  });

  it('stops an unsupported site until a rescrape asks for it', async () => {
    const { clock, scheduler } = setup(new Map([['odd', 'unsupported']]));
    await scheduler.runRound();
    clock.advance(15 * MIN);
    const second = await scheduler.runRound();
    expect(second.skipped).toContainEqual({ sourceId: 'odd', reason: 'stopped' });
    expect(scheduler.healthOf('odd')).toMatchObject({ action: 'stop', state: 'failing' });
    expect(scheduler.healthOf('odd')!.nextRunAt).toBeUndefined();
    const again = await scheduler.rescrape(['odd']);
    expect(again.outcomes.map((o) => o.site.id)).toEqual(['odd']);
  });

  it('records a site without a scraper as unsupported and stops it', async () => {
    const store = memoryStore();
    const scheduler = createScheduler({
      sites: [site('x', 'x.example', { system: 'custom' })],
      store,
      scraperFor: () => undefined,
    });
    const round = await scheduler.runRound();
    expect(round.outcomes[0]).toMatchObject({
      action: 'stop',
      run: { ok: false, requests: 0, error: { kind: 'unsupported' } },
    });
    expect(store.runList).toHaveLength(1);
  });

  it('retries a first timeout soon, outside the rounds, then backs off', async () => {
    const failures = new Map<string, FailureKind>([['flaky', 'timeout']]);
    const { clock, scheduler, tracker } = setup(failures, { intervalMs: 15 * MIN, retryDelayMs: 2 * MIN, tickMs: 5 });
    await scheduler.start();
    await until(() => scheduler.healthOf('flaky')?.lastRun !== undefined);
    expect(scheduler.healthOf('flaky')).toMatchObject({ action: 'retry', consecutiveFailures: 1 });
    clock.advance(2.5 * MIN);
    await until(() => scheduler.healthOf('flaky')?.consecutiveFailures === 2);
    expect(scheduler.healthOf('flaky')!.action).toBe('backoff');
    expect(tracker.calls.filter((id) => id === 'good')).toHaveLength(1);
    await scheduler.stop();
  });
});

describe('the minimum interval', () => {
  it('never scrapes a site sooner than its minIntervalMinutes, in rounds or on request', async () => {
    const clock = manualClock();
    const tracker = trackingScraper(() => 1);
    const sites = [site('slow', 'a.example', { minIntervalMinutes: 30 }), site('normal', 'b.example')];
    const scheduler = createScheduler({
      sites,
      store: memoryStore(),
      scraperFor: () => tracker.scraper,
      now: clock.now,
    });
    await scheduler.runRound();
    clock.advance(15 * MIN);
    const second = await scheduler.runRound();
    expect(second.skipped).toEqual([{ sourceId: 'slow', reason: 'min-interval' }]);
    const asked = await scheduler.rescrape(['slow', 'normal']);
    expect(asked.skipped).toEqual([
      { sourceId: 'slow', reason: 'min-interval' },
      { sourceId: 'normal', reason: 'min-interval' },
    ]);
    clock.advance(15 * MIN);
    const third = await scheduler.runRound();
    expect(third.outcomes.map((o) => o.site.id).sort()).toEqual(['normal', 'slow']);
    expect(tracker.calls.filter((id) => id === 'slow')).toHaveLength(2);
  });

  it('does not start a second scrape of a site that is still running', async () => {
    const tracker = trackingScraper(() => 30);
    const scheduler = createScheduler({
      sites: [site('a', 'a.example')],
      store: memoryStore(),
      scraperFor: () => tracker.scraper,
      minIntervalMinutes: 0,
    });
    const [first, second] = await Promise.all([scheduler.runRound(), scheduler.rescrape(['a'])]);
    expect(first.outcomes).toHaveLength(1);
    expect(second.skipped).toEqual([{ sourceId: 'a', reason: 'running' }]);
  });
});
