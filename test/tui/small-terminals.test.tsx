import { afterEach, describe, expect, test } from 'vitest';
import { KEYS, startApp } from './app-harness.js';
import { FakeAlerts, sampleAlert, sampleData, sampleInsights } from './fake-watch-data.js';

// Every view of the app at the sizes the issue tried (60×15, 80×24, 120×40): titles kept, every line within the
// terminal, nothing wrapped onto a line of its own, and the help readable whole (scrolling where it does not fit).
let app: ReturnType<typeof startApp> | undefined;
afterEach(() => app?.instance.unmount());

const SIZES = [
  { columns: 60, rows: 15 },
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];
const LONG_URL = 'https://termine.stadt-bonn.example/netappoint/index.php?company=stadtbonn&cur_cause=1';

async function open(size: (typeof SIZES)[number]) {
  const data = sampleData();
  data.insightsValue = sampleInsights();
  const alerts = new FakeAlerts();
  alerts.alerts.push(sampleAlert(), { ...sampleAlert('2021-08-12 09:00:00', 'new day'), url: LONG_URL });
  data.alerts = alerts;
  app = startApp(data, size);
  await app.see(/snapshot .+ · live/);
  return app;
}

/** The right pane's lines (after the cities pane's border); the whole body for help. */
const pane = (lines: string[], whole: boolean) =>
  lines.slice(1, -1).map((line) => (whole ? line : line.slice(line.indexOf('│') + 2)));

type Check = (right: string[], size: (typeof SIZES)[number]) => void;
const VIEWS: { key: string; name: string; title: RegExp; check?: Check }[] = [
  { key: '1', name: 'slots', title: /^Bonn · / },
  { key: '2', name: 'timeline', title: /^Bonn\b/ },
  { key: '4', name: 'insights', title: /^Insights · Bonn/ },
  {
    key: '3',
    name: 'health',
    title: /^Scrapers · 2 · 1 ok · 1 failing/,
    check: (right) => {
      expect(right[1]).toMatch(/^ {3}SOURCE\s+LAST .*24H/);
      expect(right.find((line) => line.startsWith(' ✗Ffrankfurt'))).toMatch(/ 50%/);
      expect(right.find((line) => line.startsWith('▸✓Obonn'))).toMatch(/ 100%/);
      expect(right.some((line) => /^\s*\d+%\s*$/.test(line))).toBe(false);
      expect(right).toContain('frankfurt: http-status: HTTP 500 red');
    },
  },
  {
    key: '5',
    name: 'alerts',
    title: /^Alerts · 2\b/,
    check: (right, size) => {
      const what = right.filter((line) => /^(Wed|Thu) /.test(line));
      expect(what).toHaveLength(2);
      expect(what.every((line) => !line.trimEnd().endsWith('…'))).toBe(true);
      expect(what[0]).toMatch(/^Thu (2021-)?08-12 09:00 · new day/);
      const links = right.filter((line) => line.includes('.example') || line.includes('example.test'));
      expect(links).toHaveLength(2);
      // Whole where it fits (120×40), else the host and the end of the path.
      const host = 'termine.stadt-bonn.example/';
      const start = size.columns >= 120 ? `https://${host}netappoint/` : `${host}…`;
      expect(links[0]!.trim().startsWith(start), links[0]).toBe(true);
      expect(links[0]!.trim().endsWith('cause=1')).toBe(true);
    },
  },
  {
    key: '?',
    name: 'help',
    title: /^Keys {2}\(Esc or \? closes this help\)/,
    check: (right, size) => {
      expect(right.every((line) => !line.trimEnd().endsWith('…'))).toBe(true);
      expect(right.some((line) => line.includes('pick a scope or an alert'))).toBe(size.columns >= 80);
      // The last mark where it all fits (120×40; 80×24 as long as the keys fit 20 lines), else the "more" marker.
      const more = /^↓ \d+ more lines?: j ↓ PgDn, G the end/;
      if (size.rows < 24) expect(right.at(-1)).toMatch(more);
      const scrolls = size.rows < 40 && more.test(right.at(-1)!);
      if (size.rows >= 24 && !scrolls) expect(right.join('\n')).toContain('scraper ok / failing / stale');
    },
  },
];

describe.each(SIZES)('at $columns×$rows', (size) => {
  test.each(VIEWS)('$name ($key): its title, every line within the terminal, no stray text', async (view) => {
    const { key, name, title, check } = view;
    const { press, see, frame } = await open(size);
    await press(key);
    const whole = name === 'help';
    const screen = await see((text) => title.test(pane(text.split('\n'), whole)[0] ?? ''));
    const lines = screen.split('\n');
    expect(lines).toHaveLength(size.rows - 1);
    expect(lines.every((line) => [...line].length <= size.columns)).toBe(true);
    // The header is laid out to fit, not cut.
    expect(lines[0]!.trimEnd().endsWith('…')).toBe(false);
    expect(lines.at(-1)).toMatch(/\? help|Esc close/);
    check?.(pane(lines, whole), size);
    expect(frame()).not.toMatch(/\u001b/);
  });
});

describe('help in a small terminal', () => {
  test('scrolls with j, PgDn, G and g; a marker says what is below; Esc closes it', async () => {
    const { press, see, frame } = await open({ columns: 60, rows: 15 });
    await press('?');
    const top = await see(/· 1-10\/\d+ ↑↓/);
    const total = Number(/1-10\/(\d+)/.exec(top)![1]);
    expect(top).toContain(`↓ ${total - 10} more lines`);
    await press('j');
    await see(`· 2-11/${total} ↑↓`);
    await press(KEYS.down);
    await see(`· 3-12/${total} ↑↓`);
    await press('\u001b[6~');
    await see(`· 13-22/${total} ↑↓`);
    await press('G');
    const end = await see('— end of help: g back to the top');
    expect(end).toContain('✓O ✗F ~S    scraper ok / failing / stale');
    expect(end).toContain(`· ${total - 9}-${total}/${total} ↑↓`);
    await press('g');
    await see(`· 1-10/${total} ↑↓`);
    // The cities did not move while help scrolled.
    await press(KEYS.escape);
    expect(await see('Cities')).toMatch(/▸ Bonn/);
    expect(frame()).not.toContain('Keys  (Esc');
  });
});
