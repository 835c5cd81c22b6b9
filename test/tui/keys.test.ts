import type { Key } from 'ink';
import { describe, expect, test } from 'vitest';
import { keyAction, PLAIN, splitKeys } from '../../source/tui/keys.js';

const none = PLAIN;
const key = (more: Partial<Key>): Key => ({ ...none, ...more });

describe('keyAction', () => {
  test('arrows and vim keys move, change day, scroll columns', () => {
    expect(keyAction('', key({ downArrow: true }), false)).toEqual({ type: 'move', delta: 1 });
    expect(keyAction('k', none, false)).toEqual({ type: 'move', delta: -1 });
    expect(keyAction('l', none, false)).toEqual({ type: 'day', delta: 1 });
    expect(keyAction('', key({ leftArrow: true }), false)).toEqual({ type: 'day', delta: -1 });
    expect(keyAction('', key({ rightArrow: true, shift: true }), false)).toEqual({ type: 'columns', delta: 1 });
    expect(keyAction('<', none, false)).toEqual({ type: 'columns', delta: -1 });
    expect(keyAction('[', none, false)).toEqual({ type: 'history', delta: -1 });
    expect(keyAction(']', none, false)).toEqual({ type: 'history', delta: 1 });
    expect(keyAction('{', none, false)).toEqual({ type: 'history-day', delta: -1 });
    expect(keyAction('}', none, false)).toEqual({ type: 'history-day', delta: 1 });
    expect(keyAction('t', none, false)).toEqual({ type: 'goto' });
  });

  test('views, help, quit, rescrape', () => {
    expect(keyAction('2', none, false)).toEqual({ type: 'view', view: 'timeline' });
    expect(keyAction('3', none, false)).toEqual({ type: 'view', view: 'health' });
    // 1…5 in the order Tab cycles; help is ? only.
    expect(keyAction('4', none, false)).toEqual({ type: 'view', view: 'insights' });
    expect(keyAction('5', none, false)).toEqual({ type: 'view', view: 'alerts' });
    expect(keyAction('6', none, false)).toBeUndefined();
    expect(keyAction('0', none, false)).toBeUndefined();
    expect(keyAction('w', none, false)).toEqual({ type: 'watch' });
    expect(keyAction('', key({ tab: true }), false)).toEqual({ type: 'next-view', delta: 1 });
    expect(keyAction('', key({ tab: true, shift: true }), false)).toEqual({ type: 'next-view', delta: -1 });
    expect(keyAction('?', none, false)).toEqual({ type: 'help' });
    expect(keyAction('q', none, false)).toEqual({ type: 'quit' });
    expect(keyAction('c', key({ ctrl: true }), true)).toEqual({ type: 'quit' });
    expect(keyAction('r', none, false)).toEqual({ type: 'rescrape' });
  });

  test('while filtering, letters are text and Enter/Esc/Backspace edit', () => {
    expect(keyAction('q', none, true)).toEqual({ type: 'filter-input', text: 'q' });
    expect(keyAction('j', none, true)).toEqual({ type: 'filter-input', text: 'j' });
    expect(keyAction('', key({ return: true }), true)).toEqual({ type: 'filter-accept' });
    expect(keyAction('', key({ escape: true }), true)).toEqual({ type: 'filter-clear' });
    expect(keyAction('', key({ backspace: true }), true)).toEqual({ type: 'filter-backspace' });
    expect(keyAction('\u0007', none, true)).toBeUndefined();
  });

  test('while the watch prompt is open, every printable key is text (q and digits too); Ctrl-C still quits', () => {
    expect(keyAction('q', none, false, true)).toEqual({ type: 'prompt-input', text: 'q' });
    expect(keyAction('5', none, true, true)).toEqual({ type: 'prompt-input', text: '5' });
    expect(keyAction('', key({ return: true }), false, true)).toEqual({ type: 'prompt-accept' });
    expect(keyAction('', key({ escape: true }), false, true)).toEqual({ type: 'prompt-cancel' });
    expect(keyAction('', key({ backspace: true }), false, true)).toEqual({ type: 'prompt-backspace' });
    expect(keyAction('', key({ upArrow: true }), false, true)).toBeUndefined();
    expect(keyAction('c', key({ ctrl: true }), false, true)).toEqual({ type: 'quit' });
  });
});

describe('splitKeys', () => {
  test('a chunk of plain keys becomes one press each', () => {
    expect(splitKeys('j\r', none).map(([input, k]) => [input, k.return])).toEqual([
      ['j', false],
      ['', true],
    ]);
  });
  test('single keys and escape sequences pass unchanged', () => {
    expect(splitKeys('j', none)).toEqual([['j', none]]);
    expect(splitKeys('\u001b[A', key({ upArrow: true }))).toHaveLength(1);
  });
});
