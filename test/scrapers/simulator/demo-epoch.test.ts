import { describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../../scrapers/simulator/demo.js';

const epoch = new Date('2026-03-02T06:00:00Z');
const later = new Date('2026-03-02T09:15:00Z');

/** Every location's published and true free slots now. */
const slotsOf = (demo: Demo) =>
  demo.offices.flatMap((office) => office.locations.map((l) => [office.freeSlots(l.id), office.trueFreeSlots(l.id)]));

describe('a demo world started again from its epoch', () => {
  it('is the same world further on: what a world running since the epoch shows, slot for slot', async () => {
    const running = await startDemo({ start: epoch, speed: 0 });
    const again = await startDemo({ start: later, epoch, speed: 0 });
    const fresh = await startDemo({ start: later, speed: 0 });
    try {
      // The running world is read along the way (as rounds would); reads never change a world.
      for (let step = 0; step < 13; step++) {
        slotsOf(running);
        running.clock.advance(15 * 60_000);
      }
      expect(running.clock.now()).toEqual(later);
      expect(again.clock.now()).toEqual(later);
      expect(slotsOf(again)).toEqual(slotsOf(running));
      // A world begun at the later time is another random world: what a restarted demo used to be.
      expect(slotsOf(fresh)).not.toEqual(slotsOf(running));
    } finally {
      await Promise.all([running.close(), again.close(), fresh.close()]);
    }
  });
});
