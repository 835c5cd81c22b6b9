import type { Db } from './db.js';
import type { RecordOutcome } from './types.js';
import { key, lastPart, range, PREFIX } from './keys.js';
import {
  emptyInferenceState,
  countFree,
  forgetPastSlots,
  KEEP_PAST_SECONDS,
  inferChangedRow,
  inferRow,
  type InferredEvent,
} from './location-inference.js';
import { inferImproved, type ImprovedState } from './improved-inference.js';
import {
  AGGREGATE,
  decodeAggregate,
  decodeLocation,
  emptySourceRecord,
  diffSorted,
  encodeAggregate,
  FRAME_EVERY,
  sameSlots,
  encodeLocation,
  encodeRow,
  encodeSnapshot,
  type LocationRecord,
  type SourceRecord,
} from './records.js';
import { METRIC, rowMetricsOf } from './row-metrics.js';
import { addEvent } from './hourly-aggregate.js';
import { deleteRecordsAfter } from './orphan-records.js';
import { RollupSums } from './build-rollups.js';
import { decodeRollup, encodeRollup, mergeRollups } from './day-rollup.js';
import {
  floorHour,
  floorQuarter,
  formatWallTime,
  isoWeekOf,
  parseWallTime,
  type WallSeconds,
} from '../core/wall-clock.js';

export type { Db } from './db.js';
type Op = { type: 'put'; key: string; value: Uint8Array };

export interface IncomingRow {
  locationId: string;
  slots: WallSeconds[];
  name?: string;
}

type SlotChanges = { removed: WallSeconds[]; added: WallSeconds[] };
/** What an unchanged row changed. */
const NO_CHANGES: SlotChanges = { removed: [], added: [] };

/** Turns one source's snapshots into store operations and applies them as atomic batches. */
export class SourceWriter {
  private ops: Op[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private failed: unknown;
  private readonly dirty = new Set<string>();
  private readonly aggregates = new Map<string, Int32Array>();
  /** What the buffered snapshots add to their days' rollups. */
  private rollups = new RollupSums();
  /**
   * While an import may still fail: the values it replaced (states, totals, aggregates of the hour of the last
   * snapshot before it), to undo it. What it added is everything later than that snapshot (orphan-records.ts).
   */
  private undo:
    | { last: string | undefined; hour: string; day: string; replaced: Map<string, Uint8Array | undefined> }
    | undefined;
  private hourKey = { hour: Number.NaN, key: '' };

  private constructor(
    private readonly db: Db,
    readonly sourceId: string,
    private readonly meta: SourceRecord,
    private readonly states: Map<string, LocationRecord>,
    private readonly storedStates: Map<string, Uint8Array>,
    private readonly storedMeta: Uint8Array | undefined,
  ) {}

  static async load(db: Db, sourceId: string): Promise<SourceWriter> {
    const stored = await db.get(key(PREFIX.source, sourceId));
    const meta = stored ? (JSON.parse(Buffer.from(stored).toString('utf8')) as SourceRecord) : emptySourceRecord();
    // An undo cut short leaves records past the source's last snapshot: they go before anything new is written.
    await deleteRecordsAfter(db, sourceId, meta.locations, meta.last);
    const states = new Map<string, LocationRecord>();
    const storedStates = new Map<string, Uint8Array>();
    for await (const [k, v] of db.iterator(range([PREFIX.locationState, sourceId]))) {
      states.set(lastPart(k), decodeLocation(v));
      storedStates.set(k, v);
    }
    return new SourceWriter(db, sourceId, meta, states, storedStates, stored);
  }

  /** Remember what the following flushes change, so that `rollback` can restore the source as it was. */
  beginUndoable(): void {
    const last = this.meta.last;
    const hour = last === undefined ? '' : formatWallTime(floorHour(floorQuarter(parseWallTime(last))));
    this.undo = { last, hour, day: hour.slice(0, 10), replaced: new Map() };
  }

  /** Undo every flush since beginUndoable (the writer must not be used afterwards). */
  async rollback(): Promise<void> {
    if (!this.undo) return;
    await this.inflight.catch(() => undefined);
    const { last, replaced } = this.undo;
    const ops = [...replaced].map(([k, value]) =>
      value === undefined ? { type: 'del' as const, key: k } : { type: 'put' as const, key: k, value },
    );
    this.undo = undefined;
    this.ops = [];
    // First the source as it was (one atomic batch), then what lies past its last snapshot; load finishes that if cut
    // short.
    await this.db.batch(ops);
    await deleteRecordsAfter(this.db, this.sourceId, this.meta.locations, last);
  }

  /** Wait until everything flushed has landed. */
  async settle(): Promise<void> {
    await this.inflight;
    if (this.failed !== undefined) throw this.failed;
  }

  /** The newest snapshot time stored for this source. */
  get last(): string | undefined {
    return this.meta.last;
  }

  get pendingOps(): number {
    return this.ops.length;
  }

  /**
   * Buffer one snapshot (rows of one source at one time). `columns` are the week's slot columns;
   * `stableColumns` (a whole weekly file) lets unchanged rows skip the walk, which is then a no-op.
   */
  record(
    takenAt: string,
    rows: IncomingRow[],
    columns: (slot: WallSeconds) => boolean,
    stableColumns: boolean,
  ): RecordOutcome {
    if (this.meta.last !== undefined && takenAt <= this.meta.last)
      return { stored: false, changedLocations: 0, appointments: 0, cancellations: 0 };
    const time = parseWallTime(takenAt);
    const quarter = floorQuarter(time);
    const week = isoWeekOf(time);
    const outcome: RecordOutcome = { stored: true, changedLocations: 0, appointments: 0, cancellations: 0 };
    const present: number[] = [];
    const metrics = rowMetricsOf(rows.length);
    const sorted = [...rows].sort((a, b) => (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0));
    for (const [i, row] of sorted.entries()) {
      const id = row.locationId;
      let index = this.meta.locations.indexOf(id);
      if (index < 0) index = this.meta.locations.push(id) - 1;
      if (row.name) this.meta.names[id] = row.name;
      const state = this.states.get(id) ?? emptyLocationRecord();
      const sameWeek = state.lastRow !== undefined && state.lastRowWeek === week;
      if (!sameWeek) forgetPastSlots(state, quarter - KEEP_PAST_SECONDS);
      const unchanged = state.lastRow !== undefined && sameSlots(state.lastRow, row.slots);
      const rowMetrics = metrics[i]!;
      rowMetrics[METRIC.changed] = sameWeek && !unchanged ? 1 : 0;
      const changes =
        state.lastRow === undefined ? undefined : unchanged ? NO_CHANGES : diffSorted(state.lastRow, row.slots);
      if (changes && sameWeek && stableColumns) inferChangedRow(state, changes, quarter, rowMetrics);
      else inferRow(state, row.slots, columns, quarter, rowMetrics);
      this.inferImproved(state, row.slots, changes, time, quarter, id);
      countFree(row.slots, quarter, rowMetrics);
      if (!unchanged) {
        const frame = changes === undefined || state.sinceFrame >= FRAME_EVERY;
        this.put(key(PREFIX.row, this.sourceId, id, takenAt), encodeRow(frame ? { frame: row.slots } : changes));
        state.sinceFrame = frame ? 0 : state.sinceFrame + 1;
        outcome.changedLocations++;
      }
      state.lastRow = row.slots;
      state.lastRowWeek = week;
      this.states.set(id, state);
      this.dirty.add(id);
      outcome.appointments += rowMetrics[METRIC.appointments]!;
      outcome.cancellations += rowMetrics[METRIC.cancellations]!;
      present.push(index);
    }
    this.put(key(PREFIX.snapshot, this.sourceId, takenAt), encodeSnapshot({ locations: present, metrics }));
    this.rollups.addSnapshot(takenAt, present, metrics);
    this.meta.snapshots++;
    this.meta.changedRows += outcome.changedLocations;
    this.meta.appointments += outcome.appointments;
    this.meta.cancellations += outcome.cancellations;
    this.meta.first ??= takenAt;
    this.meta.last = takenAt;
    return outcome;
  }

  /** Add an operation to the next batch (run records, week columns). */
  put(k: string, value: Uint8Array): void {
    this.ops.push({ type: 'put', key: k, value });
  }

  /** Write everything buffered as one atomic batch, with the states and totals it leads to. */
  async flush(): Promise<void> {
    if (this.ops.length === 0) return;
    await this.settle();
    for (const id of this.dirty)
      this.put(key(PREFIX.locationState, this.sourceId, id), encodeLocation(this.states.get(id)!));
    const keys = [...this.aggregates.keys()];
    for (const [k, sum] of this.aggregates) this.rollups.addHourly(lastPart(k), sum);
    const days = this.rollups.days;
    const dayKeys = [...days.keys()].map((day) => key(PREFIX.dayRollup, this.sourceId, day));
    const [existing, existingDays] = await Promise.all([this.getMany(keys), this.getMany(dayKeys)]);
    [...days.values()].forEach((rollup, i) => {
      const before = existingDays[i];
      this.put(dayKeys[i]!, encodeRollup(before ? mergeRollups(decodeRollup(before), rollup) : rollup));
    });
    keys.forEach((k, i) => {
      const sum = this.aggregates.get(k)!;
      const before = existing[i];
      if (before) decodeAggregate(before).forEach((v, j) => (sum[j]! += v));
      this.put(k, encodeAggregate(sum));
    });
    this.put(key(PREFIX.source, this.sourceId), Buffer.from(JSON.stringify(this.meta)));
    if (this.undo) this.remember([...keys, ...dayKeys], [...existing, ...existingDays]);
    const ops = this.ops;
    this.ops = [];
    this.dirty.clear();
    this.aggregates.clear();
    this.rollups = new RollupSums();
    await this.db.batch(ops);
  }

  private remember(aggregateKeys: string[], aggregateValues: (Uint8Array | undefined)[]): void {
    const undo = this.undo!;
    const keep = (k: string, value: Uint8Array | undefined): void =>
      void (undo.replaced.has(k) || undo.replaced.set(k, value));
    keep(key(PREFIX.source, this.sourceId), this.storedMeta);
    for (const id of this.dirty)
      keep(
        key(PREFIX.locationState, this.sourceId, id),
        this.storedStates.get(key(PREFIX.locationState, this.sourceId, id)),
      );
    // Later hours and days than the last snapshot's did not exist before: deleteRecordsAfter removes them.
    aggregateKeys.forEach(
      (k, i) => lastPart(k) <= (k.startsWith(PREFIX.dayRollup) ? undo.day : undo.hour) && keep(k, aggregateValues[i]),
    );
  }

  private getMany(keys: string[]): Promise<(Uint8Array | undefined)[]> {
    return keys.length > 0 ? this.db.getMany(keys) : Promise.resolve([]);
  }

  /**
   * The improved rules run beside the published ones; their events (not the published ones) feed the hourly aggregates.
   */
  private inferImproved(
    state: LocationRecord,
    slots: WallSeconds[],
    changes: SlotChanges | undefined,
    time: WallSeconds,
    quarter: WallSeconds,
    id: string,
  ): void {
    if (changes === NO_CHANGES) {
      state.improvedQuarter = quarter;
      return;
    }
    const improved: ImprovedState = {
      previous: state.lastRow,
      lastQuarter: state.improvedQuarter,
      booked: state.improvedBooked,
    };
    for (const event of inferImproved(improved, slots, time, changes)) this.aggregate(id, quarter, event);
    state.improvedQuarter = improved.lastQuarter;
    state.improvedBooked = improved.booked;
  }

  private aggregate(locationId: string, quarter: WallSeconds, event: InferredEvent): void {
    const hour = floorHour(quarter);
    if (this.hourKey.hour !== hour) this.hourKey = { hour, key: formatWallTime(hour) };
    const k = key(PREFIX.hourly, this.sourceId, locationId, this.hourKey.key);
    let values = this.aggregates.get(k);
    if (!values) this.aggregates.set(k, (values = new Int32Array(AGGREGATE.size)));
    addEvent(values, quarter, event);
  }
}

const emptyLocationRecord = (): LocationRecord => ({
  ...emptyInferenceState(),
  lastRow: undefined,
  lastRowWeek: '',
  sinceFrame: 0,
  improvedQuarter: undefined,
  improvedBooked: [],
});
