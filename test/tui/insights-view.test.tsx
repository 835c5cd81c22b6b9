import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { ThemeContext } from '../../source/tui/theme.js';
import { InsightsView } from '../../source/tui/views/insights.js';
import { axisLine, barRows, hbar, squeeze } from '../../source/tui/views/bar-chart.js';
import { startApp } from './app-harness.js';
import { cityFigures, sampleData, sampleInsights } from './fake-watch-data.js';
import type { Insights } from '../../store/insights.js';

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => app?.instance.unmount());

describe('bar charts', () => {
  test('squeeze sums neighbours to fit; bars scale to the largest and show any value > 0', () => {
    expect(squeeze([1, 2, 3, 4, 5], 2)).toEqual({ values: [6, 9], per: 3 });
    expect(barRows([0, 1, 8], 1)).toEqual([' ▁█']);
    expect(barRows([4, 8], 2)).toEqual([' █', '██']);
    expect(
      axisLine(
        [
          [0, '0'],
          [1, '7'],
          [5, '14'],
        ],
        8,
      ),
    ).toBe('0    14');
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
    // Ranked per office (Bonn: 23.3 a day at 3 offices); Dresden, more than twice the next, is cut (») by the scale.
    expect(screen).toMatch(/▸2 Bonn\s+█+[▏▎▍▌▋▊▉]?\s+7\.8/);
    expect(screen).toMatch(/ 1 Dresden\s+█+»\s+31\.4/);
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
    await app.see(/bookings 31\.4\/day[^]*▸1 Dresden/);
    await app.press('j');
    await app.see('no snapshots of Frankfurt yet');
  });

  test('narrow (50×12) and NO_COLOR: hours stack, every line fits, no colour codes', () => {
    const insights = sampleInsights();
    const { lastFrame } = render(
      <ThemeContext.Provider value={{ colour: false }}>
        <InsightsView insights={insights} city="Bonn" loading={false} width={30} height={30} focused />
      </ThemeContext.Provider>,
    );
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines.every((line) => [...line].length <= 30)).toBe(true);
    expect(lines.findIndex((l) => l.startsWith('Booking hours'))).toBeGreaterThan(
      lines.findIndex((l) => l.startsWith('Slot hours')) + 3,
    );
    expect(lastFrame()).not.toMatch(/\u001b\[/);
  });

  test('before the first answer it says it is computing; without data it says so', async () => {
    const data = sampleData();
    app = startApp(data, { columns: 60, rows: 14 });
    await app.see(/snapshot .+ · live/);
    await app.press('4');
    // The answer (none) after the view asked for it: the frame drawn before the ask can say the same.
    await app.see((screen) => data.insightsCalls > 0 && screen.includes('no snapshots in the database yet'));
    expect(data.insightsCalls).toBeGreaterThan(0);
  });
});

/** Week 2021-28 as the issue met it: Thüringen, one source with 77 offices, far ahead; a city with a long number. */
function outlierInsights(): Insights {
  const city = (name: string, perDay: number, offices: number, sources = 1) => {
    const figures = cityFigures(name, 0, perDay, offices);
    const source = figures.sources[0]!;
    const more = Array.from({ length: sources - 1 }, (_, i) => ({ ...source, sourceId: `${source.sourceId}${i + 2}` }));
    return { ...figures, sources: [...figures.sources, ...more] };
  };
  const cities = [
    city('Riesig', 12345678.9, 1),
    city('Thüringen', 11715.7, 77),
    city('Bonn', 174.3, 4, 2),
    city('Dresden', 245.7, 7, 2),
    city('Frankfurt', 88, 15),
    city('Kassel', 13.9, 13),
    city('Magdeburg', 28.6, 27),
    city('Wesel', 18, 5),
    city('Leipzig', 7.3, 3),
  ];
  const ranked = cities.map((c, i) => ({ ...c, rank: i + 1 }));
  return { first: '2021-07-12 00:00:00', last: '2021-07-18 23:50:00', cities: ranked };
}

const barOf = (line: string) => /[█▏▎▍▌▋▊▉]+»?/.exec(line)?.[0] ?? '';

describe('the insights view at 60×15, 80×24 and 120×40', () => {
  for (const size of [
    { columns: 60, rows: 15 },
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
  ]) {
    test(`${size.columns}×${size.rows}: sources and offices by name; a ranking no outlier swamps`, async () => {
      const data = sampleData();
      data.insightsValue = outlierInsights();
      app = startApp(data, size);
      await app.see(/snapshot .+ · live/);
      await app.press('4');
      const screen = await app.see('Cities by bookings per day per office');
      const lines = screen.split('\n');
      expect(lines.every((line) => [...line].length <= size.columns)).toBe(true);
      // Bonn: two booking sites, four offices (the columns of its grid).
      expect(screen).toContain('2 sources · 4 offices');
      expect(screen).toMatch(/#3 of 9 cities/);
      const row = (name: string) => lines.find((line) => new RegExp(`\\d ${name} `).test(line))!;
      // The figures whole, however long; the outliers' bars cut (»); Bonn, then Dresden, on a scale that fits them.
      expect(row('Riesig')).toMatch(/»\s+12345678\.9$/);
      expect(row('Thüringen')).toMatch(/»\s+152\.2$/);
      expect(row('Bonn')).toMatch(/^[^│]*│ ▸3 Bonn\s+█+\s+43\.6$/);
      expect(row('Dresden')).toMatch(/\s35\.1$/);
      const full = barOf(row('Bonn')).length;
      expect(full).toBeGreaterThanOrEqual(8);
      expect(barOf(row('Dresden')).length).toBeGreaterThanOrEqual(Math.floor(full * 0.75));
      expect(barOf(row('Riesig')).length).toBe(full);
    });
  }
});
