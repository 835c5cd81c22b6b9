import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { wrapWords } from '../../source/tui/wrap-words.js';

describe('wrapWords', () => {
  test('breaks between words, never inside one that fits a line', () => {
    const text = 'select a city; in the right pane: scroll, pick a scope';
    expect(wrapWords(text, 20)).toEqual(['select a city; in', 'the right pane:', 'scroll, pick a scope']);
    expect(wrapWords('short', 20)).toEqual(['short']);
    expect(wrapWords('', 20)).toEqual(['']);
    expect(wrapWords('a  b', 1)).toEqual(['a', 'b']);
  });

  test('a word longer than a line is cut into lines of the width', () => {
    expect(wrapWords('x Kfz-Zulassungswesen y', 8)).toEqual(['x', 'Kfz-Zula', 'ssungswe', 'sen y']);
  });

  test('any text: every line fits, the words come back in order, and whole wherever they fit', () => {
    const word = fc.stringMatching(/^[a-zäöü/;:,()-]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
        const lines = wrapWords(words.join(' '), width);
        expect(lines.every((line) => [...line].length <= width)).toBe(true);
        expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
        const fitting = words.filter((w) => [...w].length <= width);
        const pieces = lines.flatMap((line) => line.split(' '));
        for (const w of fitting) expect(pieces).toContain(w);
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
