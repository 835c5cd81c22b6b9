import { describe, expect, test } from 'vitest';
import type { ScrapeRun } from '../../scrapers/types.js';
import { healthFromRuns, healthGroup } from '../../source/tui/data/health-rows.js';
import { healthLine, healthTitle } from '../../source/tui/views/health.js';

const now = Date.parse('2026-12-02T12:00:00Z');
const run = (sourceId: string, hoursAgo: number, error?: ScrapeRun['error']): ScrapeRun => ({
  sourceId,
  startedAt: new Date(now - hoursAgo * 3_600_000).toISOString(),
  durationMs: 10,
  ok: error === undefined,
  requests: 1,
  ...(error ? { error } : {}),
});
const notFound = { kind: 'http-status' as const, message: 'HTTP 404 from x', status: 404 };
const moved = { kind: 'moved' as const, message: 'moved', location: 'https://neu.example/' };

describe('the health view, grouped', () => {
  test('working, then failing (moved too), then gone: each saying since when and how', () => {
    const runs = [
      run('bonn', 1),
      run('kiel', 80, notFound),
      run('kiel', 2, notFound),
      run('ulm', 3),
      run('ulm', 1, moved),
      run('alt', 2, notFound),
    ];
    const sources = ['alt', 'bonn', 'kiel', 'ulm'].map((sourceId) => ({ sourceId, name: sourceId, city: sourceId }));
    const rows = healthFromRuns(runs, sources, now, 2 * 3_600_000);
    expect(rows.map((row) => [row.sourceId, healthGroup(row)])).toEqual([
      ['bonn', 'working'],
      ['alt', 'failing'],
      ['ulm', 'failing'],
      ['kiel', 'gone'],
    ]);
    expect(healthLine(rows[2]!, 140, false)).toContain("to follow it: office-watch sites add 'https://neu.example/'");
    expect(healthLine(rows[3]!, 140, false)).toContain(
      'gone since 2026-11-29 04:00 UTC (http-status: HTTP 404 from x)',
    );
    expect(healthTitle(rows, 0, 10, 80)).toBe('Scrapers · 4 · 1 ok · 2 failing · 0 stale · 1 gone');
  });
});
