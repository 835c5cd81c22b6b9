import { setTimeout as sleep } from 'node:timers/promises';
import type { ScrapeFailure, ScrapeResult, ScrapeRun, Scraper, Site, Snapshot } from '../../../scrapers/types.js';
import type { SchedulerStore } from '../../../source/scheduler/index.js';

/** The part of OfficeStore the scheduler writes, in memory. */
export function memoryStore(): SchedulerStore & { snapshots: Snapshot[]; runList: ScrapeRun[] } {
  const snapshots: Snapshot[] = [];
  const runList: ScrapeRun[] = [];
  return {
    snapshots,
    runList,
    async recordSnapshot(snapshot, run) {
      snapshots.push(snapshot);
      if (run) runList.push(run);
      return { stored: true, changedLocations: snapshot.locations.length, appointments: 0, cancellations: 0 };
    },
    async recordRun(run) {
      runList.push(run);
    },
    async runs(sourceId, since) {
      return runList.filter((r) => (!sourceId || r.sourceId === sourceId) && (!since || r.startedAt >= since));
    },
  };
}

export function site(id: string, host: string, extra: Partial<Site> = {}): Site {
  return { id, system: 'fake', name: `Stadt ${id}`, city: id, url: `https://${host}/${id}`, ...extra };
}

/** `ms` on the global timer (vitest's fake one where a test fakes it); ends early when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => (clearTimeout(timer), signal?.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

/**
 * A scraper that takes `delayMs(site)` milliseconds (of the fake clock where a test fakes timers) and tracks how many
 * run at once, per host and overall.
 */
export function trackingScraper(delayMs: (site: Site) => number, fail?: (site: Site) => ScrapeFailure | undefined) {
  const active = new Map<string, number>();
  const maxPerHost = new Map<string, number>();
  let activeTotal = 0;
  let maxTotal = 0;
  const calls: string[] = [];
  const scraper: Scraper = async (target, options): Promise<ScrapeResult> => {
    const host = new URL(target.url).host;
    calls.push(target.id);
    active.set(host, (active.get(host) ?? 0) + 1);
    maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, active.get(host)!));
    maxTotal = Math.max(maxTotal, ++activeTotal);
    try {
      await pause(delayMs(target), options.signal);
      const failure = fail?.(target);
      if (failure) return { ok: false, failure, requests: 1 };
      const snapshot: Snapshot = {
        sourceId: target.id,
        takenAt: '2021-08-10 07:45:00',
        locations: [{ locationId: 'a', name: 'A', slots: ['2021-08-11 08:00:00', '2021-08-11 08:15:00'] }],
      };
      return { ok: true, snapshot, requests: 3 };
    } finally {
      active.set(host, active.get(host)! - 1);
      activeTotal--;
    }
  };
  return {
    scraper,
    maxPerHost,
    calls,
    get maxTotal() {
      return maxTotal;
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2021-08-10T05:45:00Z')) {
  let at = start;
  return {
    now: () => new Date(at),
    advance: (ms: number) => void (at += ms),
    get ms() {
      return at;
    },
  };
}

/** Wait (real time) until `test` holds. */
export async function until(test: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(5);
  }
}
