import { describe, expect, it } from 'vitest';
import type { ScrapeFailure, ScrapeRun } from '../../../scrapers/types.js';
import { createScheduler, politeUntil, siteStatus, statusText } from '../../../source/scheduler/index.js';
import { manualClock, memoryStore, site, trackingScraper } from './helpers.js';

const HOUR = 3_600_000;
const start = Date.parse('2026-12-01T08:00:00Z');
const at = (hours: number) => new Date(start + hours * HOUR).toISOString();
const ok = (hours: number): ScrapeRun => ({
  sourceId: 's',
  startedAt: at(hours),
  durationMs: 1,
  ok: true,
  requests: 1,
});
const failed = (hours: number, error: ScrapeFailure): ScrapeRun => ({
  sourceId: 's',
  startedAt: at(hours),
  durationMs: 1,
  ok: false,
  error,
  requests: 1,
});
const notFound: ScrapeFailure = { kind: 'http-status', message: 'HTTP 404 from x', status: 404 };
const noName: ScrapeFailure = { kind: 'down', message: 'ENOTFOUND at x', code: 'ENOTFOUND' };
const refused: ScrapeFailure = { kind: 'down', message: 'ECONNREFUSED at x', code: 'ECONNREFUSED' };

describe('siteStatus', () => {
  it('is new without runs, ok since the first of its successes in a row', () => {
    expect(siteStatus([], new Date(start))).toEqual({ state: 'new' });
    expect(siteStatus([failed(0, refused), ok(1), ok(2)], new Date(start))).toMatchObject({
      state: 'ok',
      since: at(1),
      lastRunAt: at(2),
    });
  });

  it('is failing since its first failure after the last success, saying how', () => {
    const status = siteStatus(
      [ok(0), failed(1, refused), failed(2, { kind: 'markup', message: 'no form' })],
      new Date(at(3)),
    );
    expect(status).toMatchObject({ state: 'failing', since: at(1), kind: 'markup', how: 'markup: no form' });
    expect(statusText(status)).toBe('failing since 2026-12-01 09:00 UTC (markup: no form)');
  });

  it('is gone after 3 days of no such name, 404 or 410 — not before, and not for refused connections', () => {
    const runs = [ok(0), failed(1, refused), failed(2, noName), failed(30, notFound), failed(73, notFound)];
    expect(siteStatus(runs, new Date(at(73))).state).toBe('failing');
    expect(siteStatus(runs, new Date(at(75)))).toMatchObject({ state: 'gone', since: at(2) });
    const refusedOnly = [ok(0), failed(1, refused), failed(100, refused)];
    expect(siteStatus(refusedOnly, new Date(at(100))).state).toBe('failing');
  });

  it('is moved where the last run says so, with the new address to add', () => {
    const moved: ScrapeFailure = {
      kind: 'moved',
      message: 'moved',
      status: 301,
      location: 'https://neu.example/termine',
    };
    const status = siteStatus([ok(0), failed(1, moved)], new Date(at(1)));
    expect(status).toMatchObject({ state: 'moved', to: 'https://neu.example/termine' });
    expect(statusText(status)).toBe("moved; to follow it: office-watch sites add 'https://neu.example/termine'");
  });

  it('asks for a pause of 6 h after a day of failing, a day when gone', () => {
    const failing = siteStatus([ok(0), failed(1, refused), failed(26, refused)], new Date(at(27)));
    expect(politeUntil(failing, new Date(at(27)))?.toISOString()).toBe(at(32));
    const young = siteStatus([ok(0), failed(20, refused), failed(26, refused)], new Date(at(27)));
    expect(politeUntil(young, new Date(at(27)))).toBeUndefined();
    const gone = siteStatus([failed(0, notFound), failed(80, notFound)], new Date(at(81)));
    expect(politeUntil(gone, new Date(at(81)))?.toISOString()).toBe(at(104));
  });
});

describe('the scheduler is polite to failing and gone sites', () => {
  it('tries a site failing for over a day at most every 6 h, a gone one once a day', async () => {
    const clock = manualClock(start);
    const store = memoryStore();
    const failures: Record<string, ScrapeFailure> = { failing: refused, gone: notFound };
    const tracker = trackingScraper(
      () => 1,
      (s) => failures[s.id],
    );
    const sites = [site('good', 'a.example'), site('failing', 'b.example'), site('gone', 'c.example')];
    const scheduler = createScheduler({
      sites,
      store,
      scraperFor: () => tracker.scraper,
      now: clock.now,
      random: () => 0.5,
    });
    const attempts: Record<string, number[]> = { good: [], failing: [], gone: [] };
    // Six days of 15-minute rounds.
    for (let round = 0; round < 6 * 96; round++) {
      const result = await scheduler.runRound();
      for (const outcome of result.outcomes) attempts[outcome.site.id]!.push((clock.ms - start) / HOUR);
      clock.advance(HOUR / 4);
    }
    expect(attempts.good).toHaveLength(6 * 96);
    const gaps = (hours: number[]) => hours.slice(1).map((h, i) => h - hours[i]!);
    const late = (hours: number[], after: number) => hours.filter((h) => h > after);
    expect(Math.min(...gaps(late(attempts.failing!, 25)))).toBeGreaterThanOrEqual(6);
    expect(Math.min(...gaps(late(attempts.gone!, 73)))).toBeGreaterThanOrEqual(24);
    expect(late(attempts.gone!, 73).length).toBeGreaterThanOrEqual(2);
    expect(scheduler.healthOf('gone')?.status.state).toBe('gone');
    expect(scheduler.healthOf('failing')?.status).toMatchObject({ state: 'failing', kind: 'down' });
    const skipped = (await scheduler.runRound()).skipped;
    expect(skipped.map((s) => s.reason)).toContain('polite');
  });
});

describe('the scheduler follows a changed set of sites', () => {
  it('scrapes an added site from the next round, no more a removed one, and a changed record afresh', async () => {
    const clock = manualClock(start);
    const store = memoryStore();
    const tracker = trackingScraper(
      () => 1,
      (s) => (s.url.includes('old') ? refused : undefined),
    );
    const scheduler = createScheduler({
      sites: [site('a', 'a.example'), site('b', 'old.example')],
      store,
      scraperFor: () => tracker.scraper,
      now: clock.now,
    });
    await scheduler.runRound();
    expect(scheduler.healthOf('b')?.status.state).toBe('failing');
    scheduler.setSites([site('b', 'new.example'), site('c', 'c.example')]);
    clock.advance(HOUR / 4);
    const round = await scheduler.runRound();
    expect(round.outcomes.map((o) => o.site.id).sort()).toEqual(['b', 'c']);
    expect(scheduler.sites.map((s) => s.id)).toEqual(['b', 'c']);
    expect(scheduler.healthOf('a')).toBeUndefined();
    expect(scheduler.healthOf('b')?.status.state).toBe('ok');
  });
});
