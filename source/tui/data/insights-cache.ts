import type { Insights } from '../../../store/index.js';

/**
 * The insights of every city, computed once and kept while `version` (every source's: SourceVersions.total) stays;
 * after it changes, recomputed at most once per `minAgeMs` (a round stores many snapshots, the demo one every 15 s).
 * Concurrent readers share one load.
 */
export class InsightsCache {
  #value: Promise<Insights | undefined> | undefined;
  #loadedAt = 0;
  #version = 0;

  constructor(
    private readonly load: () => Promise<Insights | undefined>,
    private readonly version: () => number,
    private readonly minAgeMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(): Promise<Insights | undefined> {
    const old = this.clock() - this.#loadedAt >= this.minAgeMs;
    if (!this.#value || (this.#version !== this.version() && old)) {
      this.#version = this.version();
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
}
