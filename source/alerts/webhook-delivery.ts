import type { AlertMessage } from './alert-message.js';
import { webhookRequest, type WebhookTarget } from './webhook-format.js';

/** The receiver said "not now" (429, or 503 with Retry-After): the channel waits `waitMs` before its next POST. */
export class RetryAfterError extends Error {
  readonly code = 'RETRY_AFTER';

  constructor(
    message: string,
    readonly waitMs: number,
  ) {
    super(message);
    this.name = 'RetryAfterError';
  }
}

/** Without a Retry-After a 429 waits this long; a longer Retry-After is cut to the maximum. */
const DEFAULT_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** Pure: how long a 429/503 answer asks to wait: Retry-After (seconds or a date), or Telegram's/Discord's JSON. */
export function retryAfterMs(header: string | undefined, body: string, now = Date.now()): number | undefined {
  let ms: number | undefined;
  if (header !== undefined && header.trim() !== '') {
    const seconds = Number(header);
    ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  } else {
    try {
      const json = JSON.parse(body) as { retry_after?: unknown; parameters?: { retry_after?: unknown } };
      const seconds = Number(json.parameters?.retry_after ?? json.retry_after);
      if (Number.isFinite(seconds)) ms = seconds * 1000;
    } catch {
      // not JSON: no hint
    }
  }
  return ms === undefined || Number.isNaN(ms) ? undefined : Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil(ms)));
}

/** `--webhook URL`: POST a message in the target's format; a non-2xx answer or a network error is a failure. */
export function webhookDelivery(target: WebhookTarget, options: { timeoutMs?: number } = {}) {
  return async (message: AlertMessage, signal?: AbortSignal): Promise<void> => {
    const { url, json } = webhookRequest(target, message);
    // got loads on the first delivery: every command start would pay for it otherwise.
    const { default: got } = await import('got');
    const response = await got.post(url, {
      json,
      headers: { 'user-agent': 'office-watch (appointment alerts)' },
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs ?? 15_000 },
      throwHttpErrors: false,
      ...(signal ? { signal } : {}),
    });
    const status = response.statusCode;
    if (status >= 200 && status < 300) return;
    const header = response.headers['retry-after'];
    const wait = retryAfterMs(Array.isArray(header) ? header[0] : header, response.body);
    const first = response.body.trim().split('\n')[0]!.slice(0, 120);
    const said = `HTTP ${status}${first ? `: ${first}` : ''}`;
    const later = status === 429 || (status === 503 && wait !== undefined);
    if (later) throw new RetryAfterError(said, wait ?? DEFAULT_WAIT_MS);
    throw new Error(said);
  };
}

/** A --webhook value must be an http(s) URL. */
export function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
