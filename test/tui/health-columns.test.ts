import { describe, expect, test } from 'vitest';
import { healthFromRuns } from '../../source/tui/data/health-rows.js';
import { healthColumns } from '../../source/tui/views/health-columns.js';
import { healthLine, healthTitle } from '../../source/tui/views/health.js';
import { sampleData } from './fake-watch-data.js';

const rows = sampleData().healthRows;
const headers = (width: number) => healthColumns(width).map((column) => column.header.trim());

describe('the health table in a narrow pane', () => {
  test('columns go in order of importance: duration, then the error column, then the next run, then the last', () => {
    expect(headers(78)).toEqual(['', 'SOURCE', 'LAST', 'TOOK', 'NEXT', '24H', 'LAST ERROR']);
    expect(headers(55)).toEqual(['', 'SOURCE', 'LAST', 'NEXT', '24H', 'LAST ERROR']);
    // 60×15: the right pane is 40 wide.
    expect(headers(40)).toEqual(['', 'SOURCE', 'LAST', 'NEXT', '24H']);
    expect(headers(30)).toEqual(['', 'SOURCE', 'LAST', '24H']);
    expect(headers(24)).toEqual(['', 'SOURCE', '24H']);
  });

  test('every line fits its width: no cell wraps onto a line of its own (the stray "100%")', () => {
    for (let width = 20; width <= 140; width++) {
      for (const row of rows) {
        const line = healthLine(row, width, true);
        expect([...line].length, `width ${width}`).toBeLessThanOrEqual(width);
        if (width >= 24) expect(line).toMatch(/\d+%/);
      }
    }
  });

  test('the title keeps its start and the scroll range, dropping zero counts and then the others', () => {
    expect(healthTitle(rows, 0, 10, 80)).toBe('Scrapers · 2 · 1 ok · 1 failing · 0 stale');
    expect(healthTitle(rows, 0, 1, 40)).toBe('Scrapers · 2 · 1 ok · 1 failing · 1-1 ↑↓');
    expect(healthTitle(rows, 1, 1, 30)).toBe('Scrapers · 2 · 2-2 ↑↓');
  });

  test("a good run's notice (ZMS offices behind a captcha) shows in the error column, sanitized", () => {
    const at = '2026-06-01T10:00:00.000Z';
    const notice = { kind: 'captcha', message: '2 offices need a captcha \u001b[31mred' };
    const run = { sourceId: 'muenchen-zms', startedAt: at, durationMs: 900, ok: true, requests: 40, notice };
    const source = { sourceId: 'muenchen-zms', name: 'München', city: 'München' };
    const [row] = healthFromRuns([run] as never, [source] as never, Date.parse(at) + 60_000, 3_600_000);
    expect(row).toMatchObject({ state: 'ok', notice: 'captcha: 2 offices need a captcha \u001b[31mred' });
    const line = healthLine(row!, 100, false);
    expect(line).toContain('captcha: 2 offices need a captcha');
    expect(line).not.toContain('\u001b');
  });
});
