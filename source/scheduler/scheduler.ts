import type { ScrapeRun, Site } from '../../scrapers/types.js';
import { dueSites } from './due-sites.js';
import { failureAction, pauseAfterFailure } from './failure-policy.js';
import { DEFAULT_HOST_LIMITS, hostLimit, hostOf as defaultHostOf } from './host-of.js';
import { HostLimiter, LimiterClearedError } from './host-limiter.js';
import { Listeners } from './listeners.js';
import { watchRoundNetwork, type RoundNetwork } from './round-network.js';
import { runSite } from './run-site.js';
import { SiteState } from './site-state.js';
import { STATUS_WINDOW_MS } from './site-status.js';
import type {
  RoundListener,
  RoundResult,
  RunListener,
  RunOutcome,
  SchedulerOptions,
  SiteHealth,
  SkipReason,
} from './types.js';

export interface Scheduler {
  readonly sites: readonly Site[];
  /** Change the sites (the user's own sites file changed): new ones are scraped from the next round on. */
  setSites(sites: readonly Site[]): void;
  /** Scrape every due site (optionally only those `filter` accepts) once; resolves when all are done. */
  runRound(filter?: (site: Site) => boolean): Promise<RoundResult>;
  /** Scrape these sites now, forgetting failure pauses (the minimum interval still holds). */
  rescrape(sourceIds: readonly string[]): Promise<RoundResult>;
  /** Restore health from the store's last 24 h of runs, then run rounds on the interval (the first at once). */
  start(): Promise<void>;
  /** Stop the timer, drop waiting scrapes, abort those in flight (not recorded) and wait for them. */
  stop(): Promise<void>;
  /** When the next round starts (clock time); undefined when not started. */
  readonly nextRoundAt: Date | undefined;
  /** Why the network looks down (with the `network` option): since a round found it so, until a scrape gets through. */
  readonly networkDown: string | undefined;
  health(): SiteHealth[];
  healthOf(sourceId: string): SiteHealth | undefined;
  /** Called after each recorded run. Returns an unsubscribe function. */
  onRun(listener: RunListener): () => void;
  /** Called after each round or rescrape. Returns an unsubscribe function. */
  onRound(listener: RoundListener): () => void;
}

/** The scrape scheduler: rounds, politeness limits, back-off, run records and health. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const jitter = options.jitter ?? 0.05;
  const random = options.random ?? Math.random;
  const minIntervalMs = (options.minIntervalMinutes ?? 1) * 60_000;
  const tickMs = options.tickMs ?? 1000;
  const hostOf = options.hostOf ?? defaultHostOf;
  const limits = options.hostLimits ?? DEFAULT_HOST_LIMITS;
  const limiter = new HostLimiter(options.parallel ?? 8, (host) => hostLimit(host, limits, options.perHost ?? 1));
  const pause = {
    intervalMs,
    retryDelayMs: options.retryDelayMs ?? 2 * 60_000,
    maxBackoffMs: options.maxBackoffMs ?? 4 * 3_600_000,
    jitter: 0.1,
    random,
  };
  const states = new Map(options.sites.map((site) => [site.id, new SiteState(site)]));
  let sites: readonly Site[] = options.sites;
  const busy = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  const runListeners = new Listeners<Parameters<RunListener>>();
  const roundListeners = new Listeners<Parameters<RoundListener>>();
  let controller = new AbortController();
  let nextRoundAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let networkDown: string | undefined;

  const healthOf = (state: SiteState) =>
    state.health(now().getTime(), { nextRoundAt, staleAfterMs: 2 * intervalMs, minIntervalMs });

  /** Take in a finished run: the failure policy decides the next attempt from the run's start. */
  function apply(state: SiteState, run: ScrapeRun): RunOutcome['action'] {
    if (run.ok || !run.error) {
      networkDown = undefined;
      state.record(run, undefined, undefined);
      return undefined;
    }
    const action = failureAction(run.error.kind, state.consecutiveFailures + 1);
    const wait = pauseAfterFailure(action, state.consecutiveFailures + 1, pause);
    state.record(run, action, wait === undefined ? undefined : Date.parse(run.startedAt) + wait);
    return action;
  }

  /** One scrape; a round's scrapes also end when its network looks down, and tell it how they went. */
  async function attempt(state: SiteState, round?: RoundNetwork): Promise<RunOutcome | undefined> {
    const { site } = state;
    busy.add(site.id);
    const signal = round?.signal ?? controller.signal;
    const task = limiter
      .run(hostOf(site), state.lastRun?.durationMs ?? 1000, async () => {
        if (signal.aborted) return { aborted: true as const };
        state.running = true;
        try {
          return await runSite(site, {
            scraper: options.scraperFor(site.system),
            store: options.store,
            weeks: options.weeks ?? 4,
            now,
            timeoutMs: options.scrapeTimeoutMs ?? 30 * 60_000,
            signal,
          });
        } finally {
          state.running = false;
        }
      })
      .catch((error: unknown) => {
        if (error instanceof LimiterClearedError) return { aborted: true as const };
        throw error;
      });
    inFlight.add(task);
    try {
      const result = await task;
      if (result.aborted) return undefined;
      round?.observe(site, result.run);
      const outcome: RunOutcome = { site, run: result.run };
      if (result.snapshot) outcome.snapshot = result.snapshot;
      if (result.storeError) outcome.storeError = result.storeError;
      const action = apply(state, result.run);
      if (action) outcome.action = action;
      runListeners.emit(outcome, healthOf(state));
      return outcome;
    } finally {
      inFlight.delete(task);
      busy.delete(site.id);
    }
  }

  async function scrapeSet(selected: SiteState[], requested: boolean): Promise<RoundResult> {
    const startedAt = now();
    const started = performance.now();
    const { due, skipped } = dueSites(selected, {
      now: startedAt.getTime(),
      minIntervalMs,
      slackMs: intervalMs / 4,
      busy,
      requested,
    });
    if (requested) for (const state of due) state.clearPause();
    const watched = options.network && due.length > 0 ? options.network : undefined;
    const sites = due.map((state) => state.site);
    const network = watched && (await watchRoundNetwork(sites, watched, controller.signal));
    const outcomes: RunOutcome[] = [];
    const results = await Promise.all(due.map((state) => attempt(state, network)));
    network?.close();
    const down = network?.watch.verdict();
    const reason: SkipReason = down ? 'network-down' : 'aborted';
    due.forEach((state, i) => {
      if (results[i]) outcomes.push(results[i]);
      else skipped.push({ sourceId: state.site.id, reason });
    });
    if (down) networkDown = down;
    else if (network?.watch.sawNetwork) networkDown = undefined;
    const durationMs = Math.round(performance.now() - started);
    const round: RoundResult = { startedAt, durationMs, outcomes, skipped, ...(down ? { networkDown: down } : {}) };
    roundListeners.emit(round);
    return round;
  }

  function tick(): void {
    timer = undefined;
    if (nextRoundAt === undefined) return;
    const at = now().getTime();
    if (at >= nextRoundAt) {
      nextRoundAt = at + intervalMs * (1 + jitter * random());
      void scrapeSet([...states.values()], false);
    }
    let wake = nextRoundAt;
    for (const state of states.values()) {
      if (state.action !== 'retry' || state.notBefore === undefined || busy.has(state.site.id)) continue;
      const due = Math.max(state.notBefore, state.allowedAt(minIntervalMs));
      if (due <= at) void attempt(state);
      else wake = Math.min(wake, due);
    }
    timer = setTimeout(tick, Math.max(10, Math.min(tickMs, wake - at)));
    timer.unref();
  }

  return {
    get sites() {
      return sites;
    },
    setSites(next) {
      // A changed record (a site added again at a new URL) starts afresh; unchanged ones keep their state.
      const same = (a: Site, b: Site) => JSON.stringify(a) === JSON.stringify(b);
      for (const id of [...states.keys()]) if (!next.some((site) => site.id === id)) states.delete(id);
      for (const site of next) {
        const known = states.get(site.id);
        if (!known || !same(known.site, site)) states.set(site.id, new SiteState(site));
      }
      sites = [...next];
    },
    runRound: (filter) =>
      scrapeSet(
        [...states.values()].filter((state) => !filter || filter(state.site)),
        false,
      ),
    rescrape: (ids) =>
      scrapeSet(
        ids.flatMap((id) => states.get(id) ?? []),
        true,
      ),
    async start() {
      if (nextRoundAt !== undefined) return;
      if (options.store.runs) {
        // Runs since a status window ago: the failing or gone sites' politeness needs their history.
        const since = new Date(now().getTime() - STATUS_WINDOW_MS).toISOString();
        for (const run of await options.store.runs(undefined, since)) {
          const state = states.get(run.sourceId);
          if (state) apply(state, run);
        }
      }
      nextRoundAt = now().getTime();
      tick();
    },
    async stop() {
      nextRoundAt = undefined;
      clearTimeout(timer);
      timer = undefined;
      limiter.clear();
      controller.abort();
      await Promise.allSettled([...inFlight]);
      controller = new AbortController();
    },
    get nextRoundAt() {
      return nextRoundAt === undefined ? undefined : new Date(nextRoundAt);
    },
    get networkDown() {
      return networkDown;
    },
    health: () => [...states.values()].map(healthOf),
    healthOf: (id) => {
      const state = states.get(id);
      return state && healthOf(state);
    },
    onRun: (listener) => runListeners.add(listener),
    onRound: (listener) => roundListeners.add(listener),
  };
}
