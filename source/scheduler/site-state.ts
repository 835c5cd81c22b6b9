import type { ScrapeRun, Site } from '../../scrapers/types.js';
import type { FailureAction, SiteHealth } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the scheduler remembers of one site. Times are clock milliseconds. */
export class SiteState {
  readonly site: Site;
  running = false;
  lastStartedAt: number | undefined;
  lastRun: ScrapeRun | undefined;
  lastSuccessAt: number | undefined;
  consecutiveFailures = 0;
  action: FailureAction | undefined;
  /** Not before this (after a failure); undefined once it succeeds. */
  notBefore: number | undefined;
  /** Runs of the last 24 h: start time and success, oldest first. */
  readonly #recent: { at: number; ok: boolean }[] = [];

  constructor(site: Site) {
    this.site = site;
  }

  /** Take in a finished run and what the failure policy decided. */
  record(run: ScrapeRun, action: FailureAction | undefined, notBefore: number | undefined): void {
    const at = Date.parse(run.startedAt);
    this.lastRun = run;
    if (this.lastStartedAt === undefined || at > this.lastStartedAt) this.lastStartedAt = at;
    this.#recent.push({ at, ok: run.ok });
    if (run.ok) {
      this.lastSuccessAt = at;
      this.consecutiveFailures = 0;
    } else {
      this.consecutiveFailures++;
    }
    this.action = action;
    this.notBefore = notBefore;
  }

  /** Forget a failure pause (rescrape on request). */
  clearPause(): void {
    this.action = undefined;
    this.notBefore = undefined;
  }

  /** The earliest clock time the site may be scraped again, however it is asked for. */
  allowedAt(defaultMinIntervalMs: number): number {
    const min =
      this.site.minIntervalMinutes !== undefined ? this.site.minIntervalMinutes * 60_000 : defaultMinIntervalMs;
    return this.lastStartedAt === undefined ? -Infinity : this.lastStartedAt + min;
  }

  health(
    now: number,
    context: { nextRoundAt: number | undefined; staleAfterMs: number; minIntervalMs: number },
  ): SiteHealth {
    while (this.#recent.length > 0 && this.#recent[0]!.at < now - DAY_MS) this.#recent.shift();
    const okRuns = this.#recent.filter((r) => r.ok).length;
    const failing = this.lastRun !== undefined && !this.lastRun.ok;
    const fresh = this.lastSuccessAt !== undefined && now - this.lastSuccessAt <= context.staleAfterMs;
    const health: SiteHealth = {
      sourceId: this.site.id,
      state: failing ? 'failing' : fresh ? 'ok' : 'stale',
      running: this.running,
      consecutiveFailures: this.consecutiveFailures,
      runs24h: this.#recent.length,
    };
    if (this.lastRun) {
      health.lastRun = this.lastRun;
      health.durationMs = this.lastRun.durationMs;
      if (this.lastRun.error) health.lastError = this.lastRun.error;
    }
    if (this.action) health.action = this.action;
    if (this.#recent.length > 0) health.successRate24h = okRuns / this.#recent.length;
    const next = this.#nextRunAt(context);
    if (next !== undefined) health.nextRunAt = new Date(next);
    return health;
  }

  #nextRunAt(context: { nextRoundAt: number | undefined; minIntervalMs: number }): number | undefined {
    if (this.running || this.action === 'stop') return undefined;
    const allowed = this.allowedAt(context.minIntervalMs);
    if (this.action === 'retry' && this.notBefore !== undefined) return Math.max(this.notBefore, allowed);
    if (context.nextRoundAt === undefined) return undefined;
    return Math.max(context.nextRoundAt, this.notBefore ?? -Infinity, allowed);
  }
}
