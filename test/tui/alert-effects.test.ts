import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { composeMessages } from '../../source/alerts/alert-message.js';
import { alertEffects, notificationOf } from '../../source/tui/alert-effects.js';
import {
  desktopNotifier,
  loadNotifier,
  type Notification,
  type NotifyFunction,
} from '../../source/tui/desktop-notifier.js';
import { sampleAlert } from './fake-watch-data.js';

/** A round's message for watch 1 with these alerts. */
const message = (...alerts: ReturnType<typeof sampleAlert>[]) =>
  composeMessages(alerts, [{ id: '1', city: 'Bonn', withinDays: 14, createdAt: '' }])[0]!;
const note: Notification = { title: 'Free slot: Meldewesen (Bonn)', message: 'Wed 2021-08-11 08:30 · cancellation' };

/** On fake timers: the gathering and the notifier's loading take no real time. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('alert effects', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  test("a round's messages ring the bell once; one notification: the first message, and how many more", async () => {
    const written: string[] = [];
    const sent: [Notification, number][] = [];
    const write = (text: string) => void written.push(text);
    const notifier = () => (n: Notification, more: number) => void sent.push([n, more]);
    const effects = alertEffects({ quiet: false, write, notifier, gatherMs: 20 });
    const log = () => undefined;
    const first = message(sampleAlert(), sampleAlert('2021-08-12 09:00:00'));
    effects(first, log);
    effects(message(sampleAlert('2021-08-13 09:00:00')), log);
    await pass(60);
    expect(written).toEqual(['\u0007']);
    expect(sent).toEqual([[notificationOf(first), 1]]);
    expect(sent[0]![0].title).toBe('2 free slots: Meldewesen (Bonn)');
    expect(sent[0]![0].message.split('\n').slice(0, 3)).toEqual([
      '2 new slots, first Wed 2021-08-11 08:30 (watch 1: city Bonn · within 14 days)',
      'Wed 2021-08-11 08:30 · cancellation · Stadt Bonn · Meldewesen',
      'Thu 2021-08-12 09:00 · cancellation · Stadt Bonn · Meldewesen',
    ]);
    effects(message(sampleAlert('2021-08-14 09:00:00')), log);
    await pass(60);
    expect(written).toEqual(['\u0007', '\u0007']);
  });

  test('--quiet: no bell, the notification still goes', async () => {
    const written: string[] = [];
    let sent = 0;
    const effects = alertEffects({
      quiet: true,
      write: (text) => void written.push(text),
      notifier: () => () => void sent++,
      gatherMs: 10,
    });
    effects(message(sampleAlert()), () => undefined);
    await pass(40);
    expect(written).toEqual([]);
    expect(sent).toBe(1);
  });
});

describe('desktop notifications', () => {
  const logged: string[] = [];
  const log = (line: string) => void logged.push(line);
  afterEach(() => void vi.useRealTimers());

  test("a message's title and text, how many more came with it; site text sanitized", async () => {
    vi.useFakeTimers();
    const shown: { title: string; message: string }[] = [];
    const notify = desktopNotifier(log, async (): Promise<NotifyFunction> => (n, done) => (shown.push(n), done(null)));
    notify(notificationOf(message(sampleAlert())), 3);
    await pass(10);
    expect(shown).toEqual([{ title: 'Free slot: Meldewesen (Bonn)', message: expect.any(String), wait: false }]);
    expect(shown[0]!.message.split('\n')).toEqual([
      '1 new slot, first Wed 2021-08-11 08:30 (watch 1: city Bonn · within 14 days)',
      'Wed 2021-08-11 08:30 · cancellation · Stadt Bonn · Meldewesen',
      'Book: https://example.test/bonn',
      '(3 more in the app)',
    ]);
    expect(shown[0]!.message).not.toMatch(/[\u001b\u0007]|evil/);
  });

  test('no notifier: silently nothing, not asked again; a failed delivery is logged; a throw is no crash', async () => {
    vi.useFakeTimers();
    logged.length = 0;
    let calls = 0;
    const missing = desktopNotifier(
      log,
      async (): Promise<NotifyFunction> => (_n, done) => (calls++, done(new Error('not found: notify-send'))),
    );
    missing(note, 0);
    await pass(10);
    missing(note, 0);
    await pass(10);
    expect(calls).toBe(1);
    expect(logged).toEqual([]);

    const failing = desktopNotifier(
      log,
      async (): Promise<NotifyFunction> => (_n, done) => done(new Error('D-Bus said no \u001b[31m')),
    );
    failing(note, 0);
    const throwing = desktopNotifier(
      log,
      async (): Promise<NotifyFunction> => () => {
        throw new Error('boom');
      },
    );
    throwing(note, 0);
    await pass(10);
    expect(logged).toEqual(['desktop notification failed: D-Bus said no', 'desktop notification failed: boom']);
  });

  test('the real package on this machine: never throws, logs nothing when the platform has no notifier', async () => {
    logged.length = 0;
    // The real notifier, told apart only in that the test hears when its attempt is over (no guess at how long).
    let answered: (error: Error | null) => void = () => undefined;
    const over = new Promise<Error | null>((resolve) => (answered = resolve));
    const load = async (): Promise<NotifyFunction> => {
      const send = await loadNotifier();
      return (notification, done) => send(notification, (error) => (done(error), answered(error)));
    };
    const notify = desktopNotifier(log, load);
    expect(() => notify(note, 0)).not.toThrow();
    const error = await over;
    const notifySend = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'notify-send')));
    if (process.platform === 'linux' && !notifySend) {
      expect(error?.message).toMatch(/notify-send/);
      expect(logged).toEqual([]);
    } else if (error === null) expect(logged).toEqual([]);
    else {
      // A failure is logged once, unless it says the platform has no notifier.
      expect(logged.length).toBeLessThanOrEqual(1);
      expect(logged.filter((line) => !line.startsWith('desktop notification failed: '))).toEqual([]);
    }
  });
});
