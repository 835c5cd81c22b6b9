import type { Db } from './db.js';
import { lastPart, range, PREFIX } from './keys.js';
import { applyRow, decodeRow, type RowRecord } from './records.js';
import type { WallTime } from './types.js';
import type { WallSeconds } from '../core/wall-clock.js';

/**
 * One location's rows back from a time to its last key frame: its free slots at any time in that stretch,
 * with no further read. A reader stepping back through the snapshots reads a location once every key frame.
 */
export class RowChain {
  #memo: { index: number; state: WallSeconds[] } | undefined;

  constructor(
    private readonly times: readonly WallTime[],
    private readonly rows: readonly RowRecord[],
    /** The time it was read up to: rows after it are not known. */
    readonly upTo: WallTime,
    /** Read back to the location's first row (then nothing came before). */
    private readonly complete: boolean,
  ) {}

  covers(at: WallTime): boolean {
    return at <= this.upTo && (this.complete || at >= this.times[0]!);
  }

  /** The free slots in force at `at` (which it covers). */
  stateAt(at: WallTime): WallSeconds[] {
    let index = this.times.length - 1;
    while (index >= 0 && this.times[index]! > at) index--;
    if (index < 0) return [];
    if (this.#memo?.index !== index) {
      let state: WallSeconds[] = [];
      for (let i = 0; i <= index; i++) state = applyRow(state, this.rows[i]!);
      this.#memo = { index, state };
    }
    return this.#memo.state;
  }
}

/** Read a location's rows at or before `at`, back to its last key frame. */
export async function readRowChain(db: Db, sourceId: string, locationId: string, at: WallTime): Promise<RowChain> {
  const times: WallTime[] = [];
  const rows: RowRecord[] = [];
  let complete = true;
  for await (const [k, v] of db.iterator({
    ...range([PREFIX.row, sourceId, locationId], undefined, at),
    reverse: true,
  })) {
    const row = decodeRow(v);
    times.push(lastPart(k));
    rows.push(row);
    if ('frame' in row) {
      complete = false;
      break;
    }
  }
  return new RowChain(times.reverse(), rows.reverse(), at, complete);
}
