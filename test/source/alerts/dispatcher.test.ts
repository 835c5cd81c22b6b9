import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessages, type AlertMessage } from '../../../source/alerts/alert-message.js';
import { createAlertDispatcher, RECORDS_KEPT } from '../../../source/alerts/dispatcher.js';
import { type Answer, hang, startReceiver } from '../../helpers/webhook-receiver.js';
import { slotAlert, watches } from './sample-alerts.js';

const dir = mkdtempSync(join(tmpdir(), 'ow-dispatch-'));
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const ok: Answer = (_request, response) => void response.writeHead(200).end('{}');
beforeAll(async () => (receiver = await startReceiver()));
afterAll(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A message for watch `watch` in round `n`. */
const two = (n: number) => String(n).padStart(2, '0');
const message = (n = 0, watch = '1'): AlertMessage => {
  const takenAt = `2024-05-06 ${two(9 + Math.floor(n / 60))}:${two(n % 60)}:00`;
  const alert = slotAlert(`2024-05-08 ${two(8 + (n % 10))}:00:00`, { takenAt, watchIds: [watch] });
  return composeMessages([alert], watches)[0]!;
};
const quiet = () => undefined;
const fast = { attempts: 3, baseDelayMs: 20 };
const unlimited = { webhook: { burst: 100, everyMs: 1 }, exec: { burst: 100, everyMs: 1 } };
function answering(answer: Answer) {
  receiver.received.length = 0;
  receiver.answer = answer;
  return `${receiver.origin}/topic`;
}

describe('createAlertDispatcher', () => {
  it('one POST per message; onMessage hears it at once', async () => {
    const url = answering(ok);
    const heard: string[] = [];
    const onMessage = (m: AlertMessage) => void heard.push(m.id);
    const dispatcher = createAlertDispatcher({ webhook: url, retry: fast, log: quiet, onMessage });
    dispatcher.dispatch([message(0, '1'), message(0, '2')]);
    expect(heard).toEqual(['2024-05-06 09:00:00|watch 1', '2024-05-06 09:00:00|watch 2']);
    await dispatcher.idle();
    expect(receiver.received).toHaveLength(2);
    const delivered = heard.map((messageId) => ({ messageId, target: 'webhook', ok: true, attempts: 1 }));
    expect(dispatcher.records).toEqual(delivered);
  });

  it('a failing answer is retried with back-off, then delivered; each failure logged', async () => {
    let failures = 2;
    const url = answering((_r, response) => {
      if (failures-- > 0) response.writeHead(503).end('busy');
      else response.writeHead(200).end('{}');
    });
    const lines: string[] = [];
    const retry = { attempts: 4, baseDelayMs: 40 };
    const dispatcher = createAlertDispatcher({ webhook: url, retry, log: (line) => lines.push(line) });
    dispatcher.dispatch([message()]);
    await dispatcher.idle();
    const at = receiver.received.map((r) => r.at);
    expect(at).toHaveLength(3);
    // Back-off doubles: 40 ms, then 80 ms.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(35);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(75);
    expect(lines).toEqual([
      "office-watch: watch 1's alert of 2024-05-06 09:00: webhook attempt 1 failed: HTTP 503: busy",
      expect.stringMatching(/attempt 2 failed/),
    ]);
    expect(dispatcher.records[0]).toMatchObject({ ok: true, attempts: 3 });
  });

  it('429 with Retry-After: the channel waits as long as asked before it tries again', async () => {
    let first = true;
    const url = answering((_r, response) => {
      if (!first) return void response.writeHead(200).end('{}');
      first = false;
      response.writeHead(429, { 'retry-after': '1' }).end('slow down');
    });
    const retry = { attempts: 3, baseDelayMs: 10 };
    const dispatcher = createAlertDispatcher({ webhook: url, retry, log: quiet, rate: unlimited });
    dispatcher.dispatch([message(0), message(1)]);
    await dispatcher.idle();
    const at = receiver.received.map((r) => r.at);
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(990);
    expect(dispatcher.records.map((r) => [r.ok, r.attempts])).toEqual([
      [true, 2],
      [true, 1],
    ]);
  });

  it('rate-limited per channel: a burst, then spaced; no more than the burst at once', async () => {
    const url = answering(ok);
    const rate = { webhook: { burst: 2, everyMs: 400 } };
    const dispatcher = createAlertDispatcher({ webhook: url, log: quiet, rate });
    dispatcher.dispatch(Array.from({ length: 5 }, (_, i) => message(i)));
    await dispatcher.idle();
    const at = receiver.received.map((r) => r.at - receiver.received[0]!.at);
    expect(at).toHaveLength(5);
    // The second of the burst does not wait for the spacing (300 ms leaves room for a loaded machine).
    expect(at[1]).toBeLessThan(300);
    // The k-th POST leaves no earlier than (k - 1) × 400 ms after the first; arrival latency varies on a loaded
    // machine (the first may arrive late), so 100 ms of slack; unlimited, all five would arrive within a few ms.
    for (let k = 2; k < 5; k++) expect(at[k]).toBeGreaterThanOrEqual((k - 1) * 400 - 100);
  });

  it('always failing: tried, logged as NOT delivered, never thrown; the next message still goes', async () => {
    const url = answering((request, response) => {
      if ((request.body as { message: string }).message.includes('09:00:00')) response.writeHead(500).end('no');
      else response.writeHead(200).end('{}');
    });
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const dispatcher = createAlertDispatcher({ webhook: url, retry: fast, log, rate: unlimited });
    const [bad, good] = [message(0), message(1)];
    // The receiver fails the first message only (its text names 2024-05-06 09:00 once the message says when).
    (bad.fresh[0] as { url: string }).url = 'https://termine.bonn.de/09:00:00';
    dispatcher.dispatch([bad, good]);
    await dispatcher.idle();
    expect(lines.filter((l) => /attempt \d failed/.test(l))).toHaveLength(3);
    expect(lines.filter((l) => /NOT delivered by webhook \(3 attempts; last: HTTP 500: no\)/.test(l))).toHaveLength(1);
    const records = dispatcher.records.map((r) => [r.messageId, r.ok, r.attempts]);
    expect(records).toEqual([
      [bad.id, false, 3],
      [good.id, true, 1],
    ]);
  });

  it('settle: a receiver that never answers costs at most the wait; the rest is logged; nothing hangs', async () => {
    const url = answering(hang);
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({ webhook: url, log: (line) => lines.push(line) });
    dispatcher.dispatch([message(0), message(1)]);
    const started = performance.now();
    expect(await dispatcher.settle(300)).toBe(2);
    expect(performance.now() - started).toBeLessThan(1500);
    const given = lines.filter((l) => /NOT delivered by webhook: office-watch stopped waiting after 0 s/.test(l));
    expect(given).toHaveLength(2);
    expect(dispatcher.records.map((r) => r.ok)).toEqual([false, false]);
  });

  it('keeps the last RECORDS_KEPT deliveries only (a live app runs for weeks)', async () => {
    const url = answering(ok);
    const dispatcher = createAlertDispatcher({ webhook: url, retry: fast, log: () => undefined, rate: unlimited });
    for (let i = 0; i < RECORDS_KEPT + 5; i++) dispatcher.dispatch([message(i)]);
    await dispatcher.idle();
    expect(dispatcher.records).toHaveLength(RECORDS_KEPT);
    expect(dispatcher.records[0]!.messageId).toBe(message(5).id);
    expect(dispatcher.records.at(-1)!.messageId).toBe(message(RECORDS_KEPT + 4).id);
  });

  it('a closed port is a logged failure, not a crash', async () => {
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({
      webhook: 'http://127.0.0.1:9/x',
      retry: { attempts: 2, baseDelayMs: 10 },
      log: (line) => lines.push(line),
    });
    dispatcher.dispatch([message()]);
    await dispatcher.idle();
    expect(lines.at(-1)).toMatch(/NOT delivered by webhook/);
  });

  it('exec: runs the command with the message as JSON on stdin: title, text and every alert', async () => {
    const out = join(dir, 'message.json');
    const script = join(dir, 'save.sh');
    writeFileSync(script, `#!/bin/sh\ncat > "${out}"\n`, { mode: 0o755 });
    const dispatcher = createAlertDispatcher({ exec: script, retry: fast, log: () => undefined });
    const sent = message();
    dispatcher.dispatch([sent]);
    await dispatcher.idle();
    const got = JSON.parse(readFileSync(out, 'utf8')) as AlertMessage & { title: string; text: string };
    const title = 'Free slot: Meldewesen (Bonn)';
    const watch = 'city Bonn · within 14 days';
    expect(got).toMatchObject({ id: sent.id, watchId: '1', watch, fresh: sent.fresh, freeNow: [], title });
    expect(got.text).toContain('Wed 2024-05-08 08:00 · cancellation · Stadt Bonn · Meldewesen');
    expect(dispatcher.records).toEqual([{ messageId: sent.id, target: 'exec', ok: true, attempts: 1 }]);
  });

  it('exec: a failing command is retried and logged with its last stderr line', async () => {
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({
      exec: 'echo nope >&2; exit 3',
      retry: { attempts: 2, baseDelayMs: 10 },
      log: (line) => lines.push(line),
    });
    dispatcher.dispatch([message()]);
    await dispatcher.idle();
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/NOT delivered by exec \(2 attempts; last: the command exited with code 3: nope\)/);
  });

  it('an onMessage listener that throws is logged; deliveries go on', async () => {
    const url = answering(ok);
    const lines: string[] = [];
    const onMessage = () => {
      throw new Error('boom');
    };
    const dispatcher = createAlertDispatcher({ webhook: url, retry: fast, log: (line) => lines.push(line), onMessage });
    dispatcher.dispatch([message()]);
    await dispatcher.idle();
    expect(lines[0]).toMatch(/alert listener failed: boom/);
    expect(receiver.received).toHaveLength(1);
  });
});
