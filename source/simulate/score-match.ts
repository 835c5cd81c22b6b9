import { emptyImprovedState, emptyInferenceState, inferImproved, inferRow, newRowMetrics } from '../../store/index.js';
import { floorQuarter, formatWallTime, isoWeekOf, parseWallTime } from '../../core/wall-clock.js';
import type { WallTime } from '../../scrapers/types.js';
import type { GroundTruthEvent } from '../../scrapers/simulator/office.js';

export type EventKind = 'booking' | 'cancellation';
export type Rules = 'published' | 'improved';

/** One inferred event, with the snapshot that showed it and the location's previous snapshot. */
export interface InferredAt {
  locationId: string;
  slot: WallTime;
  kind: EventKind;
  /** The snapshot that showed it. */
  at: WallTime;
  /** The location's previous snapshot: the true event may lie anywhere in (since, at]. */
  since: WallTime;
}

export interface Rates {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  inferred: number;
  truth: number;
  matched: number;
}

/** One location's rows in time order, as the store gives them back. */
export interface LocationRows {
  locationId: string;
  rows: { takenAt: WallTime; slots: WallTime[] }[];
}

/**
 * Run both rule sets over one location's rows (the published rules with the week's columns so far, as the live store
 * does).
 */
export function inferBoth(location: LocationRows): Record<Rules, InferredAt[]> {
  const out: Record<Rules, InferredAt[]> = { published: [], improved: [] };
  const published = emptyInferenceState();
  const improved = emptyImprovedState();
  const columns = new Map<string, Set<number>>();
  let since: WallTime | undefined;
  for (const { takenAt, slots } of location.rows) {
    const time = parseWallTime(takenAt);
    const seconds = slots.map(parseWallTime).sort((a, b) => a - b);
    const week = isoWeekOf(time);
    let weekColumns = columns.get(week);
    if (!weekColumns) columns.set(week, (weekColumns = new Set()));
    for (const slot of seconds) weekColumns.add(slot);
    const push = (rules: Rules) => (event: { kind: 'appointment' | 'cancellation'; slot: number }) => {
      if (since === undefined) return;
      out[rules].push({
        locationId: location.locationId,
        slot: formatWallTime(event.slot),
        kind: event.kind === 'appointment' ? 'booking' : 'cancellation',
        at: takenAt,
        since,
      });
    };
    const has = weekColumns;
    inferRow(published, seconds, (slot) => has.has(slot), floorQuarter(time), newRowMetrics(), push('published'));
    for (const event of inferImproved(improved, seconds, time)) push('improved')(event);
    since = takenAt;
  }
  return out;
}

/**
 * Match inferred events of one kind with the true ones: an inferred (location, slot) matches a true event of that
 * (location, slot) that happened in (since, at]; each true event matches once. The true events counted are those
 * in (first, last] snapshot of the office (what the snapshots could show).
 */
export function matchEvents(
  inferred: readonly InferredAt[],
  truth: readonly GroundTruthEvent[],
  kind: EventKind,
  window: { first: WallTime; last: WallTime },
): Rates {
  const pending = new Map<string, WallTime[]>();
  let truthCount = 0;
  for (const event of truth) {
    if (event.kind !== kind || event.at <= window.first || event.at > window.last) continue;
    truthCount++;
    const k = `${event.locationId}\u0000${event.slot}`;
    const list = pending.get(k) ?? [];
    list.push(event.at);
    pending.set(k, list);
  }
  let inferredCount = 0;
  let matched = 0;
  for (const event of inferred) {
    if (event.kind !== kind) continue;
    inferredCount++;
    const list = pending.get(`${event.locationId}\u0000${event.slot}`);
    const at = list?.findIndex((time) => time > event.since && time <= event.at) ?? -1;
    if (list && at >= 0) {
      list.splice(at, 1);
      matched++;
    }
  }
  return rates(inferredCount, truthCount, matched);
}

export function rates(inferred: number, truth: number, matched: number): Rates {
  const precision = inferred > 0 ? matched / inferred : null;
  const recall = truth > 0 ? matched / truth : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : precision === null && recall === null
        ? null
        : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1), inferred, truth, matched };
}

/** Add up rates (sum the counts, recompute). */
export function sumRates(list: readonly Rates[]): Rates {
  return rates(
    list.reduce((a, r) => a + r.inferred, 0),
    list.reduce((a, r) => a + r.truth, 0),
    list.reduce((a, r) => a + r.matched, 0),
  );
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);
