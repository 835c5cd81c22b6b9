import type { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { KEYS, startApp } from './app-harness.js';
import { sampleData } from './fake-watch-data.js';

// Issue 15, item 7, as the app shows it: history kept across cities, t's messages, "history" without scraping.
let instance: ReturnType<typeof render> | undefined;
afterEach(() => instance?.unmount());

const at = (time: string) => `2021-08-10 ${time}:00`;

function withDresden() {
  const data = sampleData();
  const column = { sourceId: 'dresden', locationId: 'a', name: 'Bürgerbüro', slots: ['2021-08-12 08:00:00'] };
  const dresden = (time: string) => ({ city: 'Dresden', at: at(time), columns: [{ ...column, takenAt: at(time) }] });
  data.frames.set('Dresden', ['10:00', '10:30', '11:00'].map(dresden));
  return data;
}

describe('time travel in the app', () => {
  test('another city shows its snapshot in force at the same moment; before its history, where it starts', async () => {
    const app = startApp(withDresden());
    instance = app.instance;
    await app.see(/snapshot .+ · live/);
    await app.press('[');
    await app.see('Bonn · Tue 08-10 (1/1) · history 1/2 11:45');
    await app.press('j');
    // In force at 11:45 in Dresden: its 11:00, the newest of its three.
    await app.see('Dresden · Thu 08-12 (1/1) · history 3/3 08-10 11:00');
    await app.press('[');
    await app.see('history 2/3 08-10 10:30');
    await app.press('k');
    await app.see(/no snapshot of Bonn by 08-10 10:30\s*\n.*its history starts 08-10 11:45: \] goes there/);
    await app.press(']');
    await app.see('Bonn · Tue 08-10 (1/1) · history 1/2 11:45');
    await app.press('n');
    await app.see('Bonn · Tue 08-10 (1/2) · snapshot 12:00 · live');
  });

  test('t HH:MM goes to that time of the day shown; a day before the history is said, the view stays', async () => {
    const app = startApp(withDresden());
    instance = app.instance;
    await app.see(/snapshot .+ · live/);
    await app.press('j');
    await app.see('Dresden · Thu 08-12 (1/1) · snapshot 08-10 11:00 · live');
    await app.press('t', ...'10:45', KEYS.enter);
    await app.see('Dresden · Thu 08-12 (1/1) · history 2/3 08-10 10:30');
    await app.press('t', ...'2021-01-01', KEYS.enter);
    const screen = await app.see('no snapshot of Dresden by 2021-01-01 00:00: its history starts 2021-08-10 10:00');
    expect(screen).toContain('history 2/3 08-10 10:30');
  });

  test('with nothing scraped (--no-scrape) the newest snapshot is history, not live', async () => {
    const data = sampleData();
    data.overviewValue = { ...data.overviewValue, scraping: false };
    const app = startApp(data);
    instance = app.instance;
    const screen = await app.see('Bonn · Tue 08-10 (1/2) · history 2/2 12:00');
    expect(screen).not.toContain('live');
  });
});
