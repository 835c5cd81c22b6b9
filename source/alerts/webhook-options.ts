import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { isWebhookUrl } from './webhook-delivery.js';
import { guessWebhookFormat, webhookTarget, WEBHOOK_FORMATS, type WebhookFormat } from './webhook-format.js';

/** --webhook URL and --webhook-format F (meow's flags), checked: one sentence (exit 2) for the first problem. */
export function webhookOptions(flags: { webhook?: string | undefined; webhookFormat?: string | undefined }): {
  webhook?: string;
  webhookFormat?: WebhookFormat;
} {
  const format = flags.webhookFormat;
  if (format !== undefined && !(WEBHOOK_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`--webhook-format takes ${WEBHOOK_FORMATS.join(', ')}; got "${sanitize(format, 30)}".`, 2);
  }
  if (flags.webhook === undefined) {
    if (format !== undefined) throw new UserError('--webhook-format needs --webhook URL.', 2);
    return {};
  }
  const webhook = flags.webhook;
  if (!isWebhookUrl(webhook)) throw new UserError(`--webhook needs an http(s) URL; got "${sanitize(webhook, 60)}".`, 2);
  const webhookFormat = (format as WebhookFormat | undefined) ?? guessWebhookFormat(webhook);
  const target = webhookTarget(webhook, webhookFormat);
  if (typeof target === 'string') throw new UserError(target, 2);
  return { webhook, webhookFormat };
}
