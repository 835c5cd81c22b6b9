import type { AlertMessage } from './alert-message.js';
import { TokenBucket } from './token-bucket.js';
import { RetryAfterError } from './webhook-delivery.js';

/** How often and how patiently a message is tried on a channel. */
export interface RetryPolicy {
  /** Attempts in all (default 4). */
  attempts?: number;
  /** Back-off after the first failure in a row; doubled with each further one (default 2 s). */
  baseDelayMs?: number;
  /** Longest back-off (default 60 s). */
  maxDelayMs?: number;
}

/** The fate of one delivery of one message. */
export interface DeliveryRecord {
  messageId: string;
  target: 'exec' | 'webhook';
  ok: boolean;
  attempts: number;
  error?: string;
}

export interface ChannelOptions {
  name: DeliveryRecord['target'];
  send: (message: AlertMessage, signal: AbortSignal) => Promise<void>;
  /** Sends at once, then one per `everyMs`. */
  rate: { burst: number; everyMs: number };
  retry?: RetryPolicy | undefined;
  log: (line: string) => void;
  finish: (record: DeliveryRecord) => void;
  now?: () => number;
}

export interface DeliveryChannel {
  push(message: AlertMessage): void;
  /** Resolves when every message pushed so far was delivered or given up. */
  idle(): Promise<void>;
  /** Messages not yet delivered (the one being sent included). */
  pending(): number;
  /** Stop: the send in flight is aborted, every waiting message is logged as not delivered (`why`). */
  close(why: string): void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * One channel (--exec or --webhook): messages go out one at a time, spaced by a token bucket; after a failure the
 * channel backs off (doubling, or as long as the receiver's Retry-After says) and the message is tried again, up to
 * `attempts`; every failure is logged, and a message given up is logged as NOT delivered.
 */
export function deliveryChannel(options: ChannelOptions): DeliveryChannel {
  const now = options.now ?? (() => Date.now());
  const attempts = Math.max(1, options.retry?.attempts ?? 4);
  const base = options.retry?.baseDelayMs ?? 2000;
  const max = options.retry?.maxDelayMs ?? 60_000;
  const bucket = new TokenBucket(options.rate.burst, options.rate.everyMs, now);
  const controller = new AbortController();
  const queue: { message: AlertMessage; attempts: number }[] = [];
  let failures = 0;
  let running: Promise<void> | undefined;
  const which = (m: AlertMessage) => `watch ${m.watchId}'s alert of ${m.takenAt.slice(0, 16)}`;
  const finish = (item: (typeof queue)[number], error?: string) =>
    options.finish({
      messageId: item.message.id,
      target: options.name,
      ok: error === undefined,
      attempts: item.attempts,
      ...(error === undefined ? {} : { error }),
    });
  const say = (m: AlertMessage, what: string) => options.log(`office-watch: ${which(m)}${what}`);

  async function pump(): Promise<void> {
    const { signal } = controller;
    while (queue.length > 0 && !signal.aborted) {
      const wait = bucket.waitMs();
      if (wait > 0) {
        await sleep(wait, signal);
        continue;
      }
      bucket.take();
      const item = queue[0]!;
      item.attempts++;
      try {
        await options.send(item.message, signal);
        failures = 0;
        queue.shift();
        finish(item);
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const delay = error instanceof RetryAfterError ? error.waitMs : Math.min(max, base * 2 ** (failures - 1));
        bucket.holdUntil(now() + delay);
        say(item.message, `: ${options.name} attempt ${item.attempts} failed: ${errorText(error)}`);
        if (item.attempts < attempts) continue;
        queue.shift();
        say(item.message, ` NOT delivered by ${options.name} (${item.attempts} attempts; last: ${errorText(error)})`);
        finish(item, errorText(error));
      }
    }
  }

  // A message pushed while the pump was ending starts the next one.
  const kick = () => {
    if (running || controller.signal.aborted || queue.length === 0) return;
    running = pump().finally(() => {
      running = undefined;
      kick();
    });
  };

  return {
    push(message) {
      if (controller.signal.aborted) return say(message, ` NOT delivered by ${options.name}: closed`);
      queue.push({ message, attempts: 0 });
      kick();
    },
    async idle() {
      while (running) await running;
    },
    pending: () => queue.length,
    close(why) {
      controller.abort();
      for (const item of queue.splice(0)) {
        say(item.message, ` NOT delivered by ${options.name}: ${why}`);
        finish(item, why);
      }
    },
  };
}
