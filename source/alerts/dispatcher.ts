import type { Alert } from '../../store/alerts.js';
import { execDelivery } from './exec-delivery.js';
import { withRetry, type RetryPolicy } from './retry.js';
import { webhookDelivery } from './webhook-delivery.js';

/** The fate of one delivery of one alert. */
export interface DeliveryRecord {
  alertId: string;
  target: 'exec' | 'webhook';
  ok: boolean;
  attempts: number;
  error?: string;
}

export interface AlertDispatcherOptions {
  /** --exec CMD: a shell command that reads the alert JSON on stdin. */
  exec?: string | undefined;
  /** --webhook URL: where to POST the alert JSON. */
  webhook?: string | undefined;
  /** Called at once for every alert (the TUI's banner/bell, the CLI's line). Exceptions are logged, not thrown. */
  onAlert?: ((alert: Alert) => void) | undefined;
  /** Called when a delivery finished for good, ok or not. */
  onDelivery?: ((record: DeliveryRecord) => void) | undefined;
  /** Where failures are logged (default: stderr). */
  log?: ((line: string) => void) | undefined;
  retry?: RetryPolicy | undefined;
  /** Per attempt (default exec 30 s, webhook 15 s). */
  timeoutMs?: number | undefined;
}

export interface AlertDispatcher {
  /** Hand alerts over: onAlert at once, deliveries in the background (retried, failures logged; never throws). */
  dispatch(alerts: readonly Alert[]): void;
  /** Resolves when every delivery handed over so far has finished (succeeded or given up). */
  idle(): Promise<void>;
  /** The last RECORDS_KEPT finished deliveries (a live app runs for weeks), oldest first. */
  readonly records: readonly DeliveryRecord[];
}

export const RECORDS_KEPT = 100;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Deliver alerts to the user's command and/or webhook, retried with back-off, never lost silently, never a crash. */
export function createAlertDispatcher(options: AlertDispatcherOptions = {}): AlertDispatcher {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const targets: { name: DeliveryRecord['target']; deliver: (alert: Alert) => Promise<void> }[] = [];
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  if (options.exec) targets.push({ name: 'exec', deliver: execDelivery(options.exec, timeout) });
  if (options.webhook) targets.push({ name: 'webhook', deliver: webhookDelivery(options.webhook, timeout) });
  const pending = new Set<Promise<void>>();
  const records: DeliveryRecord[] = [];

  const finish = (record: DeliveryRecord) => {
    records.push(record);
    if (records.length > RECORDS_KEPT) records.shift();
    try {
      options.onDelivery?.(record);
    } catch (error) {
      log(`office-watch: alert delivery listener failed: ${message(error)}`);
    }
  };

  async function deliver(alert: Alert, target: (typeof targets)[number]): Promise<void> {
    let attempts = 0;
    try {
      await withRetry(target.name, () => (attempts++, target.deliver(alert)), options.retry, (attempt, error) =>
        log(`office-watch: alert ${alert.sourceId}/${alert.locationId} ${alert.slot}: ${target.name} attempt ${attempt} failed: ${message(error)}`),
      );
      finish({ alertId: alert.id, target: target.name, ok: true, attempts });
    } catch (error) {
      log(`office-watch: alert ${alert.sourceId}/${alert.locationId} ${alert.slot} NOT delivered by ${target.name}: ${message(error)}`);
      finish({ alertId: alert.id, target: target.name, ok: false, attempts, error: message(error) });
    }
  }

  return {
    dispatch(alerts) {
      for (const alert of alerts) {
        try {
          options.onAlert?.(alert);
        } catch (error) {
          log(`office-watch: alert listener failed: ${message(error)}`);
        }
        for (const target of targets) {
          const task = deliver(alert, target);
          pending.add(task);
          void task.finally(() => pending.delete(task));
        }
      }
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    records,
  };
}
