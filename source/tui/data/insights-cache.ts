import type { Insights } from '../../../store/index.js';

/**
 * The insights of every city, computed once and kept until new snapshots arrive; then recomputed at most once
 * per `minAgeMs` (a round stores many snapshots, the demo one every 15 s). Concurrent readers share one load.
 */
export class InsightsCache {
  #value: Promise<Insights | undefined> | undefined;
  #loadedAt = 0;
  #stale = false;

  constructor(
    private readonly load: () => Promise<Insights | undefined>,
    private readonly minAgeMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(): Promise<Insights | undefined> {
    const old = this.clock() - this.#loadedAt >= this.minAgeMs;
    if (!this.#value || (this.#stale && old)) {
      this.#stale = false;
      this.#loadedAt = this.clock();
      const value = this.load();
      // A failed load is not kept: the next reader tries again.
      value.catch(() => {
        if (this.#value === value) this.#value = undefined;
      });
      this.#value = value;
    }
    return this.#value;
  }

  /** New data: the next read after `minAgeMs` recomputes. */
  invalidate(): void {
    this.#stale = true;
  }
}
