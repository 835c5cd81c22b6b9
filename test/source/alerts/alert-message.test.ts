import { describe, expect, it } from 'vitest';
import { composeMessages, headlineAlert } from '../../../source/alerts/alert-message.js';
import { alertLine, messageHeadline, messageLines, messageTerminalText } from '../../../source/alerts/alert-text.js';
import { messageText, messageTitle } from '../../../source/alerts/alert-text.js';
import { slotAlert, watches } from './sample-alerts.js';

describe('one message per watch per round (pure)', () => {
  it("groups a round's alerts by watch (one two watches wanted is in both), summaries apart, slots in order", () => {
    const alerts = [
      slotAlert('2024-05-08 10:00:00', { watchIds: ['1', '2'] }),
      slotAlert('2024-05-07 09:00:00', { kind: 'new day' }),
      slotAlert('2024-05-07 08:00:00', { kind: 'free now', count: 12, locationId: 'kfz', watchIds: ['2'] }),
      slotAlert('2024-05-09 08:00:00', { watchIds: ['7'] }),
    ];
    const messages = composeMessages(alerts, watches);
    const slots = (list: { slot: string }[]) => list.map((a) => a.slot);
    expect(messages.map((m) => [m.watchId, m.watch, slots(m.fresh), slots(m.freeNow)])).toEqual([
      ['1', 'city Bonn · within 14 days', ['2024-05-07 09:00:00', '2024-05-08 10:00:00'], []],
      ['2', 'office melde · within 7 days, 08-12 h', ['2024-05-08 10:00:00'], ['2024-05-07 08:00:00']],
      ['7', 'removed', ['2024-05-09 08:00:00'], []],
    ]);
    expect(messages[0]!.id).toBe('2024-05-06 09:30:00|watch 1');
  });

  it('says what and where in a title and a headline; lists up to the limit, then "+N more"', () => {
    const [url, slot] = ['https://termine.bonn.de/', 'Wed 2024-05-08 08:00'];
    const many = Array.from({ length: 11 }, (_, i) => slotAlert(`2024-05-08 ${String(8 + i).padStart(2, '0')}:00:00`));
    const [message] = composeMessages(many, watches);
    expect(messageTitle(message!)).toBe('11 free slots: Meldewesen (Bonn)');
    expect(messageHeadline(message!)).toBe('11 new slots, first Wed 2024-05-08 08:00');
    const lines = messageLines(message!, 8);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(`Wed 2024-05-08 08:00 · cancellation · Stadt Bonn · Meldewesen · ${url}`);
    expect(lines[8]).toBe('+3 more');
    const terminal = messageTerminalText(message!, 8).split('\n');
    expect(terminal[0]).toBe(`ALERT  watch 1 (city Bonn · within 14 days) · 11 new slots, first ${slot}`);
    expect(terminal.filter((line) => line.startsWith('ALERT'))).toHaveLength(1);
    expect(terminal.at(-2)).toBe('       +3 more (office-watch alerts lists them)');
    expect(headlineAlert(message!)).toMatchObject({ slot: '2024-05-08 08:00:00', count: 11 });

    const [one] = composeMessages([slotAlert('2024-05-08 08:00:00')], watches);
    expect(messageTitle(one!)).toBe('Free slot: Meldewesen (Bonn)');
    expect(headlineAlert(one!).count).toBeUndefined();
  });

  it('a baseline says how many are free and the earliest, over several offices', () => {
    const url = 'https://termine.bonn.de/';
    const [message] = composeMessages(
      [
        slotAlert('2024-05-07 10:00:00', { kind: 'free now', count: 40, watchIds: ['1'] }),
        slotAlert('2024-05-07 08:30:00', { kind: 'free now', count: 2, locationId: 'kfz', office: 'Kfz-Zulassung' }),
      ],
      watches,
    );
    expect(messageHeadline(message!)).toBe('42 slots free now at 2 offices, earliest Tue 2024-05-07 08:30');
    expect(messageTitle(message!)).toBe('42 slots free now: 2 offices (Bonn)');
    expect(messageLines(message!)).toEqual([
      '2 slots free now, earliest Tue 2024-05-07 08:30 · Stadt Bonn · Kfz-Zulassung · https://termine.bonn.de/',
      '40 slots free now, earliest Tue 2024-05-07 10:00 · Stadt Bonn · Meldewesen · https://termine.bonn.de/',
    ]);
    expect(headlineAlert(message!)).toMatchObject({ kind: 'free now', count: 42, office: 'Kfz-Zulassung' });
    expect(messageText(message!).split('\n')).toEqual([
      '42 slots free now at 2 offices, earliest Tue 2024-05-07 08:30 (watch 1: city Bonn · within 14 days)',
      '2 slots free now, earliest Tue 2024-05-07 08:30 · Stadt Bonn · Kfz-Zulassung',
      '40 slots free now, earliest Tue 2024-05-07 10:00 · Stadt Bonn · Meldewesen',
      'Book: https://termine.bonn.de/',
    ]);
    const what = '40 slots free now, earliest Tue 2024-05-07 10:00';
    const line = ['FREE   Stadt Bonn', 'Meldewesen', what, url].join(' · ');
    expect(alertLine(message!.freeNow[1]!)).toBe(line);
  });

  it('site text reaches the terminal and the notifications cleaned', () => {
    const hostile = { office: 'Melde\u001b[2J\u001b]0;evil\u0007wesen', siteName: 'Bonn\u202e' };
    const [message] = composeMessages([slotAlert('2024-05-08 08:00:00', hostile)], watches);
    for (const text of [messageTerminalText(message!), messageText(message!), messageTitle(message!)]) {
      expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    }
  });
});
