import type { Scheduler } from '../../scheduler/index.js';

export interface FirstRound {
  /** Of the scheduled sources (asked for only while it runs), how many ran; undefined once the first round is over. */
  progress(sourceIds: () => readonly string[]): { done: number; total: number } | undefined;
  stop(): void;
}

/** How far the app's first round of scrapes is: the sources run so far, until a round over all of them has ended. */
export function watchFirstRound(scheduler: Pick<Scheduler, 'onRun' | 'onRound' | 'health'>): FirstRound {
  const ran = new Set<string>();
  let over = false;
  const offRun = scheduler.onRun((outcome) => void ran.add(outcome.site.id));
  // A rescrape of a few sources is a round too: only one that took in every source ends the first.
  const offRound = scheduler.onRound((round) => {
    if (round.outcomes.length + round.skipped.length >= scheduler.health().length) over = true;
  });
  return {
    progress(scheduled) {
      if (over) return undefined;
      const ids = scheduled();
      const done = ids.filter((id) => ran.has(id)).length;
      if (done === ids.length) over = true;
      return over ? undefined : { done, total: ids.length };
    },
    stop: () => (offRun(), offRound()),
  };
}
