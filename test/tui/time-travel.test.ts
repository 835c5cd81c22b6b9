import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cityTimeline, gotoTime, resolveGoto, stepCursor } from '../../source/tui/data/cursor.js';
import { msToWall, wallToMs } from '../../core/wall-clock.js';
import { initialApp, reduceApp, type AppContext } from '../../source/tui/state/app-state.js';

// Issue 15, item 7: the history by the city's time line, t HH:MM, and no silent jump before the first snapshot.
const week = ['2021-07-12 00:03:38', '2021-07-12 08:03:45', '2021-07-12 08:18:50', '2021-07-13 08:03:40'];

describe("a city's time line", () => {
  test("its sources' times of one round are one moment, the last of them: ] does not show 08:03 twice", () => {
    const bonn = ['2021-07-12 08:03:12', '2021-07-12 08:18:20', '2021-07-12 08:33:59'];
    const bonnbau = ['2021-07-12 08:03:40', '2021-07-12 08:18:25', '2021-07-12 08:34:30'];
    expect(cityTimeline([bonn, bonnbau])).toEqual([bonnbau[0], bonnbau[1], bonnbau[2]]);
    expect(cityTimeline([bonn])).toEqual(bonn);
    // One source scraped twice within a minute keeps both.
    const twice = ['2021-07-12 08:03:00', '2021-07-12 08:03:50'];
    expect(cityTimeline([twice, ['2021-07-12 08:03:20']])).toEqual(['2021-07-12 08:03:20', twice[1]]);
  });

  test('any sources scraped each quarter hour, seconds to minutes apart: each minute once, each snapshot shown', () => {
    const jitter = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 });
    const source = fc.record({ offset: fc.integer({ min: 0, max: 240 }), jitter });
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 5 }), (sources) => {
        const start = wallToMs('2021-07-12 08:00:00');
        const lists = sources.map(({ offset, jitter }) =>
          jitter.map((j, i) => msToWall(start + i * 900_000 + (offset + j) * 1000)),
        );
        const moments = cityTimeline(lists);
        const minutes = moments.map((time) => time.slice(0, 16));
        expect(new Set(minutes).size).toBe(minutes.length);
        expect([...moments].sort()).toEqual(moments);
        // Every snapshot is the one in force at some moment: stepping shows them all.
        const inForce = (list: string[], moment: string) => list.filter((time) => time <= moment).at(-1);
        for (const list of lists) {
          for (const time of list) expect(moments.some((m) => inForce(list, m) === time)).toBe(true);
        }
      }),
    );
  });

  test('a moment before the first snapshot (from another city) steps forward to it, and stays going back', () => {
    expect(stepCursor(week, '2021-07-01 00:00:00', 1)).toBe(week[0]);
    expect(stepCursor(week, '2021-07-01 00:00:00', -1)).toBe('2021-07-01 00:00:00');
    expect(stepCursor(week, '2021-07-12 08:10:00', 1)).toBe(week[2]);
  });
});

describe('t: go to a time', () => {
  test('HH:MM is on the day of the snapshot shown; dates and full times as before', () => {
    expect(gotoTime('06:00', '2021-07-12')).toBe('2021-07-12 06:00:00');
    expect(gotoTime('6:05', '2021-07-12')).toBe('2021-07-12 06:05:00');
    expect(gotoTime('25:00', '2021-07-12')).toBeUndefined();
    expect(gotoTime('06:00')).toBeUndefined();
    expect(gotoTime('2021-07-12 08:10')).toBe('2021-07-12 08:10:00');
    expect(resolveGoto('06:00', week, '2021-07-13 08:03:40')).toEqual({ at: '2021-07-13 06:00:00' });
    expect(resolveGoto('06:00', week, undefined)).toEqual({ at: '2021-07-13 06:00:00' });
    expect(resolveGoto('09:00', week, '2021-07-12 08:20:00')).toEqual({ at: '2021-07-12 09:00:00' });
  });

  test('a time on a day before the first snapshot is said, not a jump; nonsense and an empty history too', () => {
    const problem = 'no snapshot of Bonn by 2021-01-01 00:00: its history starts 2021-07-12 00:03';
    expect(resolveGoto('2021-01-01', week, undefined, 'Bonn')).toEqual({ problem });
    const nonsense = { problem: expect.stringContaining('"monday" is no time: type HH:MM') };
    expect(resolveGoto('monday', week, undefined)).toMatchObject(nonsense);
    // No snapshot, no day shown: HH:MM has no day to go to.
    const noDay = { problem: expect.stringContaining('is no time') };
    expect(resolveGoto('08:00', [], undefined, 'Bonn')).toMatchObject(noDay);
    expect(resolveGoto('2021-07-12 08:00', [], undefined, 'Bonn')).toEqual({ problem: 'no snapshot of Bonn yet' });
  });

  test('in the app state: t 06:00 goes there on the shown day; t 2021-01-01 leaves the history where it was', () => {
    const context: AppContext = {
      ...{ cityNames: ['Bonn'], days: [], times: week, columns: 1, visibleColumns: 1, rows: 0, visibleRows: 10 },
      ...{ scopes: 1, healthRows: 0, healthVisible: 1, alerts: [], alertVisible: 1, helpMaxRow: 0, helpVisible: 1 },
    };
    const typed = (text: string, cursor?: string) => {
      const start = { ...initialApp, slots: { ...initialApp.slots, ...(cursor ? { cursor } : {}) } };
      let state = reduceApp(start, { type: 'goto' }, context);
      for (const char of text) state = reduceApp(state, { type: 'prompt-input', text: char }, context);
      return reduceApp(state, { type: 'prompt-accept' }, context);
    };
    // In force at 2021-07-12 06:00 is 00:03; at 09:00, 08:18.
    expect(typed('06:00', week[2]).slots).toMatchObject({ cursor: week[0], day: '2021-07-12' });
    expect(typed('09:00', '2021-07-12 08:03:45').slots.cursor).toBe('2021-07-12 08:18:50');
    const refused = typed('2021-01-01', '2021-07-12 08:18:50');
    expect(refused.slots.cursor).toBe('2021-07-12 08:18:50');
    expect(refused.prompt).toBeUndefined();
  });
});
