import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { alertEffects } from '../../source/tui/alert-effects.js';
import { desktopNotifier, type NotifyFunction } from '../../source/tui/desktop-notifier.js';
import type { Alert } from '../../store/alerts.js';
import { sampleAlert } from './fake-watch-data.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('alert effects', () => {
  test('a burst of alerts rings the bell once and sends one notification naming the first and the rest', async () => {
    const written: string[] = [];
    const sent: [Alert, number][] = [];
    const effects = alertEffects({ quiet: false, write: (text) => void written.push(text), notifier: () => (alert, more) => void sent.push([alert, more]), gatherMs: 20 });
    const log = () => undefined;
    effects(sampleAlert(), log);
    effects(sampleAlert('2021-08-12 09:00:00'), log);
    effects(sampleAlert('2021-08-13 09:00:00'), log);
    await wait(60);
    expect(written).toEqual(['\u0007']);
    expect(sent.map(([alert, more]) => [alert.slot, more])).toEqual([['2021-08-11 08:30:00', 2]]);
    effects(sampleAlert('2021-08-14 09:00:00'), log);
    await wait(60);
    expect(written).toEqual(['\u0007', '\u0007']);
  });

  test('--quiet: no bell, the notification still goes', async () => {
    const written: string[] = [];
    let sent = 0;
    const effects = alertEffects({ quiet: true, write: (text) => void written.push(text), notifier: () => () => void sent++, gatherMs: 10 });
    effects(sampleAlert(), () => undefined);
    await wait(40);
    expect(written).toEqual([]);
    expect(sent).toBe(1);
  });
});

describe('desktop notifications', () => {
  const logged: string[] = [];
  const log = (line: string) => void logged.push(line);

  test('title and text name office, city, slot and how; site text sanitized', async () => {
    const shown: { title: string; message: string }[] = [];
    const notify = desktopNotifier(log, async (): Promise<NotifyFunction> => (n, done) => (shown.push(n), done(null)));
    notify(sampleAlert(), 3);
    await wait(10);
    expect(shown).toEqual([{ title: 'Free slot: Meldewesen (Bonn)', message: 'Wed 2021-08-11 08:30 · Stadt Bonn (cancellation); 3 more in the app', wait: false }]);
  });

  test('no notifier on the platform: silently nothing, and not asked again; a failed delivery is logged; a throw is no crash', async () => {
    logged.length = 0;
    let calls = 0;
    const missing = desktopNotifier(log, async (): Promise<NotifyFunction> => (_n, done) => (calls++, done(new Error('not found: notify-send'))));
    missing(sampleAlert(), 0);
    await wait(10);
    missing(sampleAlert(), 0);
    await wait(10);
    expect(calls).toBe(1);
    expect(logged).toEqual([]);

    const failing = desktopNotifier(log, async (): Promise<NotifyFunction> => (_n, done) => done(new Error('D-Bus said no \u001b[31m')));
    failing(sampleAlert(), 0);
    const throwing = desktopNotifier(log, async (): Promise<NotifyFunction> => () => {
      throw new Error('boom');
    });
    throwing(sampleAlert(), 0);
    await wait(10);
    expect(logged).toEqual(['desktop notification failed: D-Bus said no', 'desktop notification failed: boom']);
  });

  test('the real package on this machine: never throws, logs nothing when the platform has no notifier', async () => {
    logged.length = 0;
    const notify = desktopNotifier(log);
    expect(() => notify(sampleAlert(), 0)).not.toThrow();
    await wait(500);
    expect(logged.every((line) => line.startsWith('desktop notification failed: '))).toBe(true);
    const notifySend = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'notify-send')));
    if (process.platform === 'linux' && !notifySend) expect(logged).toEqual([]);
  });
});
