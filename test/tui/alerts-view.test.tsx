import { afterEach, describe, expect, test, vi } from 'vitest';
import { KEYS, startApp } from './app-harness.js';
import { FakeAlerts, sampleAlert, sampleData } from './fake-watch-data.js';

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => {
  vi.useRealTimers();
  app?.instance.unmount();
});

async function withAlerts(bannerMs = 20_000) {
  const data = sampleData();
  const alerts = new FakeAlerts();
  data.alerts = alerts;
  app = startApp(data, { columns: 80, rows: 24 }, { bannerMs });
  await app.see(/snapshot .+ · live/);
  return { data, alerts, ...app };
}

describe('alerts in the app', () => {
  test('a raised alert shows a banner (office, slot, how) under the header, sanitized; the screen fits', async () => {
    const { alerts, see } = await withAlerts();
    alerts.raise(sampleAlert());
    const screen = await see('ALERT Meldewesen');
    const lines = screen.split('\n');
    expect(lines[1]).toContain('ALERT Meldewesen (Bonn) · Wed 2021-08-11 08:30 · cancellation · 5 lists them');
    expect(lines).toHaveLength(23);
    expect(screen).not.toMatch(/\u001b/);
    expect(screen).not.toContain('evil');
    alerts.raise(sampleAlert('2021-08-12 09:00:00', 'new day'));
    expect(await see('(+1 more)')).toContain('Thu 2021-08-12 09:00 · new day');
  });

  test('the banner goes after its time; the alerts view (5) keeps all alerts, newest first, the problems', async () => {
    const { alerts, see, press, frame } = await withAlerts(150);
    // The banner's timer on the fake clock: it shows until 150 ms have passed there, and goes then.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    alerts.raise(sampleAlert(), sampleAlert('2021-08-12 09:00:00', 'new day'));
    await see('ALERT');
    await vi.advanceTimersByTimeAsync(149);
    expect(frame()).toContain('ALERT');
    await vi.advanceTimersByTimeAsync(1);
    await see((screen) => !screen.includes('ALERT'));
    vi.useRealTimers();
    alerts.problem('office-watch: alert bonn/loc2 2021-08-11 08:30:00 NOT delivered by webhook: HTTP 500');
    await press('5');
    const screen = await see('Problems');
    expect(screen).toContain('Alerts · 2 of the last day, newest first');
    const rows = screen.split('\n').filter((line) => line.includes('seen 08-10 12:00'));
    expect(rows[0]).toContain('Thu 2021-08-12 09:00 · new day · seen 08-10 12:00');
    expect(rows[1]).toContain('Wed 2021-08-11 08:30 · cancellation · seen 08-10 12:00');
    expect(screen).toContain('  Bonn · Meldewesen · Stadt Bonn');
    expect(screen.replace(/\s*\n\s*│ /g, '')).toContain('NOT delivered by webhook: HTTP 500');
    expect(screen).not.toContain('evil');
  });

  test('a "free now" summary reads in the view as in the banner: how many, the earliest', async () => {
    const { alerts, see, press } = await withAlerts();
    alerts.raise({ ...sampleAlert('2021-08-11 09:40:00', 'free now'), count: 12 });
    await press('5');
    const screen = await see('Alerts · 1 of the last day');
    expect(screen).toContain('12 free now, earliest Wed 08-11 09:40 · seen 08-10 12:00');
    expect(screen).not.toContain('· free now ·');
  });

  test('without alerts the view says how to add a watch; help lists the views 1–5 and w', async () => {
    const { see, press } = await withAlerts();
    await press('5');
    await see('no alerts yet: w on a city adds a watch');
    await press('?');
    const help = await see('Keys  (Esc or ? closes this help)');
    expect(help).toMatch(/^1 2 3 4 5\s+views: slots, timeline, health, insights \(cities ranked\), alerts$/m);
    expect(help).toMatch(/^w\s+watch the selected city/m);
    expect(help.split('\n')).toHaveLength(23);
    await press('G');
    await see('✓O ✗F ~S');
  });
});

describe('from an alert to its slot', () => {
  test('alerts show their booking link; Enter focuses them, Enter on one opens its day at its snapshot', async () => {
    const { data, alerts, see, press } = await withAlerts();
    const at = (time: string) => `2021-08-10 ${time}:00`;
    const column = { sourceId: 'dresden', locationId: 'a', name: 'Bürgerbüro' };
    const dresden = (time: string, slots: string[]) => {
      return { city: 'Dresden', at: at(time), columns: [{ ...column, takenAt: at(time), slots }] };
    };
    const slots = ['2021-08-11 08:00:00', '2021-08-12 09:00:00'];
    data.frames.set('Dresden', [dresden('10:00', slots.slice(0, 1)), dresden('10:30', slots), dresden('11:00', [])]);
    const elsewhere = {
      ...sampleAlert(slots[1], 'new day'),
      ...{ id: 'd1', sourceId: 'dresden', locationId: 'a', office: 'Bürgerbüro', siteName: 'Dresden', city: 'Dresden' },
      url: 'https://termine.dresden.example/tempus?office=a',
      takenAt: at('10:30'),
    };
    alerts.raise(sampleAlert(), elsewhere);
    await press('5');
    const list = await see('https://termine.dresden.example/tempus?office=a');
    expect(list).toContain('https://example.test/bonn');
    await press(KEYS.enter);
    await see(/▸ Thu 2021-08-12 09:00 · new day/);
    await press(KEYS.enter);
    // The newest alert: Dresden's 08-12 slot, in the snapshot that showed it (10:30), not the newest one (11:00).
    const opened = await see('Dresden · Thu 08-12');
    expect(opened).toMatch(/Dresden · Thu 08-12 \(2\/2\) · history 2\/3 08-10 10:30/);
    expect(opened).toMatch(/09:00\s+X/);
    expect(opened).toMatch(/▸ Dresden/);
    expect(data.frameCalls).toContainEqual({ city: 'Dresden', at: at('10:30') });
    await press('5', KEYS.down, KEYS.enter);
    await see(/Bonn · Wed 08-11 \(2\/2\) · history 2\/2 08-10 12:00/);
  });
});

describe('alerts typed ahead', () => {
  test('"5", Enter, Enter in one chunk open the newest alert, before the alerts view was ever drawn', async () => {
    const { alerts, instance, see } = await withAlerts();
    alerts.raise(sampleAlert('2021-08-11 08:30:00'));
    await see('ALERT Meldewesen');
    instance.stdin.write('5\r\r');
    await see(/Bonn · Wed 08-11 \(2\/2\) · history/);
  });
});

describe('w: watch the selected city', () => {
  test('Enter accepts 14 days; the status line confirms; the watch is stored', async () => {
    const { alerts, see, press } = await withAlerts();
    await press('j', 'w');
    await see('Watch Dresden within days [14]: ▏');
    await press(KEYS.enter);
    await see('added watch 1  city Dresden · within 14 days');
    expect(alerts.watches).toMatchObject([{ city: 'Dresden', withinDays: 14 }]);
  });

  test('typed days, hours and weekdays; q and digits are text while the prompt is open; Backspace edits', async () => {
    const { alerts, see, press } = await withAlerts();
    await press('w', ...'7 08-12 mon,frix', KEYS.backspace, KEYS.backspace);
    await see('within days [14]: 7 08-12 mon,fr▏');
    await press('i', KEYS.enter);
    await see(/added watch 1 {2}city Bonn · within 7 days, mon,fri, 08-12 h/);
    expect(alerts.watches[0]).toMatchObject({
      city: 'Bonn',
      withinDays: 7,
      hours: { from: 8, to: 12 },
      weekdays: [1, 5],
    });
  });

  test("a word names one of the city's offices: the watch is on that office", async () => {
    const { alerts, see, press } = await withAlerts();
    await press('w', ...'3 kfz', KEYS.enter);
    await see(/added watch 1 {2}city Bonn, office kfz · within 3 days/);
    expect(alerts.watches[0]).toMatchObject({ city: 'Bonn', office: 'kfz', withinDays: 3 });
  });

  test('Esc cancels: nothing stored; bad input: one sentence, nothing stored', async () => {
    const { alerts, see, press, frame } = await withAlerts();
    await press('w', '3', KEYS.escape);
    await see('4 insights  w watch');
    expect(frame()).not.toContain('Watch Bonn');
    await press('w', ...'25-3', KEYS.enter);
    await see('no watch added: --hours "25-3" is not a range of hours');
    await press('w', ...'soon', KEYS.enter);
    await see('no watch added: no office matches --office "soon"');
    expect(alerts.watches).toEqual([]);
  });

  test('without a store behind the app, w says so and opens no prompt', async () => {
    app = startApp(sampleData());
    await app.see(/snapshot .+ · live/);
    await app.press('w');
    await app.see('watches need the database');
  });
});
