import { render } from 'ink-testing-library';
import { describe, expect, test, vi } from 'vitest';
import { timelineSeries, type TimelineSeries } from '../../source/tui/data/timeline-series.js';
import { makeTheme, ThemeContext, type ThemeSettings } from '../../source/tui/theme.js';
import { AlertBanner } from '../../source/tui/views/alert-banner.js';
import { Health } from '../../source/tui/views/health.js';
import { InsightsView } from '../../source/tui/views/insights.js';
import { Timeline } from '../../source/tui/views/timeline.js';
import { sampleAlert, sampleData, sampleInsights } from './fake-watch-data.js';

// Ink's colour library decides when it loads, and a test's output is no terminal: 256 colours, forced, before it loads.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '2';
  process.env.TERM = 'xterm-256color';
  delete process.env.NO_COLOR;
});

const LIGHT: ThemeSettings = { colour: true, depth: 'full', background: 'light' };
const themed = (node: React.ReactElement, settings = LIGHT) =>
  render(<ThemeContext.Provider value={makeTheme(settings)}>{node}</ThemeContext.Provider>).lastFrame() ?? '';

/** White text (16 colours or 256), which a light background swallows, and the pale yellow and cyan. */
const WHITE = /\u001b\[(?:37|97|38;5;(?:7|15|231|25[0-5]))m/;
const PALE = /\u001b\[(?:33|93|36|96|38;5;(?:1[14]|2[01][0-9]|22[0-9]|51|87|123|159|195))m/;
const timeline = (series: TimelineSeries) => (
  <Timeline city="Bonn" scopeIndex={0} scopes={1} series={series} width={56} height={20} focused />
);
const colours = (text: string) => [...text.matchAll(/\u001b\[38;5;(\d+)m/g)].map((match) => Number(match[1]));

describe('on a light background (--theme light, or COLORFGBG)', () => {
  test('health rows of scrapers that have not run (--no-scrape) are in the text colour, not white', () => {
    const rows = sampleData().healthRows.map((row) => ({ ...row, state: 'idle' as const }));
    const out = themed(<Health rows={rows} offset={0} highlight={new Set()} width={78} height={8} focused={false} />);
    expect(out).toMatch(/··\s*frankfurt/);
    expect(out).not.toMatch(WHITE);
  });

  test('the ranking rows are in the text colour; the selected city and the charts in a dark cyan', () => {
    const insights = sampleInsights();
    const out = themed(<InsightsView insights={insights} city="Bonn" loading={false} width={56} height={21} focused />);
    expect(out).not.toMatch(WHITE);
    expect(out).not.toMatch(PALE);
    const dresden = out.split('\n').find((line) => line.includes('Dresden'))!;
    expect(dresden).not.toMatch(/\u001b\[38;5;\d+m/);
    expect(colours(out)).toContain(24);
  });

  test('the alert banner: inverse on a dark amber, not yellow; the chart: dark red and green', () => {
    const banner = themed(<AlertBanner alert={sampleAlert()} more={0} width={80} />);
    expect(banner).toMatch(/\u001b\[38;5;94m/);
    expect(banner).toMatch(/\u001b\[7m/);
    expect(banner).not.toMatch(PALE);
    const series = timelineSeries(sampleData().counts, '2021-08-10 12:10:00', 46);
    const chart = themed(timeline(series));
    expect(new Set(colours(chart))).toEqual(new Set([124, 28]));
  });

  test('a dark background gets the bright shades; a background nobody named, shades that read on both', () => {
    const series = timelineSeries(sampleData().counts, '2021-08-10 12:10:00', 46);
    const chart = (background: ThemeSettings['background']) =>
      new Set(colours(themed(timeline(series), { ...LIGHT, background })));
    expect(chart('dark')).toEqual(new Set([203, 78]));
    expect(chart('unknown')).toEqual(new Set([196, 28]));
  });
});
