import { detectAlerts, listWatches, type Alert, type AlertSite, type LevelStore } from '../../store/index.js';
import { cityOf } from '../../scrapers/registry/registry.js';
import type { Scheduler } from '../scheduler/index.js';
import { composeMessages } from './alert-message.js';
import type { AlertDispatcher } from './dispatcher.js';

export interface AlertWatch {
  /** Hand what the detections started so far found to the dispatcher now (a round's end does it by itself). */
  flush(): Promise<void>;
  /** Resolves when every detection started so far has been told (flushed) and its deliveries have finished. */
  idle(): Promise<void>;
  /** Stop listening. */
  stop(): void;
}

type Source = Pick<Scheduler, 'onRun' | 'onRound'> & Partial<Pick<Scheduler, 'health'>>;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * After each snapshot the scheduler records, detect the alerts it raises (store/alerts.ts); when the round ends (or,
 * for a retry outside a round, when no scrape is running any more) hand them to the dispatcher as one message per
 * watch. Detection errors are logged, never thrown.
 */
export function alertOnSnapshots(
  scheduler: Source,
  store: LevelStore,
  dispatcher: AlertDispatcher,
  log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`),
): AlertWatch {
  const detecting = new Set<Promise<void>>();
  const gathered: Alert[] = [];
  let flushing = Promise.resolve();

  const settled = async () => {
    while (detecting.size > 0) await Promise.allSettled([...detecting]);
  };
  // One flush at a time, in order: a round's messages go out once its detections are all done.
  const flush = () =>
    (flushing = flushing.then(async () => {
      await settled();
      const alerts = gathered.splice(0);
      if (alerts.length === 0) return;
      try {
        dispatcher.dispatch(composeMessages(alerts, await listWatches(store)));
      } catch (error) {
        log(`office-watch: could not tell the alerts: ${errorText(error)}`);
      }
    }));
  const quiet = () => scheduler.health?.().every((site) => !site.running) ?? false;

  const offRun = scheduler.onRun((outcome) => {
    if (!outcome.snapshot || outcome.storeError) return;
    const site: AlertSite = {
      id: outcome.site.id,
      name: outcome.site.name,
      city: cityOf(outcome.site),
      url: outcome.site.url,
    };
    const task = detectAlerts(store, site, outcome.snapshot.takenAt).then(
      (alerts) => void gathered.push(...alerts),
      (error: unknown) => log(`office-watch: could not check the watches for ${outcome.site.id}: ${errorText(error)}`),
    );
    detecting.add(task);
    void task.finally(() => {
      detecting.delete(task);
      if (detecting.size === 0 && quiet()) void flush();
    });
  });
  const offRound = scheduler.onRound(() => void flush());
  return {
    flush,
    async idle() {
      await flush();
      await dispatcher.idle();
    },
    stop: () => (offRun(), offRound()),
  };
}
