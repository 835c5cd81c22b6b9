import type { Key } from 'ink';

/** The views: Tab cycles the data views, digits 1…N choose one in the same order; help is `?` only. */
export type ViewName = 'slots' | 'timeline' | 'health' | 'help' | 'insights' | 'alerts';
export type DataView = Exclude<ViewName, 'help'>;
export const VIEW_CYCLE: readonly DataView[] = ['slots', 'timeline', 'health', 'insights', 'alerts'];

/** The digit that opens a view. */
export const viewKey = (view: DataView): string => String(VIEW_CYCLE.indexOf(view) + 1);

/** What a key press means, before any state is consulted. */
export type KeyAction =
  | { type: 'quit' }
  | { type: 'help' }
  | { type: 'view'; view: DataView }
  | { type: 'next-view'; delta: number }
  | { type: 'move'; delta: number }
  | { type: 'page'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'day'; delta: number }
  | { type: 'columns'; delta: number }
  | { type: 'history'; delta: number }
  | { type: 'latest' }
  | { type: 'enter' }
  | { type: 'back' }
  | { type: 'rescrape' }
  | { type: 'filter-start' }
  | { type: 'filter-input'; text: string }
  | { type: 'filter-backspace' }
  | { type: 'filter-accept' }
  | { type: 'filter-clear' }
  | { type: 'watch' }
  | { type: 'add-site' }
  | { type: 'goto' }
  | { type: 'history-day'; delta: number }
  | { type: 'span' }
  | { type: 'prompt-input'; text: string }
  | { type: 'prompt-backspace' }
  | { type: 'prompt-accept' }
  | { type: 'prompt-cancel' };

const VIEW_LABEL: Record<DataView, string> = {
  slots: 'slots',
  timeline: 'timeline',
  health: 'health',
  insights: 'insights (cities ranked)',
  alerts: 'alerts',
};

/** Every key, as the help view lists it. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['↑ ↓  j k', 'select a city; in the right pane: scroll, pick a scope or an alert'],
  ['PgUp PgDn', 'scroll the right pane a page'],
  ['g G  Home', 'first / last city; in the right pane: its first / last row'],
  ['Enter', 'open the city (focus the right pane); on an alert: its slot'],
  ['Esc', 'back to the cities; clears the filter'],
  ['/', 'filter cities by name: type, Enter accepts, Esc clears'],
  ['← → h l', 'previous / next day with slots'],
  ['< > ⇧← ⇧→', 'scroll the columns (departments) sideways'],
  ['[ ] { }  t', 'back / forward a snapshot, a day; t: go to a time; End, n: newest'],
  ['Tab ⇧Tab  s', 'next / previous view; s: timeline span 7 days, 4 weeks, a year'],
  [VIEW_CYCLE.map(viewKey).join(' '), `views: ${VIEW_CYCLE.map((view) => VIEW_LABEL[view]).join(', ')}`],
  ['?', 'this help: ↑↓ PgUp PgDn g G scroll it, Esc or ? closes it'],
  ['r  a', 'rescrape the selected city now; a: add a site by its URL'],
  ['w', 'watch the selected city: within DAYS [HH-HH] [mon,tue] [OFFICE]'],
  ['q  Ctrl-C', 'quit'],
];

/** The legend of the marks, for the help view. */
export const MARK_HELP: readonly (readonly [string, string])[] = [
  ['X  · /', 'free slot; gone, not booked: passed (expired, closed), day withdrawn'],
  ['+', 'freed since the previous snapshot (cancelled; green)'],
  ['-', 'booked since the previous snapshot (red)'],
  ['✓O ✗F ~S', 'scraper ok / failing / stale (·· not run yet)'],
];

/** A key with no special key or modifier held: what a plain character arrives as. */
export const PLAIN: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * Several plain keys that arrived in one chunk (fast typing, a paste, a slow terminal) as one key press each;
 * escape sequences and single keys pass through unchanged.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  if (chars.length < 2 || input.includes('\u001b')) return [[input, key]];
  return chars.map((char): [string, Key] => {
    if (char === '\r' || char === '\n') return ['', { ...PLAIN, return: true }];
    if (char === '\t') return ['', { ...PLAIN, tab: true }];
    if (char === '\u007f' || char === '\b') return ['', { ...PLAIN, backspace: true }];
    if (char === '\u0003') return ['c', { ...PLAIN, ctrl: true }];
    return [char, { ...PLAIN, shift: /^[A-Z]$/.test(char) }];
  });
}

const printable = (input: string, key: Key) =>
  input !== '' && !key.ctrl && !key.meta && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);

/**
 * Map a key press to an action. While `filtering` (or `prompting`), printable keys are text for the filter (prompt).
 */
export function keyAction(input: string, key: Key, filtering: boolean, prompting = false): KeyAction | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (prompting) {
    if (key.return) return { type: 'prompt-accept' };
    if (key.escape) return { type: 'prompt-cancel' };
    if (key.backspace || key.delete) return { type: 'prompt-backspace' };
    return printable(input, key) ? { type: 'prompt-input', text: input } : undefined;
  }
  if (filtering) {
    if (key.return) return { type: 'filter-accept' };
    if (key.escape) return { type: 'filter-clear' };
    if (key.backspace || key.delete) return { type: 'filter-backspace' };
    if (key.upArrow) return { type: 'move', delta: -1 };
    if (key.downArrow) return { type: 'move', delta: 1 };
    if (printable(input, key)) return { type: 'filter-input', text: input };
    return undefined;
  }
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'page', delta: -1 };
  if (key.pageDown) return { type: 'page', delta: 1 };
  if (key.leftArrow) return key.shift ? { type: 'columns', delta: -1 } : { type: 'day', delta: -1 };
  if (key.rightArrow) return key.shift ? { type: 'columns', delta: 1 } : { type: 'day', delta: 1 };
  if (key.home) return { type: 'first' };
  if (key.end) return { type: 'latest' };
  if (key.tab) return { type: 'next-view', delta: key.shift ? -1 : 1 };
  if (key.return) return { type: 'enter' };
  if (key.escape) return { type: 'back' };
  if (key.ctrl || key.meta) return undefined;
  const view = VIEW_CYCLE[Number(input) - 1];
  if (view && /^[1-9]$/.test(input)) return { type: 'view', view };
  switch (input) {
    case 'q':
      return { type: 'quit' };
    case '?':
      return { type: 'help' };
    case 'k':
      return { type: 'move', delta: -1 };
    case 'j':
      return { type: 'move', delta: 1 };
    case 'g':
      return { type: 'first' };
    case 'G':
      return { type: 'last' };
    case 'h':
      return { type: 'day', delta: -1 };
    case 'l':
      return { type: 'day', delta: 1 };
    case '<':
    case ',':
      return { type: 'columns', delta: -1 };
    case '>':
    case '.':
      return { type: 'columns', delta: 1 };
    case '[':
      return { type: 'history', delta: -1 };
    case ']':
      return { type: 'history', delta: 1 };
    case '{':
      return { type: 'history-day', delta: -1 };
    case '}':
      return { type: 'history-day', delta: 1 };
    case 't':
      return { type: 'goto' };
    case 'n':
      return { type: 'latest' };
    case '/':
      return { type: 'filter-start' };
    case 'r':
      return { type: 'rescrape' };
    case 'w':
      return { type: 'watch' };
    case 'a':
      return { type: 'add-site' };
    case 's':
      return { type: 'span' };
    default:
      return undefined;
  }
}
