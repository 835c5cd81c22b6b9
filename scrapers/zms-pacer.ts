import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How a ZMS site is asked: at most `burst` requests at least `spacingMs` apart, then `pauseMs` without any.
 * The API allows 60 requests, then wants 60 s with none (its counter restarts only then).
 */
export interface Pacing {
  burst: number;
  pauseMs: number;
  spacingMs: number;
}

/** For the real API: 50 requests 1 s apart, then 61 s of quiet: 50 per 110 s, 0.45 requests/s. */
export const DEFAULT_PACING: Pacing = { burst: 50, pauseMs: 61_000, spacingMs: 1_000 };

/** Requests per second the pacing keeps to over many bursts. */
export function sustainedRate({ burst, pauseMs, spacingMs }: Pacing): number {
  return burst / ((Math.max(0, burst - 1) * spacingMs + pauseMs) / 1000);
}

/** The pacer's clock: real by default; tests pass a simulated one, so that pauses of a minute take no time. */
export interface PaceTimer {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: PaceTimer = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}),
};

/** How the answer went: counted as usual, the server says its allowance is (nearly) used up, or it refused (429). */
export type PaceVerdict = 'counted' | 'exhausted' | 'refused';

/**
 * The requests of one host, one at a time, paced. It remembers across scrapes: the next round's first request
 * continues the burst of the last one unless a pause lies between them.
 */
export class Pacer {
  #sent = 0;
  #lastAt = Number.NEGATIVE_INFINITY;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly timer: PaceTimer) {}

  /** Wait for the turn, then send; `send` says how the answer went. */
  run<T>(
    pacing: Pacing,
    signal: AbortSignal | undefined,
    send: () => Promise<{ value: T; verdict: PaceVerdict }>,
  ): Promise<T> {
    const turn = this.#queue.then(async () => {
      await this.#wait(pacing, signal);
      try {
        const { value, verdict } = await send();
        this.#record(verdict);
        return value;
      } catch (error) {
        // A request that failed on the way may still have been counted.
        this.#record('counted');
        throw error;
      }
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #wait(pacing: Pacing, signal: AbortSignal | undefined): Promise<void> {
    const now = this.timer.now();
    if (now - this.#lastAt >= pacing.pauseMs) this.#sent = 0;
    const until = this.#lastAt + (this.#sent >= pacing.burst ? pacing.pauseMs : pacing.spacingMs);
    if (until > now) await this.timer.sleep(until - now, signal);
    if (this.#sent >= pacing.burst) this.#sent = 0;
  }

  #record(verdict: PaceVerdict): void {
    // Measured from the answer: the server counted the request before that.
    this.#lastAt = this.timer.now();
    this.#sent = verdict === 'counted' ? this.#sent + 1 : Number.POSITIVE_INFINITY;
  }
}
