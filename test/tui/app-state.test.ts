import { describe, expect, test } from 'vitest';
import { initialApp, reduceApp, usesCityData } from '../../source/tui/state/app-state.js';
import type { AppContext, AppState } from '../../source/tui/state/app-state.js';
import { reduceCities, selectedCity, initialCities } from '../../source/tui/state/cities-state.js';
import { reduceSlots, initialSlots, type SlotsContext } from '../../source/tui/state/slots-state.js';

const names = ['Bonn', 'Dresden', 'Düsseldorf', 'Frankfurt'];
const slots: SlotsContext = {
  days: ['2021-08-10', '2021-08-11', '2021-08-13'],
  times: ['t1', 't2', 't3'],
  columns: 6,
  visibleColumns: 4,
  rows: 30,
  visibleRows: 10,
};
const two = (n: number) => String(n).padStart(2, '0');
const alerts = Array.from({ length: 12 }, (_, i) => {
  const at = `2021-08-10 ${two(10 + i)}:00:00`;
  return { id: `a${i}`, city: names[i % names.length], day: `2021-08-${two(11 + i)}`, at };
});
const context: AppContext = {
  ...{ ...slots, cityNames: names, scopes: 3, healthRows: 20, healthVisible: 8 },
  ...{ alerts, alertVisible: 5, helpMaxRow: 14, helpVisible: 10 },
};

describe('cities reducer', () => {
  test('moves within bounds', () => {
    let state = reduceCities(initialCities, { type: 'move', delta: 1 }, names);
    expect(selectedCity(state, names)).toBe('Dresden');
    state = reduceCities(state, { type: 'move', delta: 10 }, names);
    expect(state.selected).toBe('Frankfurt');
    state = reduceCities(state, { type: 'move', delta: -10 }, names);
    expect(state.selected).toBe('Bonn');
  });

  test('filter: typing narrows (accent-insensitive), Enter keeps, Esc clears', () => {
    let state = reduceCities(initialCities, { type: 'filter-start' }, names);
    state = reduceCities(state, { type: 'filter-input', text: 'd' }, names);
    state = reduceCities(state, { type: 'filter-input', text: 'u' }, names);
    expect(selectedCity(state, names)).toBe('Düsseldorf');
    state = reduceCities(state, { type: 'filter-accept' }, names);
    expect(state).toMatchObject({ filter: 'du', filtering: false, selected: 'Düsseldorf' });
    state = reduceCities(state, { type: 'filter-backspace' }, names);
    expect(state.filter).toBe('d');
    state = reduceCities(state, { type: 'filter-clear' }, names);
    expect(state).toMatchObject({ filter: '', filtering: false, selected: 'Düsseldorf' });
  });

  test('select: a listed city; one the filter hides clears the filter; an unknown name changes nothing', () => {
    const filtered = { ...initialCities, filter: 'd' };
    const select = (name: string) => reduceCities(filtered, { type: 'select', name }, names);
    expect(select('Düsseldorf')).toEqual({ ...filtered, selected: 'Düsseldorf' });
    expect(select('Bonn')).toEqual({ filter: '', filtering: false, selected: 'Bonn' });
    expect(select('Köln')).toBe(filtered);
  });
});

describe('slots reducer', () => {
  const week = [
    '2021-07-11 23:49:00',
    '2021-07-12 00:03:33',
    '2021-07-12 08:05:00',
    '2021-07-12 23:50:00',
    '2021-07-13 08:05:00',
    '2021-07-16 09:00:00',
    '2021-07-18 23:48:00',
  ];
  const history: SlotsContext = { ...slots, times: week };

  test('go to a time: the snapshot in force then, or the first of its day; the day shown follows', () => {
    const at = (text: string) => reduceSlots(initialSlots, { type: 'goto', at: text }, history);
    expect(at('2021-07-12 08:30:00')).toMatchObject({ cursor: '2021-07-12 08:05:00', day: '2021-07-12' });
    expect(at('2021-07-12 00:00:00').cursor).toBe('2021-07-12 00:03:33');
    expect(at('2021-07-01 00:00:00').cursor).toBe('2021-07-11 23:49:00');
    expect(at('2021-07-30 00:00:00').cursor).toBeUndefined();
  });

  test('history by day: the same time a day back, across gaps forward, and back to live', () => {
    let state = reduceSlots(initialSlots, { type: 'history-day', delta: -1 }, history);
    expect(state.cursor).toBe('2021-07-16 09:00:00');
    state = reduceSlots(state, { type: 'history-day', delta: -3 }, history);
    expect(state.cursor).toBe('2021-07-13 08:05:00');
    state = reduceSlots(state, { type: 'history-day', delta: -1 }, history);
    expect(state.cursor).toBe('2021-07-12 08:05:00');
    state = reduceSlots(state, { type: 'history-day', delta: 1 }, history);
    expect(state.cursor).toBe('2021-07-13 08:05:00');
    state = reduceSlots(state, { type: 'history-day', delta: 1 }, history);
    expect(state.cursor).toBe('2021-07-16 09:00:00');
    state = reduceSlots(state, { type: 'history-day', delta: 1 }, history);
    expect(state.cursor).toBeUndefined();
  });

  test('days step through the days with slots and stop at the ends', () => {
    let state = reduceSlots(initialSlots, { type: 'day', delta: 1 }, slots);
    expect(state.day).toBe('2021-08-11');
    state = reduceSlots(state, { type: 'day', delta: 5 }, slots);
    expect(state.day).toBe('2021-08-13');
  });

  test('history: back from live, forward returns to live', () => {
    let state = reduceSlots(initialSlots, { type: 'history', delta: -1 }, slots);
    expect(state.cursor).toBe('t2');
    state = reduceSlots(state, { type: 'history', delta: -5 }, slots);
    expect(state.cursor).toBe('t1');
    state = reduceSlots(state, { type: 'history', delta: 1 }, slots);
    expect(state.cursor).toBe('t2');
    state = reduceSlots(state, { type: 'history', delta: 1 }, slots);
    expect(state.cursor).toBeUndefined();
  });

  test('columns and rows scroll within what does not fit', () => {
    expect(reduceSlots(initialSlots, { type: 'columns', delta: 5 }, slots).column).toBe(2);
    expect(reduceSlots(initialSlots, { type: 'rows', delta: 50 }, slots).row).toBe(20);
    expect(reduceSlots(initialSlots, { type: 'rows', delta: -1 }, slots).row).toBe(0);
  });
});

describe('app reducer', () => {
  test('Tab cycles the data views (insights and alerts too), 1–3 pick one, ? toggles help and returns', () => {
    let state = reduceApp(initialApp, { type: 'next-view', delta: 1 }, context);
    expect(state.view).toBe('timeline');
    state = reduceApp(state, { type: 'next-view', delta: 2 }, context);
    expect(state.view).toBe('insights');
    state = reduceApp(state, { type: 'next-view', delta: 1 }, context);
    expect(state.view).toBe('alerts');
    state = reduceApp(state, { type: 'next-view', delta: 1 }, context);
    expect(state.view).toBe('slots');
    state = reduceApp(state, { type: 'next-view', delta: -1 }, context);
    expect(state.view).toBe('alerts');
    state = reduceApp(state, { type: 'view', view: 'health' }, context);
    state = reduceApp(state, { type: 'help' }, context);
    expect(state.view).toBe('help');
    state = reduceApp(state, { type: 'back' }, context);
    expect(state.view).toBe('health');
  });

  test('Enter focuses the view; then ↑↓ scroll it; Esc returns to the cities', () => {
    let state = reduceApp(initialApp, { type: 'enter' }, context);
    expect(state.focus).toBe('view');
    state = reduceApp(state, { type: 'move', delta: 3 }, context);
    expect(state.slots.row).toBe(3);
    expect(state.cities.selected).toBeUndefined();
    state = reduceApp(state, { type: 'back' }, context);
    state = reduceApp(state, { type: 'move', delta: 1 }, context);
    expect(state.cities.selected).toBe('Dresden');
  });

  test('another city keeps the moment in history (issue 15), resets scroll and scope; the day stays', () => {
    let state = reduceApp(initialApp, { type: 'day', delta: 1 }, context);
    state = reduceApp(state, { type: 'history', delta: -1 }, context);
    state = reduceApp(state, { type: 'columns', delta: 1 }, context);
    state = { ...state, scope: 2 };
    state = reduceApp(state, { type: 'move', delta: 1 }, context);
    expect(state.slots).toEqual({ day: '2021-08-11', cursor: 't2', column: 0, row: 0 });
    expect(state.scope).toBe(0);
    const live = reduceApp(state, { type: 'latest' }, context);
    expect(reduceApp(live, { type: 'move', delta: 1 }, context).slots.cursor).toBeUndefined();
  });

  test('in the timeline ↑↓ pick the scope, in health they scroll; PgDn pages', () => {
    let state = reduceApp({ ...initialApp, view: 'timeline', focus: 'view' }, { type: 'move', delta: 5 }, context);
    expect(state.scope).toBe(2);
    state = reduceApp({ ...initialApp, view: 'health', focus: 'view' }, { type: 'page', delta: 1 }, context);
    expect(state.healthRow).toBe(8);
  });

  test('s in the timeline: 7 days, 4 weeks, a year, and round again; elsewhere nothing', () => {
    let state: AppState = { ...initialApp, view: 'timeline' };
    const spans = [state.span];
    for (let i = 0; i < 3; i++) spans.push((state = reduceApp(state, { type: 'span' }, context)).span);
    expect(spans).toEqual([0, 1, 2, 0]);
    expect(reduceApp(initialApp, { type: 'span' }, context)).toBe(initialApp);
  });

  test('in the alerts view ↑↓ and PgDn select within the alerts; Enter on insights opens the slots', () => {
    let state = reduceApp({ ...initialApp, view: 'alerts', focus: 'view' }, { type: 'page', delta: 1 }, context);
    expect(state.alert).toBe('a5');
    state = reduceApp(state, { type: 'move', delta: 10 }, context);
    expect(state.alert).toBe('a11');
    // A new alert on top: the same one stays selected.
    const newer = { ...context, alerts: [{ ...alerts[0]!, id: 'new' }, ...alerts] };
    expect(reduceApp(state, { type: 'move', delta: -1 }, newer).alert).toBe('a10');
    expect(reduceApp({ ...initialApp, view: 'insights' }, { type: 'enter' }, context)).toMatchObject({
      view: 'slots',
      focus: 'view',
    });
    const none = { ...context, alerts: [] };
    const entered = reduceApp({ ...initialApp, view: 'alerts' }, { type: 'enter' }, none);
    expect(entered).toMatchObject({ view: 'slots', focus: 'view' });
  });

  test('w opens the watch prompt for the selected city; typing, backspace; Enter and Esc close it', () => {
    let state = reduceApp(
      { ...initialApp, cities: { ...initialCities, selected: 'Dresden' } },
      { type: 'watch' },
      context,
    );
    expect(state.prompt).toEqual({ kind: 'watch', city: 'Dresden', text: '' });
    for (const text of ['7', ' ', '0', '8']) state = reduceApp(state, { type: 'prompt-input', text }, context);
    state = reduceApp(state, { type: 'prompt-backspace' }, context);
    expect(state.prompt).toEqual({ kind: 'watch', city: 'Dresden', text: '7 0' });
    expect(reduceApp(state, { type: 'prompt-accept' }, context).prompt).toBeUndefined();
    expect(reduceApp(state, { type: 'prompt-cancel' }, context)).not.toHaveProperty('prompt');
    expect(reduceApp(initialApp, { type: 'watch' }, { ...context, cityNames: [] }).prompt).toBeUndefined();
  });

  test("t opens the go-to prompt; Enter on a time moves the slots view's history to it, on other text nothing", () => {
    const times = {
      ...context,
      times: ['2021-07-11 23:49:00', '2021-07-12 00:03:33', '2021-07-12 08:05:00', '2021-07-18 23:48:00'],
    };
    let state = reduceApp({ ...initialApp, view: 'timeline', lastView: 'timeline' }, { type: 'goto' }, times);
    expect(state.prompt).toEqual({ kind: 'goto', city: 'Bonn', text: '' });
    for (const text of [...'2021-07-12 08:10']) state = reduceApp(state, { type: 'prompt-input', text }, times);
    const moved = reduceApp(state, { type: 'prompt-accept' }, times);
    expect(moved).toMatchObject({ view: 'slots', slots: { cursor: '2021-07-12 08:05:00', day: '2021-07-12' } });
    expect(moved.prompt).toBeUndefined();
    const typo = reduceApp(
      { ...state, prompt: { kind: 'goto', city: 'Bonn', text: 'monday' } },
      { type: 'prompt-accept' },
      times,
    );
    expect(typo).toMatchObject({ view: 'timeline', slots: initialApp.slots });
  });
});

describe('help, ends and alerts', () => {
  test('help scrolls: ↑↓ a line, PgDn a page, G the end, g the top; opening it again starts at the top', () => {
    let state = reduceApp(initialApp, { type: 'help' }, context);
    state = reduceApp(state, { type: 'move', delta: 1 }, context);
    expect(state.helpRow).toBe(1);
    expect(state.cities.selected).toBeUndefined();
    state = reduceApp(state, { type: 'page', delta: 1 }, context);
    expect(state.helpRow).toBe(11);
    state = reduceApp(state, { type: 'last' }, context);
    expect(state.helpRow).toBe(14);
    state = reduceApp(state, { type: 'move', delta: 5 }, context);
    expect(state.helpRow).toBe(14);
    state = reduceApp(state, { type: 'first' }, context);
    expect(state.helpRow).toBe(0);
    state = reduceApp(reduceApp(state, { type: 'last' }, context), { type: 'help' }, context);
    expect(state.view).toBe('slots');
    expect(reduceApp(state, { type: 'help' }, context).helpRow).toBe(0);
  });

  test('g and G act on the focused pane: the cities, or the first and last row of the view', () => {
    expect(reduceApp(initialApp, { type: 'last' }, context).cities.selected).toBe('Frankfurt');
    const inView = { ...initialApp, focus: 'view' as const };
    const last = (view: Exclude<AppState['view'], 'help'>) =>
      reduceApp({ ...inView, view, lastView: view }, { type: 'last' }, context);
    expect(last('slots')).toMatchObject({ slots: { row: 20 }, cities: initialCities });
    expect(last('timeline').scope).toBe(2);
    expect(last('health').healthRow).toBe(12);
    expect(last('alerts').alert).toBe('a11');
    expect(reduceApp(last('health'), { type: 'first' }, context).healthRow).toBe(0);
    expect(usesCityData(inView, { type: 'last' })).toBe(true);
    expect(usesCityData(initialApp, { type: 'last' })).toBe(false);
  });

  test('Enter in the alerts view focuses the list; Enter on an alert opens its city on its day, its snapshot', () => {
    const cities = { ...initialCities, filter: 'fr', selected: 'Frankfurt' };
    const filtered = { ...initialApp, view: 'alerts' as const, lastView: 'alerts' as const, cities };
    let state = reduceApp(filtered, { type: 'enter' }, context);
    expect(state).toMatchObject({ view: 'alerts', focus: 'view' });
    state = reduceApp(state, { type: 'move', delta: 1 }, context);
    state = reduceApp({ ...state, slots: { ...state.slots, column: 2, row: 4 } }, { type: 'enter' }, context);
    expect(state).toMatchObject({ view: 'slots', lastView: 'slots', focus: 'view' });
    expect(state.slots).toMatchObject({ day: '2021-08-12', cursor: '2021-08-10 11:00:00', column: 0, row: 0 });
    // Dresden was hidden by the filter: the filter goes.
    expect(state.cities).toMatchObject({ selected: 'Dresden', filter: '' });
    // An alert of a city the app does not list leads nowhere.
    const unknown = { id: 'x', city: undefined, day: '2021-08-12', at: '2021-08-10 11:00:00' };
    const elsewhere = { ...context, alerts: [unknown] };
    const stay = { ...filtered, focus: 'view' as const };
    expect(reduceApp(stay, { type: 'enter' }, elsewhere)).toBe(stay);
  });
});

describe('usesCityData', () => {
  test('history steps, days and scrolling the grid read the city data; moving between cities does not', () => {
    expect(usesCityData(initialApp, { type: 'history', delta: -1 })).toBe(true);
    expect(usesCityData(initialApp, { type: 'day', delta: 1 })).toBe(true);
    expect(usesCityData(initialApp, { type: 'move', delta: 1 })).toBe(false);
    expect(usesCityData({ ...initialApp, focus: 'view' }, { type: 'move', delta: 1 })).toBe(true);
    expect(
      usesCityData({ ...initialApp, focus: 'view', view: 'health', lastView: 'health' }, { type: 'move', delta: 1 }),
    ).toBe(false);
    expect(usesCityData(initialApp, { type: 'view', view: 'timeline' })).toBe(false);
  });
});
