import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { App } from '../../source/tui/app.js';
import { KEYS, startApp } from './app-harness.js';
import { sampleData, type FakeWatchData } from './fake-watch-data.js';

let instance: ReturnType<typeof render> | undefined;
afterEach(() => {
  vi.useRealTimers();
  instance?.unmount();
});

async function start(data: FakeWatchData = sampleData(), more: { onQuit?: () => void } = {}) {
  const { instance: started, press, see, frame } = startApp(data, undefined, more);
  instance = started;
  await see(/snapshot .+ · live/);
  return { data, instance, press, see, frame };
}

describe('App', () => {
  test('first frame at 80×24: header, cities with states, grid, footer; no colour codes, no site escapes', async () => {
    const { see } = await start();
    // 07:45 ran out before the 12:00 snapshot: passed, not booked (issue 15).
    const screen = await see(/07:45\s+·/);
    const lines = screen.split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.every((line) => [...line].length <= 80)).toBe(true);
    expect(lines[0]).toContain('3 sources · 5 offices · next scrape 12:15 · 1 failing');
    expect(lines[2]).toMatch(/▸ Bonn\s+✓O\s+41│\s+Führerschein/);
    expect(screen).toContain('Bonn · Tue 08-10 (1/2) · snapshot 12:00 · live');
    expect(lines[22]).toContain('? help  q quit');
    expect(screen).not.toMatch(/\u001b/);
    expect(screen).not.toContain('evil');
  });

  test('j and ↑ move the selected city; → and h change the day', async () => {
    const { press, see } = await start();
    await press('j');
    await see(/▸ Dresden/);
    await press(KEYS.up);
    await see(/▸ Bonn[^]*07:45/);
    await press(KEYS.right);
    await see('Wed 08-11 (2/2)');
    await press('h');
    await see('Tue 08-10 (1/2)');
  });

  test('[ and ] step through the snapshots; the title says which', async () => {
    const { press, see, data } = await start();
    await press('[');
    await see('Bonn · Tue 08-10 (1/1) · history 1/2 11:45');
    expect(data.frameCalls.at(-1)).toEqual({ city: 'Bonn', at: '2021-08-10 11:45:00' });
    await press(']');
    await see('snapshot 12:00 · live');
  });

  test('keys read with a city change act on the new city: "j[" steps back through Dresden\'s snapshots', async () => {
    const data = sampleData();
    const at = (time: string) => `2021-08-10 ${time}:00`;
    data.frames.set(
      'Dresden',
      ['10:00', '10:30', '11:00'].map((time) => ({
        city: 'Dresden',
        at: at(time),
        columns: [
          {
            sourceId: 'dresden',
            locationId: 'a',
            name: 'Bürgerbüro',
            takenAt: at(time),
            slots: ['2021-08-12 08:00:00'],
          },
        ],
      })),
    );
    const { instance, see, data: used } = await start(data);
    instance.stdin.write('j[');
    // Bonn's step back (11:45) would show Dresden's 11:00, the last, as "history 3/3".
    await see('Dresden · Thu 08-12 (1/1) · history 2/3 08-10 10:30');
    expect(used.frameCalls).toContainEqual({ city: 'Dresden', at: at('10:30') });
  });

  test("keys waiting for a city's data go on after half a second if its read hangs", async () => {
    const data = sampleData();
    const slots = data.slots.bind(data);
    data.slots = (city, at) => (city === 'Dresden' ? new Promise(() => undefined) : slots(city, at));
    const { instance, see, frame } = await start(data);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    instance.stdin.write('j[k');
    await see('Dresden · live');
    // [ waits for Dresden's snapshots, k behind it, 500 ms on the fake clock; then both go (with no snapshots known,
    // [ stays live).
    await vi.advanceTimersByTimeAsync(499);
    expect(frame()).toMatch(/▸ Dresden/);
    await vi.advanceTimersByTimeAsync(1);
    await see(/Bonn · Tue 08-10 \(1\/2\) · snapshot 12:00 · live[^]*▸ Bonn/);
  });

  test('/ filters by name: typing narrows, Enter accepts, Esc clears', async () => {
    const { press, see } = await start();
    await press('/', 'f', 'r');
    const typed = await see('/fr▏');
    expect(typed).toMatch(/▸ Frankfurt/);
    expect(typed).not.toContain('Dresden');
    await press(KEYS.enter);
    expect(await see(/\/fr\s/)).not.toContain('▏');
    await press('/', KEYS.escape);
    expect(await see('Dresden')).toMatch(/▸ Frankfurt/);
  });

  test('Tab and 1–4 switch views; ? shows every key; Esc closes help', async () => {
    const { press, see } = await start();
    await press(KEYS.tab);
    await see('last 7 days');
    await press('3');
    await see('Scrapers · 2');
    await press('?');
    await see('Keys  (Esc or ? closes this help)');
    await press(KEYS.escape);
    await see('Scrapers · 2');
    await press('1');
    await see('snapshot 12:00');
  });

  test('Enter focuses the view (↑↓ then scroll it), Esc returns to the cities', async () => {
    const { press, see, frame } = await start();
    await press(KEYS.enter);
    await see('Esc back');
    await press('j');
    expect(frame()).toMatch(/▸ Bonn/);
    await press(KEYS.escape, 'j');
    await see(/▸ Dresden/);
  });

  test('the timeline view plots the city, ↑↓ in it pick a department', async () => {
    const { press, see } = await start();
    await press('2');
    expect(await see('▲ bookings 8')).toMatch(/╵Mon/);
    await press(KEYS.enter, KEYS.down);
    await see('Führerscheinwesen (2/4 ↑↓)');
  });

  test('r rescrapes the selected city and reports', async () => {
    const { press, see, data } = await start();
    await press('r');
    await see('Bonn rescraped: 1 ok, 0 failed');
    expect(data.rescrapes).toEqual([['bonn']]);
  });

  test('new snapshots appear without a key press', async () => {
    const { data, see } = await start();
    const frames = data.frames.get('Bonn')!;
    frames.push({
      ...frames[1]!,
      at: '2021-08-10 12:15:00',
      columns: frames[1]!.columns.map((c) => ({ ...c, takenAt: '2021-08-10 12:15:00', slots: [] })),
    });
    data.overviewValue = { ...data.overviewValue, failing: 2 };
    data.emit(['bonn']);
    await see('snapshot 12:15 · live');
    await see('2 failing');
  });

  test('a filter that matches nothing says so in the right pane of every city view, not the last city', async () => {
    const { press, see, frame } = await start();
    await press('/', 'z', 'z');
    const slots = await see('no city matches “zz”');
    expect(slots).not.toContain('07:45');
    await press(KEYS.enter, '2');
    await see('no city matches “zz”');
    expect(frame()).not.toContain('bookings');
    await press('4');
    await see('no city matches “zz”');
    await press(KEYS.backspace, KEYS.escape);
    await see('Insights');
  });

  test('g and G act on the focused pane: cities in the list, the first and last row in the right pane', async () => {
    const { press, see, frame } = await start();
    await press('2', KEYS.enter);
    await see('Bonn (1/4 ↑↓)');
    await press('G');
    await see('Meldewesen (4/4 ↑↓)');
    expect(frame()).toMatch(/▸ Bonn/);
    await press('g');
    await see('Bonn (1/4 ↑↓)');
    await press(KEYS.escape, 'G');
    await see(/▸ Frankfurt/);
    await press('g');
    await see(/▸ Bonn/);
  });

  test('while the first round runs, the header and a city without snapshots say how far it is (at 60×15)', async () => {
    const data = sampleData();
    data.overviewValue = { ...data.overviewValue, firstRound: { done: 3, total: 14 } };
    const started = startApp(data, { columns: 60, rows: 15 });
    instance = started.instance;
    const { press, see } = started;
    await see('first round: 3/14 sources…');
    await press('j');
    const screen = await see('no snapshot of Dresden yet');
    const right = screen.split('\n').map((line) => line.slice(line.indexOf('│') + 2));
    expect(right[right.indexOf('no snapshot of Dresden yet') + 1]).toBe('first round: 3/14 sources…');
    expect(screen.split('\n')[0]).toBe(' test · 3 sources · first round: 3/14 sources… · 1 failing');
    const { firstRound: _over, ...rest } = data.overviewValue;
    data.overviewValue = { ...rest, scraping: false };
    data.emit();
    expect(await see('not scraping here (--no-scrape)')).not.toContain('first round');
  });

  test('q quits', async () => {
    let quit = false;
    const { press } = await start(sampleData(), { onQuit: () => (quit = true) });
    await press('q');
    expect(quit).toBe(true);
  });

  test('follows the terminal size when none is fixed', async () => {
    instance = render(<App data={sampleData()} colour={false} throttleMs={0} />);
    const lines = () => (instance!.lastFrame() ?? '').split('\n');
    await vi.waitFor(() => expect(lines().at(-1)).toContain('/ filter'));
    Object.defineProperty(instance.stdout, 'columns', { value: 60, configurable: true });
    instance.stdout.emit('resize');
    // Narrower: the footer keeps the keys that matter most (the others are in the help).
    await vi.waitFor(() => expect(lines().at(-1)).not.toContain('/ filter'));
    expect(lines().at(-1)).toContain('4 insights  w watch  ? help  q quit');
    expect(lines().every((line) => [...line].length <= 60)).toBe(true);
  });
});
