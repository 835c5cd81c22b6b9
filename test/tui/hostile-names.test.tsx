import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Snapshot } from '../../scrapers/types.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { sanitize } from '../../source/sanitize.js';
import { ThemeContext } from '../../source/tui/theme.js';
import { AlertBanner } from '../../source/tui/views/alert-banner.js';
import { Alerts } from '../../source/tui/views/alerts.js';
import type { Alert } from '../../store/alerts.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { startHostileSetups, type HostileSetup } from '../helpers/hostile-setups.js';
import { KEYS, startApp } from './app-harness.js';

/** ESC and the other C0 controls but newline, DEL, C1, bidi and invisible format characters. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
const LONG = 'Sehr langer Name '.repeat(30);

const expectSafe = (frame: string): void => {
  const unsafe = UNSAFE.exec(frame);
  expect(
    unsafe
      ? `U+${unsafe[0].codePointAt(0)?.toString(16)} in ` +
          JSON.stringify(frame.slice(Math.max(0, unsafe.index - 30), unsafe.index + 30))
      : 'safe',
  ).toBe('safe');
  expect(frame.includes(LONG)).toBe(false);
};

const dir = mkdtempSync(join(tmpdir(), 'ow-tui-hostile-'));
let store: LevelStore;
let setups: HostileSetup[] = [];
const snapshots: Snapshot[] = [];
const HOSTILE_SITE = '\u001b]8;;https://evil.example/\u0007Stadt\u009b2J\u202eBöse';

beforeAll(async () => {
  store = await openStore(join(dir, 'db'));
  setups = await startHostileSetups({ timeoutMs: 2000, retries: 0, maxBytes: 1024 * 1024 }, new Date());
  // Real scrapes of hostile sites into a real store: names as the sites sent them, and an error page's failure.
  for (const setup of setups) {
    setup.office.fault = setup.label === 'tevis-classic' ? 'error-200' : 'hostile-names';
    const startedAt = new Date().toISOString();
    const result = await setup.scraper(setup.site, { weeks: 2, now: new Date() });
    if (result.ok) {
      snapshots.push(result.snapshot);
      await store.recordSnapshot(result.snapshot);
      await store.recordRun({
        sourceId: setup.site.id,
        startedAt,
        durationMs: 100,
        ok: true,
        requests: result.requests,
      });
    } else {
      await store.recordRun({
        sourceId: setup.site.id,
        startedAt,
        durationMs: 100,
        ok: false,
        requests: result.requests,
        error: result.failure,
      });
    }
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(setups.map((s) => s.running.close()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the TUI with names from hostile sites', () => {
  test('the scrapes kept the hostile names (the test has teeth)', () => {
    expect(snapshots).toHaveLength(setups.length - 1);
    expect(snapshots.flatMap((s) => s.locations).some((l) => /\u001b/.test(l.name) && l.name.length > 10_000)).toBe(
      true,
    );
  });

  test('every view: no escape, control or bidi character, long names capped; health shows error-page', async () => {
    const sites = setups.map((s) => ({
      id: s.site.id,
      name: `${HOSTILE_SITE} ${s.label}`,
      city: `${HOSTILE_SITE}${'x'.repeat(2000)}`,
    }));
    const { data, ready, close } = createStoreWatchData({ store, sites });
    await ready;
    const app = startApp(data, { columns: 120, rows: 30 });
    try {
      // The grid: the setups' offices share names, so their headers are their ids (issue 15), "7001", "301/4619".
      expectSafe(await app.see(/301\/4619[^]*\d\d:\d\d\s+X/));
      await app.press(KEYS.enter);
      expectSafe(await app.see('Esc back'));
      // The timeline, its scope moved from the city to an office (the label is the office's name).
      await app.press('2');
      expectSafe(await app.see(/^(?![\s\S]*loading…)/));
      await app.press(KEYS.down, KEYS.down);
      expectSafe(await app.see(/\(3\/\d+ ↑↓\)/));
      // Each view as drawn after its key, not the frame before it.
      for (const [key, title] of [
        ['4', /Insights · /],
        ['5', /Alerts · |no alerts yet|alerts need/],
        ['?', /Keys {2}\(Esc/],
      ] as const) {
        await app.press(key);
        expectSafe(await app.see(title));
      }
      await app.press(KEYS.escape, '3');
      const health = await app.see('error-page');
      expectSafe(health);
    } finally {
      app.instance.unmount();
      close();
    }
  });
  test('the alerts view and banner with an alert at a hostile office', () => {
    const location = snapshots
      .flatMap((s) => s.locations.map((l) => ({ sourceId: s.sourceId, ...l })))
      .find((l) => l.name.length > 10_000);
    if (!location) throw new Error('no hostile name was scraped');
    const alert: Alert = {
      id: 'a1',
      sourceId: location.sourceId,
      locationId: location.locationId,
      office: location.name,
      siteName: HOSTILE_SITE,
      city: HOSTILE_SITE,
      slot: location.slots[0] ?? '2030-01-01 08:00:00',
      kind: 'new day',
      url: `https://example.test/${HOSTILE_SITE}`,
      takenAt: '2030-01-01 07:00:00',
      watchIds: ['1'],
    };
    const plain = (node: React.ReactElement) =>
      render(<ThemeContext.Provider value={{ colour: false }}>{node}</ThemeContext.Provider>).lastFrame() ?? '';
    const problems = [`webhook failed: ${location.name}`];
    const size = { width: 120, height: 20 };
    const view = plain(<Alerts alerts={[alert]} problems={problems} selected={0} available {...size} focused />);
    const shown = sanitize(location.name).slice(0, 12);
    expect(view).toContain(shown);
    expectSafe(view);
    const banner = plain(<AlertBanner alert={alert} more={0} width={120} />);
    expect(banner).toContain(shown);
    expectSafe(banner);
  });
});
