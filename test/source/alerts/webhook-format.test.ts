import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessages } from '../../../source/alerts/alert-message.js';
import { createAlertDispatcher } from '../../../source/alerts/dispatcher.js';
import { guessWebhookFormat, webhookTarget } from '../../../source/alerts/webhook-format.js';
import { retryAfterMs } from '../../../source/alerts/webhook-delivery.js';
import { startReceiver } from '../../helpers/webhook-receiver.js';
import { slotAlert, watches } from './sample-alerts.js';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(() => receiver.close());

const odd = slotAlert('2024-05-08 09:00:00', { kind: 'new day', locationId: 'kfz', office: 'A <b> & "c"' });
const [message] = composeMessages([slotAlert('2024-05-08 08:00:00'), odd], watches);

/** POST the message through a dispatcher in this format; what the receiver got. */
async function sent(url: string, format?: Parameters<typeof webhookTarget>[1]) {
  receiver.received.length = 0;
  const dispatcher = createAlertDispatcher({ webhook: url, webhookFormat: format, log: () => undefined });
  dispatcher.dispatch([message!]);
  await dispatcher.idle();
  expect(dispatcher.records.map((r) => r.ok)).toEqual([true]);
  expect(receiver.received).toHaveLength(1);
  return receiver.received[0]!;
}

describe('--webhook formats, each POSTed to a receiver on 127.0.0.1', () => {
  it('ntfy (default): JSON to the server root, the topic in the body; query (auth) kept', async () => {
    const got = await sent(`${receiver.origin}/alerts-4711?auth=abc`);
    expect(got).toMatchObject({ method: 'POST', path: '/?auth=abc' });
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.body).toEqual({
      topic: 'alerts-4711',
      title: '2 free slots: 2 offices (Bonn)',
      message: expect.stringContaining(
        '2 new slots, first Wed 2024-05-08 08:00 (watch 1: city Bonn · within 14 days)\n' +
          'Wed 2024-05-08 08:00 · cancellation',
      ),
      priority: 4,
      tags: ['calendar'],
      click: 'https://termine.bonn.de/',
    });
    // A self-hosted server under a path: its root is that path.
    expect((await sent(`${receiver.origin}/ntfy/topic_1`, 'ntfy')).path).toBe('/ntfy/');
  });

  it('Gotify: /message?token=, title, message, priority and the click URL as client::notification', async () => {
    const got = await sent(`${receiver.origin}/message?token=AbC.123`, 'gotify');
    expect(got.path).toBe('/message?token=AbC.123');
    expect(got.body).toEqual({
      title: '2 free slots: 2 offices (Bonn)',
      message: expect.stringContaining('Book: https://termine.bonn.de/'),
      priority: 5,
      extras: { 'client::notification': { click: { url: 'https://termine.bonn.de/' } } },
    });
    expect((await sent(`${receiver.origin}/gotify/?token=x`, 'gotify')).path).toBe('/gotify/message?token=x');
  });

  it("Slack: an incoming webhook's `text`, mrkdwn with &, < and > escaped", async () => {
    const got = await sent(`${receiver.origin}/services/T0/B0/XyZ`, 'slack');
    const body = got.body as { text: string };
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text.startsWith('*2 free slots: 2 offices (Bonn)*\n2 new slots')).toBe(true);
    expect(body.text).toContain('A &lt;b&gt; &amp; "c"');
    expect(body.text).not.toMatch(/<b>/);
  });

  it('Discord: `content` (at most 2,000 characters) and no mentions parsed', async () => {
    const got = await sent(`${receiver.origin}/api/webhooks/1/tok`, 'discord');
    const body = got.body as { content: string; allowed_mentions: unknown };
    expect(body.content.startsWith('**2 free slots: 2 offices (Bonn)**\n')).toBe(true);
    expect(body.content.length).toBeLessThanOrEqual(2000);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('Telegram: sendMessage with chat_id in the body and plain text', async () => {
    const got = await sent(`${receiver.origin}/bot123:ABC/sendMessage?chat_id=-100200`, 'telegram');
    expect(got.path).toBe('/bot123:ABC/sendMessage');
    expect(got.body).toEqual({
      chat_id: '-100200',
      text: expect.stringMatching(/^2 free slots: 2 offices \(Bonn\)\n2 new slots/),
      link_preview_options: { is_disabled: true },
    });
    expect((await sent(`${receiver.origin}/bot123:ABC?chat_id=5`, 'telegram')).path).toBe('/bot123:ABC/sendMessage');
  });

  it("the format is guessed from the service's host where it is obvious, else ntfy", () => {
    expect(guessWebhookFormat('https://ntfy.sh/my-topic')).toBe('ntfy');
    expect(guessWebhookFormat('https://hooks.slack.com/services/T/B/X')).toBe('slack');
    expect(guessWebhookFormat('https://discord.com/api/webhooks/1/x')).toBe('discord');
    expect(guessWebhookFormat('https://discordapp.com/api/webhooks/1/x')).toBe('discord');
    expect(guessWebhookFormat('https://api.telegram.org/bot1:A/sendMessage?chat_id=1')).toBe('telegram');
    expect(guessWebhookFormat('https://push.example.org/message?token=x')).toBe('gotify');
    expect(guessWebhookFormat('https://example.org/hook')).toBe('ntfy');
  });

  it('a URL that cannot work for its format is one sentence', () => {
    expect(webhookTarget('https://ntfy.sh/', 'ntfy')).toMatch(/^an ntfy --webhook is the topic URL/);
    expect(webhookTarget('https://push.example.org/message', 'gotify')).toMatch(/needs the app token/);
    expect(webhookTarget('https://api.telegram.org/bot1:A/sendMessage', 'telegram')).toMatch(/needs the chat/);
  });

  it("Retry-After as seconds, as a date, or in Telegram's and Discord's JSON; capped", () => {
    expect(retryAfterMs('3', '')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2024, 0, 1, 0, 0, 10)).toUTCString(), '', Date.UTC(2024, 0, 1))).toBe(10_000);
    expect(retryAfterMs(undefined, '{"ok":false,"error_code":429,"parameters":{"retry_after":7}}')).toBe(7000);
    expect(retryAfterMs(undefined, '{"retry_after":0.25}')).toBe(250);
    expect(retryAfterMs(undefined, 'slow down')).toBeUndefined();
    expect(retryAfterMs('86400', '')).toBe(15 * 60_000);
  });
});
