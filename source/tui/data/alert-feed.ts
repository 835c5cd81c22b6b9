import { toBerlinWallTime } from '../../../core/berlin-time.js';
import { addWatch, listAlerts, WatchExistsError, type Alert, type LevelStore } from '../../../store/index.js';
import { alertOnSnapshots, createAlertDispatcher, headlineAlert, watchSummary } from '../../alerts/index.js';
import type { AlertMessage, AlertWatch, RetryPolicy } from '../../alerts/index.js';
import type { WebhookFormat } from '../../alerts/webhook-format.js';
import type { Scheduler } from '../../scheduler/index.js';
import type { AlertsData } from './app-data.js';

export interface AlertFeedOptions {
  store: LevelStore;
  /** The app's scheduler: its snapshots raise alerts (absent with --no-scrape: the list only). */
  scheduler?: (Pick<Scheduler, 'onRun' | 'onRound'> & Partial<Pick<Scheduler, 'health'>>) | undefined;
  /** --exec CMD and --webhook URL (--webhook-format), delivered as `snapshot` delivers them. */
  exec?: string | undefined;
  webhook?: string | undefined;
  webhookFormat?: WebhookFormat | undefined;
  /** How failed deliveries are retried (default: the dispatcher's). */
  retry?: RetryPolicy | undefined;
  /** Effects per message (one per watch per round: bell, desktop notification); exceptions become problems. */
  onMessage?: ((message: AlertMessage, log: (line: string) => void) => void) | undefined;
  /** The clock (the demo's fast one), for "the last day" and the watches' creation. */
  now?: () => Date;
  /** Alerts and problems kept in memory. Default 200 and 20. */
  keep?: number;
}

export interface AlertFeed extends AlertsData {
  /** Reads the last day's alerts from the store. */
  ready: Promise<void>;
  /** Resolves when detections and deliveries started so far have finished. */
  idle(): Promise<void>;
  /** Tell what detections found so far, wait at most `ms` for the deliveries, give up the rest: how many. */
  settle(ms: number): Promise<number>;
  stop(): void;
}

const DAY = 86_400_000;

/**
 * The app's alerts: the store's recent ones, then those its rounds raise (store/alerts.ts via the CLI's dispatcher).
 * Listeners hear one alert per message (its headline: one per watch per round), and undefined for a new problem.
 */
export function createAlertFeed(options: AlertFeedOptions): AlertFeed {
  const keep = options.keep ?? 200;
  const alerts: Alert[] = [];
  const problems: string[] = [];
  const listeners = new Set<(alert: Alert | undefined) => void>();
  const emit = (alert: Alert | undefined) => listeners.forEach((listener) => listener(alert));
  const seen = new Set<string>();
  const add = (alert: Alert) => {
    if (seen.has(alert.id)) return false;
    seen.add(alert.id);
    alerts.push(alert);
    if (alerts.length > keep) seen.delete(alerts.shift()!.id);
    return true;
  };
  const log = (line: string) => {
    problems.push(line.replace(/^office-watch: /, ''));
    if (problems.length > 20) problems.shift();
    emit(undefined);
  };
  const dispatcher = createAlertDispatcher({
    exec: options.exec,
    webhook: options.webhook,
    webhookFormat: options.webhookFormat,
    retry: options.retry,
    log,
    onMessage: (message) => {
      const added = [...message.fresh, ...message.freeNow].filter(add);
      if (added.length === 0) return;
      emit(headlineAlert(message));
      options.onMessage?.(message, log);
    },
  });
  const watch: AlertWatch | undefined = options.scheduler
    ? alertOnSnapshots(options.scheduler, options.store, dispatcher, log)
    : undefined;
  const now = options.now ?? (() => new Date());
  const ready = listAlerts(options.store, { since: toBerlinWallTime(new Date(now().getTime() - DAY)) }).then(
    (stored) => {
      const fresh = alerts.splice(0);
      seen.clear();
      for (const alert of [...stored, ...fresh]) add(alert);
      emit(undefined);
    },
    (error: unknown) => log(`could not read the alerts: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    list: () => alerts,
    problems: () => problems,
    addWatch: (spec) =>
      addWatch(options.store, spec, now()).catch((error: unknown) => {
        if (!(error instanceof WatchExistsError)) throw error;
        throw new Error(`watch ${error.existing.id} already watches that (${watchSummary(error.existing)}).`);
      }),
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    ready,
    idle: async () => {
      await ready;
      await (watch ? watch.idle() : dispatcher.idle());
    },
    settle: async (ms) => {
      await watch?.flush();
      return dispatcher.settle(ms);
    },
    stop: () => (watch?.stop(), listeners.clear()),
  };
}
