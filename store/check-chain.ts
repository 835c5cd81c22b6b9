import { emptyImprovedState, inferImproved } from './improved-inference.js';
import { addEvent } from './hourly-aggregate.js';
import { lastPart } from './keys.js';
import { AGGREGATE, FRAME_EVERY, applyRow, decodeRow, sameSlots, type RowRecord } from './records.js';
import {
  floorHour,
  floorQuarter,
  formatWallTime,
  isoWeekOf,
  parseWallTime,
  type WallSeconds,
} from '../core/wall-clock.js';

/** A snapshot that lists the location, and whether it says the location changed (metric 'changed'). */
export interface Presence {
  takenAt: string;
  changed: boolean;
}

/** What replaying a location's rows along its snapshots leads to. */
export interface ChainReplay {
  /** The first inconsistency, naming its time; the replay stops there. */
  problem?: string;
  rows: number;
  /** Derived state after the last snapshot (what the location's 's' record must say), when the replay went through. */
  state?: {
    lastRow: WallSeconds[];
    lastRowWeek: string;
    sinceFrame: number;
    lastQuarter: WallSeconds;
    improvedQuarter: WallSeconds | undefined;
    improvedBooked: WallSeconds[];
  };
  /** Hourly aggregates of the improved rules' events, by hour ('YYYY-MM-DD HH:00:00'). */
  aggregates: Map<string, Int32Array>;
}

/**
 * Replay one location: every row must sit at a snapshot listing it, key frames exactly where the writer puts
 * them, deltas must apply to the previous row, and the 'changed' metric must agree with the rows.
 */
export async function replayChain(
  rows: AsyncIterable<[string, Uint8Array]>,
  presences: readonly Presence[],
): Promise<ChainReplay> {
  const replay: ChainReplay = { rows: 0, aggregates: new Map() };
  const iterator = rows[Symbol.asyncIterator]();
  // Rows as [time, value], in time order.
  const advance = async () => {
    const step = await iterator.next();
    return step.done ? undefined : ([lastPart(step.value[0]), step.value[1]] as const);
  };
  let next = await advance();
  let lastRow: WallSeconds[] | undefined;
  let [sinceFrame, lastWeek] = [0, ''];
  const improved = emptyImprovedState();
  const stop = async (problem: string): Promise<ChainReplay> => {
    // The rows after the break still count (the source's totals count every row).
    for (let rest = next; rest; rest = await advance()) replay.rows++;
    return { ...replay, problem, state: undefined };
  };
  for (const presence of presences) {
    if (next && next[0] < presence.takenAt)
      return stop(`its row at ${next[0]} belongs to no snapshot that lists the location`);
    const time = parseWallTime(presence.takenAt);
    const week = isoWeekOf(time);
    if (next && next[0] === presence.takenAt) {
      let row: RowRecord;
      try {
        row = decodeRow(next[1]);
      } catch {
        return stop(`its row at ${presence.takenAt} does not decode`);
      }
      const frameDue = lastRow === undefined || sinceFrame >= FRAME_EVERY;
      if ('frame' in row !== frameDue)
        return stop(
          frameDue
            ? `a key frame was due at ${presence.takenAt}, but the row is a delta (a row before it is missing)`
            : `a key frame at ${presence.takenAt} after only ${sinceFrame} changes (a row before it is missing)`,
        );
      if (!('frame' in row) && !deltaApplies(lastRow!, row.removed, row.added))
        return stop(`the delta at ${presence.takenAt} does not apply to the row before it (a row is missing)`);
      const slots = applyRow(lastRow ?? [], row);
      if (lastRow !== undefined && sameSlots(lastRow, slots))
        return stop(`the row at ${presence.takenAt} repeats the row before it`);
      if (presence.changed !== (lastRow !== undefined && lastWeek === week))
        return stop(`the snapshot at ${presence.takenAt} disagrees with the rows on whether the location changed`);
      improved.previous = lastRow;
      const quarter = floorQuarter(time);
      for (const event of inferImproved(improved, slots, time))
        addEvent(aggregateOf(replay.aggregates, quarter), quarter, event);
      sinceFrame = 'frame' in row ? 0 : sinceFrame + 1;
      lastRow = slots;
      replay.rows++;
      next = await advance();
    } else {
      if (lastRow === undefined)
        return stop(`the snapshot at ${presence.takenAt} lists it, but it has no row at or before then`);
      if (presence.changed) return stop(`its row at ${presence.takenAt} is missing (the snapshot says it changed)`);
      improved.lastQuarter = floorQuarter(time);
    }
    lastWeek = week;
  }
  if (next) return stop(`its row at ${next[0]} belongs to no snapshot that lists the location`);
  const last = presences[presences.length - 1];
  if (lastRow !== undefined && last) {
    replay.state = {
      lastRow,
      lastRowWeek: lastWeek,
      sinceFrame,
      lastQuarter: floorQuarter(parseWallTime(last.takenAt)),
      improvedQuarter: improved.lastQuarter,
      improvedBooked: improved.booked,
    };
  }
  return replay;
}

/** A delta removes only slots that were free and adds only slots that were not. */
function deltaApplies(
  previous: readonly WallSeconds[],
  removed: readonly WallSeconds[],
  added: readonly WallSeconds[],
): boolean {
  const free = new Set(previous);
  return removed.length + added.length > 0 && removed.every((s) => free.has(s)) && added.every((s) => !free.has(s));
}

function aggregateOf(aggregates: Map<string, Int32Array>, quarter: WallSeconds): Int32Array {
  const hour = formatWallTime(floorHour(quarter));
  let values = aggregates.get(hour);
  if (!values) aggregates.set(hour, (values = new Int32Array(AGGREGATE.size)));
  return values;
}
