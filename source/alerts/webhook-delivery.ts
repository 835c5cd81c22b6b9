import type { Alert } from '../../store/alerts.js';
import { webhookBody } from './alert-text.js';

/** `--webhook URL`: POST the alert as ntfy/Gotify-style JSON; any non-2xx answer or network error is a failure. */
export function webhookDelivery(url: string, options: { timeoutMs?: number } = {}): (alert: Alert) => Promise<void> {
  return async (alert) => {
    // got loads on the first delivery: every command start would pay for it otherwise.
    const { default: got } = await import('got');
    await got.post(url, {
      json: webhookBody(alert),
      headers: { 'user-agent': 'office-watch (appointment alerts)' },
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs ?? 15_000 },
      throwHttpErrors: true,
    });
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
