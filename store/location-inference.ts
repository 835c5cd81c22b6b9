import { HORIZONS, forEachHorizon, horizonBase } from './horizons.js';
import { mergeSorted } from './records.js';
import { METRIC, type RowMetrics } from './row-metrics.js';
import { SECONDS, type WallSeconds } from '../core/wall-clock.js';

/** What the published rules remember of a location between snapshots (metrics.md rule 3). */
export interface InferenceState {
  /** Slots seen free and not since seen taken, sorted ascending. */
  free: WallSeconds[];
  /** Slots seen free before, then gone. */
  taken: Set<WallSeconds>;
  /** Floored time of the location's previous snapshot. */
  lastQuarter: WallSeconds | undefined;
}

export const emptyInferenceState = (): InferenceState => ({ free: [], taken: new Set(), lastQuarter: undefined });

export interface InferredEvent {
  kind: 'appointment' | 'cancellation';
  slot: WallSeconds;
}

/**
 * Apply one row to the state (rules 2–4 and 8), adding the counts to `metrics` and reporting
 * each counted booking and cancellation. `freeNow` is sorted; `isColumn` tells the slot columns
 * of this week's file: free slots that are no column are not visited.
 */
export function inferRow(
  state: InferenceState,
  freeNow: readonly WallSeconds[],
  isColumn: (slot: WallSeconds) => boolean,
  quarter: WallSeconds,
  metrics: RowMetrics,
  onEvent?: (event: InferredEvent) => void,
): void {
  walk(state, mergeCandidates(freeNow, state.free, isColumn), freeNow, quarter, metrics, onEvent);
}

/**
 * inferRow for a row of the same weekly file as the location's previous row. Then the remembered free slots
 * that are columns are exactly that previous row, and the walk changes nothing at the slots the two rows share:
 * visiting only the slots that changed gives the same result.
 */
export function inferChangedRow(
  state: InferenceState,
  changes: { removed: readonly WallSeconds[]; added: readonly WallSeconds[] },
  quarter: WallSeconds,
  metrics: RowMetrics,
  onEvent?: (event: InferredEvent) => void,
): void {
  walk(state, mergeSorted(changes.added, changes.removed), changes.added, quarter, metrics, onEvent);
}

/** Rules 2–4 and 8 over `candidates` (ascending); those in `freeNow` (ascending) are free now, the others gone. */
function walk(
  state: InferenceState,
  candidates: readonly WallSeconds[],
  freeNow: readonly WallSeconds[],
  quarter: WallSeconds,
  metrics: RowMetrics,
  onEvent?: (event: InferredEvent) => void,
): void {
  const counting = state.lastQuarter !== undefined && quarter - state.lastQuarter < 16 * 60;
  state.lastQuarter = quarter;
  const base = horizonBase(quarter);
  let tally = new Int32Array(HORIZONS);
  let nowIndex = 0;
  for (const slot of candidates) {
    while (nowIndex < freeNow.length && freeNow[nowIndex]! < slot) nowIndex++;
    if (freeNow[nowIndex] === slot) {
      insertSorted(state.free, slot);
      if (state.taken.delete(slot) && counting) {
        metrics[METRIC.cancellations]!++;
        onEvent?.({ kind: 'cancellation', slot });
      }
      continue;
    }
    const free = state.free;
    const edge = free.length > 1 && (slot === free[0] || slot === free[free.length - 1]);
    if (counting && !edge) {
      metrics[METRIC.appointments]!++;
      onEvent?.({ kind: 'appointment', slot });
      const next = new Int32Array(HORIZONS);
      forEachHorizon(base, slot, (h) => (next[h] = tally[h]! + 1));
      tally = next;
    }
    removeSorted(free, slot);
    state.taken.add(slot);
  }
  for (let h = 0; h < HORIZONS; h++) metrics[METRIC.publishedAppointmentHorizon + h]! += tally[h]!;
}

/** free_dates and its horizons of a snapshot (rules 6 and 7): slots are sorted, so each horizon is a range count. */
export function countFree(freeNow: readonly WallSeconds[], quarter: WallSeconds, metrics: RowMetrics): void {
  metrics[METRIC.freeDates]! += freeNow.length;
  if (freeNow.length === 0) return;
  const base = horizonBase(quarter);
  const steps: [WallSeconds, number][] = [
    [base.hour, SECONDS.HOUR],
    [base.day, SECONDS.DAY],
    [base.week, SECONDS.WEEK],
  ];
  steps.forEach(([start, step], unit) => {
    let below = lowerBound(freeNow, start);
    for (let k = 0; k < 5; k++) {
      const upTo = lowerBound(freeNow, start + (k + 1) * step);
      metrics[METRIC.freeHorizon + unit * 5 + k]! += upTo - below;
      below = upTo;
    }
  });
}

/** The ascending union of the free slots now and the remembered free slots that are columns. */
function mergeCandidates(
  now: readonly WallSeconds[],
  free: readonly WallSeconds[],
  isColumn: (slot: WallSeconds) => boolean,
): WallSeconds[] {
  const out: WallSeconds[] = [];
  let i = 0;
  let j = 0;
  while (i < now.length || j < free.length) {
    const a = i < now.length ? now[i]! : Infinity;
    const b = j < free.length ? free[j]! : Infinity;
    if (a <= b) {
      out.push(a);
      i++;
      if (a === b) j++;
    } else {
      if (isColumn(b)) out.push(b);
      j++;
    }
  }
  return out;
}

/** The index of the first element not below `value` in an ascending list. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: number[], value: number): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] !== value) sorted.splice(at, 0, value);
}

function removeSorted(sorted: number[], value: number): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}

/**
 * How far back a location's state keeps slots: calendars list no slot a week past (a weekly file's columns start on its
 * Monday).
 */
export const KEEP_PAST_SECONDS = SECONDS.WEEK;

/**
 * Forget slots that started before `before`, which no later row can show again, so the state stays as small as
 * the calendar however long the history (rule 4's stale free slots would pile up for good otherwise). Exact:
 * of the forgotten free slots the smallest is kept, so "smallest" and "largest" in `free` judge as before.
 */
export function forgetPastSlots(state: InferenceState, before: WallSeconds): void {
  for (const slot of state.taken) if (slot < before) state.taken.delete(slot);
  const past = lowerBound(state.free, before);
  if (past > 1) state.free.splice(1, past - 1);
}
