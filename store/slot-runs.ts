import { diffSorted, sameSlots } from './records.js';
import type { WallSeconds } from '../core/wall-clock.js';

/** A slot free in `snapshots` successive snapshots of its location, from `from` to `to` (inclusive). */
export interface SlotRun {
  slot: WallSeconds;
  from: WallSeconds;
  to: WallSeconds;
  snapshots: number;
}

/**
 * The runs of one location's free slots over a stretch of snapshots (the export's `slots` table): a run ends where
 * the slot is gone, where the location is missing from a snapshot of its source, and at the end of the stretch.
 * Only changes cost work: an unchanged row extends every open run at once.
 */
export class SlotRuns {
  /** Open runs: slot → the time and presence number it started at. */
  private readonly open = new Map<WallSeconds, { from: WallSeconds; start: number }>();
  private lastSlots: WallSeconds[] = [];
  private lastTime = 0;
  private lastSnapshot = -2;
  private presences = 0;

  constructor(private readonly emit: (run: SlotRun) => void) {}

  /** The location's row at its source's snapshot number `snapshot` (ascending), taken at `time`. */
  see(snapshot: number, time: WallSeconds, slots: WallSeconds[]): void {
    if (snapshot !== this.lastSnapshot + 1) {
      this.end();
      for (const slot of slots) this.open.set(slot, { from: time, start: this.presences });
    } else if (!sameSlots(this.lastSlots, slots)) {
      const { removed, added } = diffSorted(this.lastSlots, slots);
      for (const slot of removed) this.close(slot);
      for (const slot of added) this.open.set(slot, { from: time, start: this.presences });
    }
    this.lastSlots = slots;
    this.lastTime = time;
    this.lastSnapshot = snapshot;
    this.presences++;
  }

  /** Close every open run (at the end of the stretch). */
  end(): void {
    for (const slot of [...this.open.keys()].sort((a, b) => a - b)) this.close(slot);
  }

  private close(slot: WallSeconds): void {
    const run = this.open.get(slot)!;
    this.open.delete(slot);
    this.emit({ slot, from: run.from, to: this.lastTime, snapshots: this.presences - run.start });
  }
}
