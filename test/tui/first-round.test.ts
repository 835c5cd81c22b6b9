import { describe, expect, test } from 'vitest';
import type { Site } from '../../scrapers/types.js';
import type { RoundListener, RoundResult, RunListener, SiteHealth } from '../../source/scheduler/index.js';
import { watchFirstRound } from '../../source/tui/data/first-round.js';

/** The three calls the tracker makes of a scheduler, driven by the test. */
function scheduler(ids: string[]) {
  const runs = new Set<RunListener>();
  const rounds = new Set<RoundListener>();
  const run = { startedAt: '2021-08-10T10:00:00.000Z', durationMs: 5, ok: true, requests: 1 };
  const outcome = (id: string) => ({ site: { id } as Site, run: { ...run, sourceId: id } });
  return {
    health: () => ids.map((sourceId) => ({ sourceId }) as SiteHealth),
    onRun: (listener: RunListener) => (runs.add(listener), () => void runs.delete(listener)),
    onRound: (listener: RoundListener) => (rounds.add(listener), () => void rounds.delete(listener)),
    run: (id: string) => runs.forEach((listener) => listener(outcome(id), { sourceId: id } as SiteHealth)),
    round: (ran: string[], skipped: string[] = []) => {
      const left = skipped.map((sourceId) => ({ sourceId, reason: 'min-interval' as const }));
      const round: RoundResult = { startedAt: new Date(), durationMs: 1, outcomes: ran.map(outcome), skipped: left };
      rounds.forEach((listener) => listener(round));
    },
    listeners: () => runs.size + rounds.size,
  };
}

describe('the first round', () => {
  test('counts the sources run until all have run', () => {
    const ids = ['a', 'b', 'c'];
    const fake = scheduler(ids);
    const first = watchFirstRound(fake);
    expect(first.progress(() => ids)).toEqual({ done: 0, total: 3 });
    fake.run('a');
    fake.run('a');
    fake.run('c');
    expect(first.progress(() => ids)).toEqual({ done: 2, total: 3 });
    fake.run('b');
    expect(first.progress(() => ids)).toBeUndefined();
    // Over for good: a source added later starts no new first round.
    expect(first.progress(() => [...ids, 'd'])).toBeUndefined();
    first.stop();
    expect(fake.listeners()).toBe(0);
  });

  test('a rescrape of a few is not the round; a round over every source ends it, skipped ones included', () => {
    const ids = ['a', 'b', 'c'];
    const fake = scheduler(ids);
    const first = watchFirstRound(fake);
    fake.run('a');
    fake.round(['a']);
    expect(first.progress(() => ids)).toEqual({ done: 1, total: 3 });
    fake.run('b');
    fake.round(['b'], ['a', 'c']);
    expect(first.progress(() => ids)).toBeUndefined();
  });
});
