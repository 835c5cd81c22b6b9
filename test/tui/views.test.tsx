import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { anyOf } from '../../core/any-of.js';
import { buildSlotGrid } from '../../source/tui/data/slot-grid.js';
import { timelineSeries } from '../../source/tui/data/timeline-series.js';
import { columnLabels } from '../../source/tui/column-labels.js';
import { fit as fitText, shortName } from '../../source/tui/fit.js';
import { KEY_HELP } from '../../source/tui/keys.js';
import { initialSlots } from '../../source/tui/state/slots-state.js';
import { ThemeContext } from '../../source/tui/theme.js';
import { Cities } from '../../source/tui/views/cities.js';
import { Footer } from '../../source/tui/views/footer.js';
import { Header, headerText } from '../../source/tui/views/header.js';
import { Health } from '../../source/tui/views/health.js';
import { Help } from '../../source/tui/views/help.js';
import { Slots } from '../../source/tui/views/slots.js';
import { Timeline } from '../../source/tui/views/timeline.js';
import { chartRows } from '../../source/tui/views/timeline-chart.js';
import { sampleData } from './fake-watch-data.js';

const plain = (node: React.ReactElement) =>
  render(<ThemeContext.Provider value={{ colour: false }}>{node}</ThemeContext.Provider>);
const ESC = /\u001b/;

describe('Header and Footer', () => {
  test('header: sources, offices, next round, failing', () => {
    const frame = plain(<Header overview={sampleData().overviewValue} label="demo" width={80} />).lastFrame()!;
    expect(frame).toContain('office-watch · demo · 3 sources · 5 offices · next scrape 12:15 · 1 failing');
  });
  test('footer: hints by focus and filter; a status replaces them', () => {
    expect(plain(<Footer width={100} focus="cities" filtering={false} />).lastFrame()).toContain('↑↓ city');
    expect(plain(<Footer width={100} focus="view" filtering={false} />).lastFrame()).toContain('Esc back');
    expect(plain(<Footer width={80} focus="cities" filtering />).lastFrame()).toContain('Enter accept');
    expect(
      plain(<Footer width={80} focus="cities" filtering={false} status="rescraping Bonn…" />).lastFrame(),
    ).toContain('rescraping Bonn…');
  });
});

describe('Cities', () => {
  const cities = sampleData().overviewValue.cities;
  test('every city with a state mark, a letter and its free slots; the selected one marked', () => {
    const frame = plain(
      <Cities cities={cities} selected="Dresden" filter="" filtering={false} focused width={22} height={10} />,
    ).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^Cities\s+free$/);
    expect(lines[1]).toMatch(/^ {2}Bonn\s+✓O\s+41$/);
    expect(lines[2]).toMatch(/^▸ Dresden\s+~S\s+12$/);
    expect(lines[3]).toMatch(/^ {2}Frankfurt\s+✗F\s+–$/);
  });
  test('the filter prompt, and no match', () => {
    const frame = plain(<Cities cities={[]} filter="zz" filtering focused width={22} height={5} />).lastFrame()!;
    expect(frame).toContain('/zz▏');
    expect(frame).toContain('no city matches');
  });
  test('a long list scrolls to keep the selection in view', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `City ${String(i).padStart(2, '0')}`,
      state: 'ok' as const,
      sources: [],
    }));
    const frame = plain(
      <Cities cities={many} selected="City 30" filter="" filtering={false} focused width={22} height={8} />,
    ).lastFrame()!;
    expect(frame).toContain('▸ City 30');
    expect(frame).not.toContain('City 00');
  });
});

describe('Slots', () => {
  const data = sampleData();
  const frame = data.frames.get('Bonn')![1]!;
  const grid = buildSlotGrid(frame);

  test('the Bonn-like table: times, department columns, X free, · passed; sanitized short headers', () => {
    const out = plain(
      <Slots
        frame={frame}
        grid={grid}
        state={initialSlots}
        history={{ index: 2, total: 2 }}
        width={56}
        height={12}
        focused={false}
      />,
    ).lastFrame()!;
    expect(out).not.toMatch(ESC);
    expect(out).not.toContain('evil');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Bonn · Tue 08-10 (1/2) · snapshot 12:00 · live');
    expect(lines[1]).toMatch(/Führerschein.*Kfz-Zulass.*Meldewesen/);
    // At 12:00, 07:45 has run out (passed, not booked), and 07:55 showing up is no cancellation (it is over).
    expect(lines[2]).toMatch(/^07:45\s+·\s*$/);
    expect(lines[3]).toMatch(/^07:50\s+X\s*$/);
    expect(lines[4]).toMatch(/^07:55\s+X\s*$/);
    expect(out).toContain('X 2 free  + 0 freed  - 0 booked  · 1 passed');
  });

  test('every mark and its count: - booked, + freed, · passed, / a day withdrawn; in short when narrow', () => {
    const wall = (slot: string) => `2021-08-${slot}:00`;
    const column = {
      ...{ sourceId: 'bonn', locationId: 'a', name: 'Meldewesen' },
      ...{ takenAt: wall('10 12:00'), previousAt: wall('10 11:45') },
      slots: ['10 12:30', '10 12:55'].map(wall),
      previous: ['10 11:50', '10 12:30', '10 12:45', '11 09:00', '11 09:15'].map(wall),
    };
    const marked = { city: 'Bonn', at: wall('10 12:00'), columns: [column] };
    const show = (day: string | undefined, width: number) => {
      const grid = buildSlotGrid(marked, day);
      const props = { frame: marked, grid, state: initialSlots, width, height: 12, focused: false };
      return plain(<Slots {...props} />).lastFrame()!;
    };
    const rows = (out: string, from: number, to: number) =>
      out
        .split('\n')
        .slice(from, to)
        .map((line) => line.replace(/\s+/g, ' ').trim());
    const out = show(undefined, 56);
    expect(rows(out, 2, 6)).toEqual(['11:50 ·', '12:30 X', '12:45 -', '12:55 +']);
    expect(out).toContain('X 1 free  + 1 freed  - 1 booked  · 1 passed');
    const withdrawn = show('2021-08-11', 40);
    expect(rows(withdrawn, 2, 4)).toEqual(['09:00 /', '09:15 /']);
    expect(withdrawn).toContain('X0  +0  -0  /2');
  });

  test('with nothing scraped the newest snapshot is history, not live', () => {
    const history = { index: 2, total: 2 };
    const props = { frame, grid, state: initialSlots, history, width: 56, height: 12, focused: false };
    const out = plain(<Slots {...props} scraping={false} />).lastFrame()!;
    expect(out.split('\n')[0]).toBe('Bonn · Tue 08-10 (1/2) · history 2/2 12:00');
    expect(out).not.toContain('live');
  });

  test('a moment before the city’s first snapshot (kept from another city) says where its history starts', () => {
    const empty = { city: 'Köln', columns: [{ sourceId: 'koeln', locationId: 'a', name: 'Amt', slots: [] }] };
    const state = { ...initialSlots, cursor: '2021-08-09 10:00:00' };
    const times = ['2021-08-10 09:00:00'];
    const props = { frame: empty, grid: buildSlotGrid(empty), state, times, width: 90, height: 6, focused: false };
    const out = plain(<Slots {...props} />).lastFrame()!;
    expect(out).toMatch(/no snapshot of Köln by 08-09 10:00\s*\nits history starts 08-10 09:00: \] goes there/);
  });

  test('history is named in the title; too many columns scroll sideways', () => {
    const wide = {
      ...frame,
      columns: Array.from({ length: 8 }, (_, i) => ({ ...frame.columns[0]!, locationId: `l${i}`, name: `Amt ${i}` })),
    };
    const out = plain(
      <Slots
        frame={wide}
        grid={buildSlotGrid(wide)}
        state={{ ...initialSlots, cursor: '2021-08-10 12:00:00', column: 2 }}
        history={{ index: 1, total: 5 }}
        width={56}
        height={12}
        focused
      />,
    ).lastFrame()!;
    expect(out).toContain('Bonn · Tue 08-10 (1/2) · history 1/5 12:00');
    expect(out).toContain('cols 3-7/8 <>');
    expect(out).toContain('Amt 2');
    expect(out).not.toContain('Amt 1 ');
  });

  test('while a city’s frame loads, the title names it', () => {
    const out = plain(
      <Slots
        city="Köln"
        grid={buildSlotGrid({ city: '', columns: [] })}
        state={initialSlots}
        loading
        width={56}
        height={6}
        focused={false}
      />,
    ).lastFrame()!;
    expect(out.split('\n')[0]).toBe('Köln · live');
    expect(out).toContain('loading…');
  });

  test('a city without snapshots says so', () => {
    const out = plain(
      <Slots
        frame={{ city: 'Kassel', columns: [] }}
        grid={buildSlotGrid({ city: 'Kassel', columns: [] })}
        state={initialSlots}
        width={56}
        height={6}
        focused={false}
      />,
    ).lastFrame()!;
    expect(out).toContain('no snapshot of Kassel yet');
  });
});

describe('Timeline', () => {
  test('a chart with axis labels, weekday marks and a legend, readable without colour', () => {
    const series = timelineSeries(sampleData().counts, '2021-08-10 12:10:00', 50);
    const out = plain(
      <Timeline
        city="Bonn"
        scope={{ label: 'Bonn' }}
        scopeIndex={0}
        scopes={4}
        series={series}
        end="2021-08-10 12:10:00"
        width={56}
        height={20}
        focused={false}
      />,
    ).lastFrame()!;
    expect(out).not.toMatch(ESC);
    expect(out).toContain('Bonn (1/4 ↑↓) · last 7 days to 08-10 12:10');
    expect(out).toContain('▲ bookings 8');
    expect(out).toContain('▼ cancellations 3');
    expect(out).toMatch(/╵Mon/);
    expect(out).toMatch(/^\s+5 ┤/m);
    expect(out).toMatch(/^\s+0 ┼/m);
  });
  test('no counts yet', () => {
    const out = plain(
      <Timeline
        city="Bonn"
        scopeIndex={0}
        scopes={1}
        series={timelineSeries([], '2021-08-10 12:00:00', 40)}
        width={56}
        height={10}
        focused={false}
      />,
    ).lastFrame()!;
    expect(out).toContain('no bookings or cancellations');
  });
});

describe('Health and Help', () => {
  test('every scraper: state, last run, duration, next run, 24 h success, sanitized error', () => {
    const out = plain(
      <Health
        rows={sampleData().healthRows}
        offset={0}
        highlight={new Set(['bonn'])}
        width={78}
        height={10}
        focused={false}
      />,
    ).lastFrame()!;
    expect(out).not.toMatch(ESC);
    expect(out).toContain('Scrapers · 2 · 1 ok · 1 failing · 0 stale');
    expect(out).toMatch(
      anyOf([
        / ✗Ffrankfurt\s+12:00\s+1\.2 s\s+12:02\s+50%\s+http-status: HTTP 500 \[31mred\[0m/,
        /✗Ffrankfurt.*12:00.*1\.2 s.*12:02.*50%.*http-status: HTTP 500 red/,
      ]),
    );
    expect(out).toMatch(/▸✓Obonn\s+12:00\s+850 ms\s+12:15\s+100%/);
  });
  test('help lists every key', () => {
    const out = plain(<Help width={80} height={40} offset={0} />).lastFrame()!;
    for (const [keys] of KEY_HELP) expect(out).toContain(keys);
    expect(out).toContain('booked since the previous snapshot');
  });
});

describe('text fitting', () => {
  test('short department headers take the distinctive part', () => {
    expect(shortName('Bürgeramt / Aufenthaltstitel verlängern 1 / Bürgeramt Höchst', 12)).toBe('Höchst');
    expect(shortName('Bürgeramt Mitte: Meldeangelegenheiten', 12)).toBe('Mitte');
    expect(shortName('Führerscheinwesen', 13)).toBe('Führerschein.');
    expect(fitText('Ärztekammer', 6)).toBe('Ärzte…');
    expect(fitText('ab', 4, 'right')).toBe('  ab');
  });
  test('headers that would read the same also show their first part (ZMS: office / service)', () => {
    const pasing = ['Bürgerbüro Pasing / Reisepass', 'Bürgerbüro Pasing / Wohnsitz anmelden'];
    const names = [pasing[0]!, 'Bürgerbüro Orleansplatz / Reisepass', pasing[1]!, 'Kfz'];
    const columns = (list: string[]) => list.map((name, i) => ({ name, id: String(i) }));
    expect(columnLabels(columns(names), 11)).toEqual(['Pasi. Reis.', 'Orle. Reis.', 'Wohnsitz a.', 'Kfz']);
    expect(columnLabels(columns(['A / Meldewesen', 'B / Kfz']), 12)).toEqual(['Meldewesen', 'Kfz']);
  });
  test('the header drops the running count, then the name, then the offices, when narrow', () => {
    const overview = { ...sampleData().overviewValue, running: 3 };
    expect(headerText({ overview, label: 'demo' }, 200)).toBe(
      ' office-watch · demo · 3 sources · 5 offices · next scrape 12:15 · scraping 3 · 1 failing',
    );
    expect(headerText({ overview, label: 'demo' }, 80)).toBe(
      ' office-watch · demo · 3 sources · 5 offices · next scrape 12:15 · 1 failing',
    );
    const sixtyOne = ' demo · 3 sources · 5 offices · next scrape 12:15 · 1 failing';
    expect(headerText({ overview, label: 'demo' }, 61)).toBe(sixtyOne);
    // 60×15: without the offices rather than cut.
    expect(headerText({ overview, label: 'demo' }, 60)).toBe(' demo · 3 sources · next scrape 12:15 · 1 failing');
  });
  test('while the first round runs, the header says how far it is, shorter before it leaves anything else out', () => {
    const overview = { ...sampleData().overviewValue, sources: 14, offices: 35, firstRound: { done: 12, total: 14 } };
    const header = (width: number) => headerText({ overview, label: 'demo' }, width);
    const full = ' office-watch · demo · 14 sources · 35 offices · first round: 12/14 sources… · 1 failing';
    expect(header(120)).toBe(full);
    expect(header(80)).toBe(' office-watch · demo · 14 sources · 35 offices · first round 12/14… · 1 failing');
    expect(header(60)).toBe(' demo · 14 sources · first round: 12/14 sources… · 1 failing');
  });
  test('the chart crosses its axis only at zero', () => {
    const series = timelineSeries(
      [{ hour: '2021-08-10 10:00:00', appointments: 4, cancellations: 3 }],
      '2021-08-10 12:00:00',
      40,
    );
    const crosses = chartRows(series, 50, 12).filter((row) => row.label.endsWith('┼'));
    expect(crosses.map((row) => row.label.slice(0, -1).trim())).toEqual(['0']);
  });
  test("health lists the failing scrapers' full errors below the table", () => {
    const out = plain(
      <Health rows={sampleData().healthRows} offset={0} highlight={new Set()} width={56} height={12} focused={false} />,
    ).lastFrame()!;
    expect(out).toContain('Last errors');
    expect(out).toContain('frankfurt: http-status: HTTP 500 red');
  });
});
