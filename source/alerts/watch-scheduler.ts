import { detectAlerts, type AlertSite } from '../../store/alerts.js';
import type { LevelStore } from '../../store/index.js';
import { cityOf } from '../../scrapers/registry/registry.js';
import type { Scheduler } from '../scheduler/index.js';
import type { AlertDispatcher } from './dispatcher.js';

export interface AlertWatch {
  /** Resolves when every detection started so far (and its deliveries) has finished. */
  idle(): Promise<void>;
  /** Stop listening. */
  stop(): void;
}

/**
 * After each snapshot the scheduler records, detect the alerts it raises (store/alerts.ts) and hand them to the
 * dispatcher. Detection errors are logged, never thrown.
 */
export function alertOnSnapshots(scheduler: Pick<Scheduler, 'onRun'>, store: LevelStore, dispatcher: AlertDispatcher, log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)): AlertWatch {
  const pending = new Set<Promise<void>>();
  const stop = scheduler.onRun((outcome) => {
    if (!outcome.snapshot || outcome.storeError) return;
    const site: AlertSite = { id: outcome.site.id, name: outcome.site.name, city: cityOf(outcome.site), url: outcome.site.url };
    const task = detectAlerts(store, site, outcome.snapshot.takenAt).then(
      (alerts) => dispatcher.dispatch(alerts),
      (error: unknown) => log(`office-watch: could not check the watches for ${outcome.site.id}: ${error instanceof Error ? error.message : String(error)}`),
    );
    pending.add(task);
    void task.finally(() => pending.delete(task));
  });
  return {
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await dispatcher.idle();
    },
    stop,
  };
}
