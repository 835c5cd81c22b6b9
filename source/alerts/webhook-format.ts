import { messageText, messageTitle } from './alert-text.js';
import type { AlertMessage } from './alert-message.js';

/** The bodies --webhook can send: each service's own. */
export const WEBHOOK_FORMATS = ['ntfy', 'gotify', 'slack', 'discord', 'telegram'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Where and how to POST: the URL resolved for its format (ntfy's root and topic, Telegram's chat). */
export interface WebhookTarget {
  format: WebhookFormat;
  url: string;
  /** ntfy: the topic (the last part of the URL given). */
  topic?: string;
  /** Telegram: the chat (chat_id of the URL given). */
  chatId?: string;
}

const DISCORD_HOSTS = /^(?:(?:canary\.|ptb\.)?discord(?:app)?\.com)$/;

/** The format the URL makes obvious (the service's own host, Gotify's /message?token=); otherwise ntfy. */
export function guessWebhookFormat(raw: string): WebhookFormat {
  const url = new URL(raw);
  const host = url.hostname.toLowerCase();
  if (host === 'hooks.slack.com') return 'slack';
  if (DISCORD_HOSTS.test(host) && url.pathname.startsWith('/api/webhooks/')) return 'discord';
  if (host === 'api.telegram.org') return 'telegram';
  if (/\/message\/?$/.test(url.pathname) && url.searchParams.has('token')) return 'gotify';
  return 'ntfy';
}

/** The URL checked and resolved for its format, or the sentence saying why it cannot work. */
export function webhookTarget(raw: string, format: WebhookFormat): WebhookTarget | string {
  const url = new URL(raw);
  if (format === 'ntfy') {
    // ntfy takes JSON only at its root URL, the topic in the body.
    const parts = url.pathname.split('/');
    const topic = parts.pop() || parts.pop();
    if (!topic || !/^[-_A-Za-z0-9]{1,64}$/.test(topic)) {
      return 'an ntfy --webhook is the topic URL, such as https://ntfy.sh/my-topic.';
    }
    url.pathname = `${parts.join('/')}/`;
    return { format, url: url.href, topic };
  }
  if (format === 'gotify') {
    if (!url.searchParams.has('token')) {
      return 'a Gotify --webhook needs the app token: https://HOST/message?token=TOKEN.';
    }
    if (!/\/message\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/message`;
    return { format, url: url.href };
  }
  if (format === 'telegram') {
    const chatId = url.searchParams.get('chat_id');
    if (!chatId) {
      return 'a Telegram --webhook needs the chat: https://api.telegram.org/botTOKEN/sendMessage?chat_id=ID.';
    }
    url.searchParams.delete('chat_id');
    if (!/\/sendMessage$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/sendMessage`;
    return { format, url: url.href, chatId };
  }
  return { format, url: url.href };
}

const slackEscape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Pure: the URL and JSON body of one message for the target's service. */
export function webhookRequest(
  target: WebhookTarget,
  message: AlertMessage,
): { url: string; json: Record<string, unknown> } {
  const title = messageTitle(message);
  const text = messageText(message);
  const click = (message.fresh[0] ?? message.freeNow[0])?.url;
  switch (target.format) {
    case 'ntfy':
      // https://docs.ntfy.sh/publish/#publish-as-json
      return {
        url: target.url,
        json: { topic: target.topic, title, message: text, priority: 4, tags: ['calendar'], ...(click && { click }) },
      };
    case 'gotify': {
      // https://gotify.net/docs/pushmsg and /docs/msgextras
      const extras = click ? { extras: { 'client::notification': { click: { url: click } } } } : {};
      return { url: target.url, json: { title, message: text, priority: 5, ...extras } };
    }
    case 'slack':
      // Incoming webhook: `text` is mrkdwn, where &, < and > must be escaped.
      return { url: target.url, json: { text: `*${slackEscape(title)}*\n${slackEscape(text)}` } };
    case 'discord':
      // Execute webhook: `content` up to 2,000 characters; no @mentions from site text.
      return {
        url: target.url,
        json: { content: cut(`**${title}**\n${text}`, 2000), allowed_mentions: { parse: [] } },
      };
    case 'telegram':
      // Bot API sendMessage: plain text (no parse_mode) up to 4,096 characters.
      return {
        url: target.url,
        json: {
          chat_id: target.chatId,
          text: cut(`${title}\n${text}`, 4096),
          link_preview_options: { is_disabled: true },
        },
      };
  }
}
