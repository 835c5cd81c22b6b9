import { describe, expect, test } from 'vitest';
import { STYLED_LINES_KEPT, sharedOutputCaches, TEXT_SIZES_KEPT, type OutputCaches } from '../../source/tui/ink-caches.js';

const emptyCaches = (): OutputCaches => ({ widths: new Map(), blockWidths: new Map(), styledChars: new Map() });

describe("Ink's caches, as the bundle puts them in", () => {
  test('every frame gets the same output caches until they hold more lines or widths than kept, then fresh ones', () => {
    const first = sharedOutputCaches(emptyCaches);
    expect(sharedOutputCaches(emptyCaches)).toBe(first);
    for (let i = 0; i <= STYLED_LINES_KEPT; i++) first.styledChars.set(`line ${i}`, []);
    const second = sharedOutputCaches(emptyCaches);
    expect(second).not.toBe(first);
    expect(second.styledChars.size).toBe(0);
    for (let i = 0; i <= TEXT_SIZES_KEPT; i++) second.widths.set(`text ${i}`, 1);
    expect(sharedOutputCaches(emptyCaches)).not.toBe(second);
  });
});
