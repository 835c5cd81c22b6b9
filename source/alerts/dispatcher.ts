import type { AlertMessage } from './alert-message.js';
import { deliveryChannel, type DeliveryChannel, type DeliveryRecord, type RetryPolicy } from './delivery-channel.js';
import { execDelivery } from './exec-delivery.js';
import { webhookDelivery } from './webhook-delivery.js';
import { guessWebhookFormat, webhookTarget, type WebhookFormat } from './webhook-format.js';

export type { DeliveryRecord, RetryPolicy };

export interface AlertDispatcherOptions {
  /** --exec CMD: a shell command that reads the message JSON on stdin. */
  exec?: string | undefined;
  /** --webhook URL: where to POST each message. */
  webhook?: string | undefined;
  /** --webhook-format (default: guessed from the URL, else ntfy). */
  webhookFormat?: WebhookFormat | undefined;
  /** Called at once for every message (the TUI's banner/bell, the CLI's lines). Exceptions are logged, not thrown. */
  onMessage?: ((message: AlertMessage) => void) | undefined;
  /** Called when a delivery finished for good, ok or not. */
  onDelivery?: ((record: DeliveryRecord) => void) | undefined;
  /** Where failures are logged (default: stderr). */
  log?: ((line: string) => void) | undefined;
  retry?: RetryPolicy | undefined;
  /** Per attempt (default exec 30 s, webhook 15 s). */
  timeoutMs?: number | undefined;
  /** Spacing per channel (default: webhook 3 at once, then one per 3 s; exec 5, then one per second). */
  rate?: Partial<Record<DeliveryRecord['target'], { burst: number; everyMs: number }>> | undefined;
}

export interface AlertDispatcher {
  /** Hand a round's messages over: onMessage at once, deliveries queued per channel (never throws). */
  dispatch(messages: readonly AlertMessage[]): void;
  /** Resolves when every delivery handed over so far has finished (succeeded or given up). */
  idle(): Promise<void>;
  /** Wait at most `ms` for the deliveries; then give up the rest (logged). Resolves with how many were given up. */
  settle(ms: number): Promise<number>;
  /** The last RECORDS_KEPT finished deliveries (a live app runs for weeks), oldest first. */
  readonly records: readonly DeliveryRecord[];
}

export const RECORDS_KEPT = 100;
const RATES = { webhook: { burst: 3, everyMs: 3000 }, exec: { burst: 5, everyMs: 1000 } };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Deliver messages to the user's command and/or webhook: spaced per channel, retried with back-off, never lost. */
export function createAlertDispatcher(options: AlertDispatcherOptions = {}): AlertDispatcher {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const records: DeliveryRecord[] = [];
  const finish = (record: DeliveryRecord) => {
    records.push(record);
    if (records.length > RECORDS_KEPT) records.shift();
    try {
      options.onDelivery?.(record);
    } catch (error) {
      log(`office-watch: alert delivery listener failed: ${errorText(error)}`);
    }
  };
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  const channels: DeliveryChannel[] = [];
  const channel = (name: DeliveryRecord['target'], send: (m: AlertMessage, signal: AbortSignal) => Promise<void>) =>
    channels.push(
      deliveryChannel({ name, send, rate: options.rate?.[name] ?? RATES[name], retry: options.retry, log, finish }),
    );
  if (options.exec) channel('exec', execDelivery(options.exec, timeout));
  if (options.webhook) {
    const target = webhookTarget(options.webhook, options.webhookFormat ?? guessWebhookFormat(options.webhook));
    if (typeof target === 'string') throw new Error(target);
    channel('webhook', webhookDelivery(target, timeout));
  }
  const idle = async () => void (await Promise.all(channels.map((c) => c.idle())));

  return {
    dispatch(messages) {
      for (const message of messages) {
        try {
          options.onMessage?.(message);
        } catch (error) {
          log(`office-watch: alert listener failed: ${errorText(error)}`);
        }
        for (const c of channels) c.push(message);
      }
    },
    idle,
    async settle(ms) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle(), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
      const left = channels.reduce((sum, c) => sum + c.pending(), 0);
      for (const c of channels) c.close(`office-watch stopped waiting after ${Math.round(ms / 1000)} s`);
      await idle();
      return left;
    },
    records,
  };
}
