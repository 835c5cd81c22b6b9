interface Queued {
  estimateMs: number;
  start: () => void;
  cancel: (error: Error) => void;
}

interface HostQueue {
  active: number;
  queued: Queued[];
  /** Sum of the queued estimates. */
  work: number;
}

/** Raised for tasks still waiting when the limiter is cleared. */
export class LimiterClearedError extends Error {
  readonly code = 'LIMITER_CLEARED';
  constructor() {
    super('the task was dropped before it started');
    this.name = 'LimiterClearedError';
  }
}

/**
 * Runs tasks with at most `parallel` in flight overall and `limitOf(host)` per host.
 * When a place frees up it goes to the host with the most queued work per allowed
 * connection, and within a host to the longest task first, so that a round ends close
 * to the bound the per-host limits allow (the busiest host sets the pace).
 */
export class HostLimiter {
  readonly #parallel: number;
  readonly #limitOf: (host: string) => number;
  readonly #hosts = new Map<string, HostQueue>();
  #active = 0;
  #pending = false;

  constructor(parallel: number, limitOf: (host: string) => number) {
    this.#parallel = parallel;
    this.#limitOf = limitOf;
  }

  /** Run `task` when `host` and the global limit allow; `estimateMs` orders the waiting tasks. */
  run<T>(host: string, estimateMs: number, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.#queue(host);
      const entry: Queued = {
        estimateMs,
        cancel: reject,
        start: () => {
          queue.active++;
          this.#active++;
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              queue.active--;
              this.#active--;
              if (queue.active === 0 && queue.queued.length === 0) this.#hosts.delete(host);
              this.#dispatch();
            });
        },
      };
      const at = queue.queued.findIndex((other) => other.estimateMs < estimateMs);
      queue.queued.splice(at < 0 ? queue.queued.length : at, 0, entry);
      queue.work += estimateMs;
      this.#dispatchSoon();
    });
  }

  /** Drop every task that has not started (they reject with LimiterClearedError). */
  clear(): void {
    for (const queue of this.#hosts.values()) {
      const dropped = queue.queued.splice(0);
      queue.work = 0;
      for (const entry of dropped) entry.cancel(new LimiterClearedError());
    }
  }

  /** Tasks in flight, overall or for one host. */
  active(host?: string): number {
    return host === undefined ? this.#active : (this.#hosts.get(host)?.active ?? 0);
  }

  /** Tasks waiting, overall. */
  get waiting(): number {
    let n = 0;
    for (const queue of this.#hosts.values()) n += queue.queued.length;
    return n;
  }

  #queue(host: string): HostQueue {
    let queue = this.#hosts.get(host);
    if (!queue) this.#hosts.set(host, (queue = { active: 0, queued: [], work: 0 }));
    return queue;
  }

  /** Tasks enqueued in the same tick are ordered together before any starts. */
  #dispatchSoon(): void {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#active < this.#parallel) {
      let best: HostQueue | undefined;
      let bestScore = -1;
      for (const [host, queue] of this.#hosts) {
        const limit = Math.max(1, this.#limitOf(host));
        if (queue.queued.length === 0 || queue.active >= limit) continue;
        // Work left per lane; +1 per task so that zero estimates still count.
        const score = (queue.work + queue.queued.length) / limit;
        if (score > bestScore) [best, bestScore] = [queue, score];
      }
      if (!best) return;
      const entry = best.queued.shift()!;
      best.work -= entry.estimateMs;
      entry.start();
    }
  }
}
