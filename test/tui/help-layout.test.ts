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
      expect(
        lines.every((line) => [...line.text].length <= width - HELP_KEY_WIDTH),
        `width ${width}`,
      ).toBe(true);
      expect(entries(width), `width ${width}`).toEqual(all);
    }
  });

  test('it scrolls only where it does not fit, one line going to the "more" marker; 60×15 scrolls, 120×40 not', () => {
    for (let height = 4; height <= 40; height++) {
      const { lines, visible, maxRow } = helpLayout(80, height);
      // Below the title: every line, or all but one of the rows and the marker.
      const fits = lines.length <= height - 1;
      const scrolled = { visible: height - 2, maxRow: lines.length - height + 2 };
      const expected = fits ? { visible: lines.length, maxRow: 0 } : scrolled;
      expect({ visible, maxRow }, `height ${height}`).toEqual(expected);
    }
    // The app's body under a header and above a footer: 12 rows at 60×15, 37 at 120×40.
    expect(helpLayout(60, 12)).toMatchObject({ visible: 10 });
    expect(helpLayout(60, 12).maxRow).toBeGreaterThan(0);
    expect(helpLayout(120, 37).maxRow).toBe(0);
  });
});
