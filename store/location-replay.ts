import { emptyImprovedState, inferImproved, type ImprovedState } from './improved-inference.js';
import { inferChangedRow, inferRow, type InferenceState, type InferredEvent } from './location-inference.js';
import { diffSorted, sameSlots } from './records.js';
import { METRIC, newRowMetrics } from './row-metrics.js';
import { ByteReader, ByteWriter, readSortedTimes, writeSortedTimes } from './varint.js';
import { floorQuarter, type WallSeconds } from '../core/wall-clock.js';

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
  /** The published rules' remembered slots grow with the history: kept packed while the location waits. */
  private published: InferenceState | undefined = { free: [], taken: new Set(), lastQuarter: undefined };
  private packed: { bytes: Uint8Array; lastQuarter: WallSeconds | undefined } | undefined;
  private readonly improved: ImprovedState = emptyImprovedState();
  private lastRow: WallSeconds[] | undefined;
  private lastRowWeek = '';

  /**
   * The row `slots` seen at `time` in ISO week `week`. `isColumn`: the week's slot columns as the writer had them;
   * `stableColumns`: they were the whole week's (an imported file), so a row of the same week walks only what changed.
   */
  step(
    time: WallSeconds,
    week: string,
    slots: WallSeconds[],
    isColumn: (slot: WallSeconds) => boolean,
    stableColumns: boolean,
  ): ReplayedRow {
    const state = this.unpack();
    const quarter = floorQuarter(time);
    const lastRow = this.lastRow;
    const sameWeek = lastRow !== undefined && this.lastRowWeek === week;
    const changes =
      lastRow === undefined
        ? undefined
        : sameSlots(lastRow, slots)
          ? { removed: [], added: [] }
          : diffSorted(lastRow, slots);
    const metrics = newRowMetrics();
    const published: InferredEvent[] = [];
    const onEvent = (event: InferredEvent) => published.push(event);
    if (changes && sameWeek && stableColumns) inferChangedRow(state, changes, quarter, metrics, onEvent);
    else inferRow(state, slots, isColumn, quarter, metrics, onEvent);
    let improved: InferredEvent[] = [];
    if (changes && changes.removed.length + changes.added.length === 0) this.improved.lastQuarter = quarter;
    else {
      this.improved.previous = lastRow;
      improved = inferImproved(this.improved, slots, time, changes);
    }
    this.lastRow = slots;
    this.lastRowWeek = week;
    return {
      published,
      improved,
      appointments: metrics[METRIC.appointments]!,
      cancellations: metrics[METRIC.cancellations]!,
    };
  }

  /** Keep the remembered slots as bytes (1–2 a slot) until the next step. */
  pack(): void {
    if (!this.published) return;
    const writer = new ByteWriter();
    writeSortedTimes(writer, this.published.free);
    writeSortedTimes(
      writer,
      [...this.published.taken].sort((a, b) => a - b),
    );
    this.packed = { bytes: writer.finish(), lastQuarter: this.published.lastQuarter };
    this.published = undefined;
  }

  private unpack(): InferenceState {
    if (this.published) return this.published;
    const reader = new ByteReader(this.packed!.bytes);
    const free = readSortedTimes(reader);
    this.published = { free, taken: new Set(readSortedTimes(reader)), lastQuarter: this.packed!.lastQuarter };
    this.packed = undefined;
    return this.published;
  }
}
