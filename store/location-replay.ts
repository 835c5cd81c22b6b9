import { emptyImprovedState, inferImproved, type ImprovedState } from './improved-inference.js';
import { emptyInferenceState, inferRow, type InferenceState, type InferredEvent } from './location-inference.js';
import { diffSorted, sameSlots } from './records.js';
import { METRIC, newRowMetrics } from './row-metrics.js';
import { floorQuarter, type WallSeconds } from './wall-clock.js';

/** The events one row of a location shows, by rule set, and the published counts (to check against the store's). */
export interface ReplayedRow {
  published: InferredEvent[];
  improved: InferredEvent[];
  appointments: number;
  cancellations: number;
}

/**
 * One location's inference replayed from its stored rows, exactly as SourceWriter.record ran it, so that the single
 * bookings and cancellations (which the store only counts) can be listed. Rows must come in time order, every
 * snapshot that lists the location, from its first.
 */
export class LocationReplay {
  private readonly published: InferenceState = emptyInferenceState();
  private readonly improved: ImprovedState = emptyImprovedState();
  private lastRow: WallSeconds[] | undefined;
  private lastRowWeek = '';

  /**
   * The row `slots` seen at `time` in ISO week `week`. `isColumn`: the week's slot columns as the writer had them;
   * `stableColumns`: they were the whole week's (an imported file), so an unchanged row of the same week walks nothing.
   */
  step(time: WallSeconds, week: string, slots: WallSeconds[], isColumn: (slot: WallSeconds) => boolean, stableColumns: boolean): ReplayedRow {
    const quarter = floorQuarter(time);
    const lastRow = this.lastRow;
    const sameWeek = lastRow !== undefined && this.lastRowWeek === week;
    const unchanged = lastRow !== undefined && sameSlots(lastRow, slots);
    const metrics = newRowMetrics();
    const published: InferredEvent[] = [];
    // The writer walks only the changed slots there, which changes nothing for an unchanged row but the time.
    if (unchanged && sameWeek && stableColumns) inferRow(this.published, [], () => false, quarter, metrics);
    else inferRow(this.published, slots, isColumn, quarter, metrics, (event) => published.push(event));
    let improved: InferredEvent[] = [];
    if (unchanged) this.improved.lastQuarter = quarter;
    else {
      this.improved.previous = lastRow;
      improved = inferImproved(this.improved, slots, time, lastRow === undefined ? undefined : diffSorted(lastRow, slots));
    }
    this.lastRow = slots;
    this.lastRowWeek = week;
    return { published, improved, appointments: metrics[METRIC.appointments]!, cancellations: metrics[METRIC.cancellations]! };
  }
}
