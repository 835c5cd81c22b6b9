import type { PaceTimer } from '../zms-pacer.js';

/** A pace timer on simulated time: a sleep moves it on at once. Shared by a scraper and a server's rate limit. */
export interface SimulatedTimer extends PaceTimer {
  /** Move on without a sleep (time passing between rounds). */
  advance(ms: number): void;
}

export function createSimulatedTimer(start = 0): SimulatedTimer {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => void (now += Math.max(0, ms)),
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      now += Math.max(0, ms);
      // Let other work run, as a real pause would.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
