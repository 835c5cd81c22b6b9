import { describe, expect, test } from 'vitest';
import { KEY_HELP, MARK_HELP } from '../../source/tui/keys.js';
import { HELP_KEY_WIDTH, helpLayout, helpLines } from '../../source/tui/views/help-layout.js';

/** The help's text at a width, each entry's lines joined again. */
function entries(width: number): string[] {
  const joined: string[] = [];
  for (const line of helpLines(width)) {
    if (line.heading || line.keys !== '' || joined.length === 0) joined.push(line.text);
    else joined[joined.length - 1] += ` ${line.text}`;
  }
  return joined.filter((text) => text !== 'Marks');
}

describe('the help laid out to fit', () => {
  test('at each width from 50 (the smallest app) up, each line fits beside the keys, nothing lost or cut', () => {
    const all = [...KEY_HELP, ...MARK_HELP].map(([, what]) => what);
    for (let width = 50; width <= 160; width++) {
      const lines = helpLines(width);
      expect(lines.every((line) => [...line.text].length <= width - HELP_KEY_WIDTH), `width ${width}`).toBe(true);
      expect(entries(width), `width ${width}`).toEqual(all);
    }
  });

  test('80×24 shows it all (no "more"); 60×15 scrolls', () => {
    // The app's body under a header and above a footer: 21 rows at 80×24, 12 at 60×15.
    const wide = helpLayout(80, 21);
    expect(wide.maxRow).toBe(0);
    expect(wide.visible).toBe(wide.lines.length);
    const small = helpLayout(60, 12);
    expect(small.visible).toBe(10);
    expect(small.maxRow).toBe(small.lines.length - 10);
  });
});
