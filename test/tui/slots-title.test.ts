import { describe, expect, test } from 'vitest';
import { slotsTitle } from '../../source/tui/views/slots.js';

// The slots view's title at the widths a 60-column terminal leaves it: "live" (or "history") must always show.
type Props = Parameters<typeof slotsTitle>[0];
const props = (at: string) =>
  ({
    city: 'Augsburg',
    frame: { at, city: 'Augsburg' },
    grid: { day: '2026-12-03', days: ['2026-12-02', '2026-12-03'] },
    state: { cursor: undefined },
    scraping: true,
  }) as unknown as Props;

describe('slotsTitle', () => {
  test('wide: city, day with its index, snapshot and live', () => {
    expect(slotsTitle(props('2026-12-02T13:33'), 80)).toBe('Augsburg · Thu 12-03 (2/2) · snapshot 12-02 13:33 · live');
  });

  test('narrow: drops the index, the word snapshot, then the time, but keeps live and fits', () => {
    for (const width of [50, 39, 34, 24]) {
      const title = slotsTitle(props('2026-12-02T13:33'), width);
      expect([...title].length, title).toBeLessThanOrEqual(width);
      expect(title, title).toMatch(/ · live$/);
    }
    expect(slotsTitle(props('2026-12-02T13:33'), 41)).toBe('Augsburg · Thu 12-03 · 12-02 13:33 · live');
  });
});
