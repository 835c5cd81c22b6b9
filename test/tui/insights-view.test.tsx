import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { ThemeContext } from '../../source/tui/theme.js';
import { InsightsView } from '../../source/tui/views/insights.js';
import { axisLine, barRows, hbar, squeeze } from '../../source/tui/views/bar-chart.js';
import { startApp } from './app-harness.js';
import { sampleData, sampleInsights } from './fake-watch-data.js';

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => app?.instance.unmount());

describe('bar charts', () => {
  test('squeeze sums neighbours to fit; bars scale to the largest and show any value > 0', () => {
    expect(squeeze([1, 2, 3, 4, 5], 2)).toEqual({ values: [6, 9], per: 3 });
    expect(barRows([0, 1, 8], 1)).toEqual([' ▁█']);
    expect(barRows([4, 8], 2)).toEqual([' █', '██']);
    expect(axisLine([[0, '0'], [1, '7'], [5, '14']], 8)).toBe('0    14');
    expect(hbar(5, 10, 4)).toBe('██');
    expect(hbar(0, 10, 4)).toBe('');
  });
});

describe('the insights view', () => {
  test('4 shows the selected city: figures, lead time, hours side by side, ranking; 80×24, no escapes', async () => {
    const data = sampleData();
    data.insightsValue = sampleInsights();
    app = startApp(data);
    await app.see(/snapshot .+ · live/);
    await app.press('4');
    const screen = await app.see('Cities by bookings per day');
    const lines = screen.split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.every((line) => [...line].length <= 80)).toBe(true);
    expect(screen).toContain('Insights · Bonn · 2021-08-01 – 2021-08-10');
    expect(screen).toContain('bookings 23.3/day · cancellations 2.3/day');
    expect(screen).toContain('cancel rate 9.9% · free slots 40.5/day · #2 of 3 cities');
    expect(screen).toContain('Lead time: bookings by days ahead (median 3 d)');
    expect(screen).toMatch(/Slot hours: 08h 09h 10h\s+Booking hours: 07h 12h 19h/);
    expect(screen).toMatch(/0\s+7\s+14\s+21\s+28\s+35\s+41\+/);
    expect(screen).toMatch(/█/);
    expect(screen).toMatch(/▸ {2}2 Bonn\s+█+[▏▎▍▌▋▊▉]?\s+23\.3/);
    expect(screen).toMatch(/ {3}1 Dresden\s+█+\s+31\.4/);
    expect(screen).not.toMatch(/\u001b/);
    expect(screen).toContain('Evil');
    expect(screen).toContain('4 insights');
  });

  test('another city follows the selection; Tab reaches the view; a city without data says so', async () => {
    const data = sampleData();
    data.insightsValue = sampleInsights();
    app = startApp(data);
    await app.see(/snapshot .+ · live/);
    await app.press('\t', '\t', '\t');
    await app.see('Insights · Bonn');
    await app.press('j');
    await app.see(/bookings 31\.4\/day[^]*▸ {2}1 Dresden/);
    await app.press('j');
    await app.see('no snapshots of Frankfurt yet');
  });

  test('narrow (50×12) and NO_COLOR: hours stack, every line fits, no colour codes', () => {
    const insights = sampleInsights();
    const { lastFrame } = render(
      <ThemeContext.Provider value={{ colour: false }}>
        <InsightsView insights={insights} city="Bonn" loading={false} width={30} height={20} focused />
      </ThemeContext.Provider>,
    );
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines.every((line) => [...line].length <= 30)).toBe(true);
    expect(lines.findIndex((l) => l.startsWith('Booking hours'))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Slot hours')) + 3);
    expect(lastFrame()).not.toMatch(/\u001b\[/);
  });

  test('before the first answer it says it is computing; without data it says so', async () => {
    const data = sampleData();
    app = startApp(data, { columns: 60, rows: 14 });
    await app.see(/snapshot .+ · live/);
    await app.press('4');
    await app.see('no snapshots in the database yet');
    expect(data.insightsCalls).toBeGreaterThan(0);
  });
});
