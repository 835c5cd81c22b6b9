import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoTimeline } from '../../source/demo-timeline.js';
import { openStore, type LevelStore } from '../../store/index.js';

let dir: string;
let store: LevelStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-demo-timeline-'));
  store = await openStore(join(dir, 'db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = (takenAt: string) =>
  store.recordSnapshot({ sourceId: 'bonn', takenAt, locations: [{ locationId: 'a', name: 'A', slots: [] }] });
const at = (iso: string) => new Date(`2026-03-02T${iso}:00Z`);

describe('demoTimeline: where a demo run starts in the demo db', () => {
  it('a new db: now, on the quarter; the world begins then', async () => {
    expect(await demoTimeline(store, at('07:07'))).toEqual({ start: at('07:00'), epoch: at('07:00') });
  });

  it('a run soon after: after the newest snapshot, in the same world; hours later: a new world', async () => {
    const first = await demoTimeline(store, at('07:07'));
    await snapshot('2026-03-02 08:00:40'); // Berlin wall clock: 07:00:40 UTC
    // Run again at once (the clock is behind the newest snapshot): after it, the same epoch.
    expect(await demoTimeline(store, at('07:03'))).toEqual({ start: at('07:15'), epoch: first.epoch });
    await snapshot('2026-03-02 09:30:10');
    expect((await demoTimeline(store, at('09:20'))).epoch).toEqual(first.epoch);
    // Idle for more than 3 hours: a world of its own (the next round is every watch's baseline anyway).
    expect(await demoTimeline(store, at('12:00'))).toEqual({ start: at('12:00'), epoch: at('12:00') });
  });
});
