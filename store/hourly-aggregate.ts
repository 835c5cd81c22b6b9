import type { InferredEvent } from './location-inference.js';
import { AGGREGATE } from './records.js';
import { SECONDS, floorDay, floorHour, type WallSeconds } from '../core/wall-clock.js';

/** Add one improved-rules event, seen in the snapshot floored to `quarter`, to its hour's aggregate values. */
export function addEvent(values: Int32Array, quarter: WallSeconds, event: InferredEvent): void {
  if (event.kind === 'cancellation') {
    values[AGGREGATE.cancellations]!++;
    return;
  }
  values[AGGREGATE.appointments]!++;
  const lead = Math.min(
    AGGREGATE.leadDayBins - 1,
    Math.max(0, (floorDay(event.slot) - floorDay(quarter)) / SECONDS.DAY),
  );
  values[AGGREGATE.leadDays + lead]!++;
  values[AGGREGATE.slotHour + (floorHour(event.slot) - floorDay(event.slot)) / SECONDS.HOUR]!++;
}
