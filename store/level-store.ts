import { key, lastPart, range, PREFIX } from './keys.js';
import {
  addSnapshotMetrics,
  AGGREGATE,
  applyRow,
  decodeAggregate,
  decodeRow,
  decodeSnapshot,
  type SnapshotRecord,
  type SourceRecord,
} from './records.js';
import { readRowChain } from './row-chain.js';
import { SnapshotReader } from './snapshot-reader.js';
import { SourceWriter, type Db } from './source-writer.js';
import { StoreError } from './store-error.js';
import { METRIC } from './row-metrics.js';
import type {
  HourlyCount,
  LocationState,
  OfficeStore,
  RecordOutcome,
  ScrapeRun,
  Snapshot,
  SnapshotSummary,
  SourceStats,
  StoredSnapshot,
  WallTime,
} from './types.js';
import { formatWallTime, isoWeekOf, parseWallTime, type WallSeconds } from '../core/wall-clock.js';
import { readSortedTimes, writeSortedTimes, ByteReader, ByteWriter } from './varint.js';
import { cleanId } from './keys.js';
import { dailyCounts } from './daily-counts.js';

const toSeconds = (slots: readonly string[]): WallSeconds[] =>
  [...new Set(slots.map(parseWallTime).filter(Number.isFinite))].sort((a, b) => a - b);
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/** The OfficeStore on one LevelDB folder. */
export class LevelStore implements OfficeStore {
  private readonly writers = new Map<string, Promise<SourceWriter>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(sourceId: string, takenAt: WallTime) => void>();

  constructor(readonly db: Db) {}

  /** The writer of a source, loaded once; import and live recording share it. */
  writer(sourceId: string): Promise<SourceWriter> {
    let writer = this.writers.get(sourceId);
    if (!writer) this.writers.set(sourceId, (writer = SourceWriter.load(this.db, sourceId)));
    return writer;
  }

  /** Drop the cached writers (after an import was undone, their memory is stale). */
  forgetWriters(): void {
    this.writers.clear();
  }

  /** Run `task` after the source's previous writes: one writer at a time per source. */
  serialize<T>(sourceId: string, task: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(sourceId) ?? Promise.resolve()).then(task, task);
    this.queues.set(
      sourceId,
      next.catch(() => undefined),
    );
    return next;
  }

  notify(sourceId: string, takenAt: WallTime): void {
    for (const listener of this.listeners) listener(sourceId, takenAt);
  }

  recordSnapshot(snapshot: Snapshot, run?: ScrapeRun): Promise<RecordOutcome> {
    const sourceId = cleanId(snapshot.sourceId);
    if (!Number.isFinite(parseWallTime(snapshot.takenAt)))
      return Promise.reject(
        new StoreError('BAD_INPUT', `"${snapshot.takenAt}" is not a snapshot time like 2021-07-12 00:03:33.`),
      );
    return this.serialize(sourceId, async () => {
      const writer = await this.writer(sourceId);
      const rows = snapshot.locations.map((l) => ({
        locationId: cleanId(l.locationId),
        name: l.name,
        slots: toSeconds(l.slots),
      }));
      const weekKey = key(PREFIX.week, sourceId, isoWeekOf(parseWallTime(snapshot.takenAt)));
      const stored = await this.db.get(weekKey);
      const columns = new Set(stored ? readSortedTimes(new ByteReader(stored)) : []);
      for (const row of rows) for (const slot of row.slots) columns.add(slot);
      const outcome = writer.record(snapshot.takenAt, rows, (slot) => columns.has(slot), false);
      if (outcome.stored) {
        const week = new ByteWriter();
        writeSortedTimes(
          week,
          [...columns].sort((a, b) => a - b),
        );
        writer.put(weekKey, week.finish());
      }
      if (run) writer.put(key(PREFIX.run, sourceId, run.startedAt), Buffer.from(JSON.stringify(run)));
      await writer.flush();
      await writer.settle();
      if (outcome.stored) this.notify(sourceId, snapshot.takenAt);
      return outcome;
    });
  }

  async recordRun(run: ScrapeRun): Promise<void> {
    await this.db.put(key(PREFIX.run, cleanId(run.sourceId), run.startedAt), Buffer.from(JSON.stringify(run)));
  }

  async listSources(): Promise<string[]> {
    const sources: string[] = [];
    for await (const k of this.db.keys(range([PREFIX.source]))) sources.push(lastPart(k));
    return sources;
  }

  async source(sourceId: string): Promise<SourceRecord | undefined> {
    const stored = await this.db.get(key(PREFIX.source, sourceId));
    return stored ? (JSON.parse(text(stored)) as SourceRecord) : undefined;
  }

  async listLocations(sourceId: string): Promise<{ locationId: string; name?: string }[]> {
    const source = await this.source(sourceId);
    if (!source) return [];
    return [...source.locations].sort().map((locationId) => {
      const name = source.names[locationId];
      return name === undefined ? { locationId } : { locationId, name };
    });
  }

  async snapshotTimes(sourceId: string, from?: WallTime, to?: WallTime): Promise<WallTime[]> {
    const times: WallTime[] = [];
    for await (const k of this.db.keys(range([PREFIX.snapshot, sourceId], from, to))) times.push(lastPart(k));
    return times;
  }

  /** Snapshot records of a source in [from, to], decoded, with the source's location dictionary. */
  async *snapshotRecords(sourceId: string, from?: WallTime, to?: WallTime): AsyncGenerator<[WallTime, SnapshotRecord]> {
    for await (const [k, v] of this.db.iterator(range([PREFIX.snapshot, sourceId], from, to)))
      yield [lastPart(k), decodeSnapshot(v)];
  }

  /**
   * Add the metrics of each snapshot in the range into `sums`, at the offset `offsetOf` gives a snapshot time and
   * location index.
   */
  async sumSnapshotMetrics(
    sourceId: string,
    from: WallTime,
    to: WallTime,
    sums: Int32Array,
    offsetOf: (takenAt: WallTime, location: number) => number,
  ): Promise<void> {
    for await (const [k, v] of this.db.iterator(range([PREFIX.snapshot, sourceId], from, to))) {
      const takenAt = lastPart(k);
      addSnapshotMetrics(v, sums, (location) => offsetOf(takenAt, location));
    }
  }

  snapshotAt(sourceId: string, takenAt: WallTime): Promise<StoredSnapshot | undefined> {
    return this.snapshotReader(sourceId).snapshotAt(takenAt);
  }

  snapshotReader(sourceId: string): SnapshotReader {
    return new SnapshotReader(this.db, sourceId, () => this.source(sourceId));
  }

  async latestSnapshot(sourceId: string): Promise<StoredSnapshot | undefined> {
    const last = (await this.source(sourceId))?.last;
    return last ? this.snapshotAt(sourceId, last) : undefined;
  }

  async latestSummary(sourceId: string): Promise<SnapshotSummary | undefined> {
    const last = (await this.source(sourceId))?.last;
    const stored = last ? await this.db.get(key(PREFIX.snapshot, sourceId, last)) : undefined;
    if (!last || !stored) return undefined;
    // The snapshot's record counted each location's free slots (free_dates): no location's rows to read.
    const { metrics } = decodeSnapshot(stored);
    return {
      takenAt: last,
      locations: metrics.length,
      free: metrics.reduce((sum, values) => sum + values[METRIC.freeDates]!, 0),
    };
  }

  /** A location's free slots in force at `at`: back to the last key frame, then forward. */
  async stateAt(sourceId: string, locationId: string, at: WallTime): Promise<WallSeconds[]> {
    return (await readRowChain(this.db, sourceId, locationId, at)).stateAt(at);
  }

  async *locationStates(
    sourceId: string,
    locationId: string,
    from?: WallTime,
    to?: WallTime,
  ): AsyncGenerator<LocationState> {
    let state: WallSeconds[] = [];
    if (from !== undefined) {
      state = await this.stateAt(sourceId, locationId, from);
      yield { takenAt: from, slots: state.map(formatWallTime) };
    }
    for await (const [k, v] of this.db.iterator(range([PREFIX.row, sourceId, locationId], from, to))) {
      const takenAt = lastPart(k);
      state = applyRow(state, decodeRow(v));
      if (takenAt !== from) yield { takenAt, slots: state.map(formatWallTime) };
    }
  }

  /** Like locationStates, in seconds, for bulk readers (export). */
  async *locationRows(
    sourceId: string,
    locationId: string,
    from: WallTime,
    to: WallTime,
  ): AsyncGenerator<[WallTime, WallSeconds[]]> {
    let state = await this.stateAt(sourceId, locationId, from);
    yield [from, state];
    for await (const [k, v] of this.db.iterator({
      gt: key(PREFIX.row, sourceId, locationId, from),
      lte: range([PREFIX.row, sourceId, locationId], from, to).lte,
    })) {
      state = applyRow(state, decodeRow(v));
      yield [lastPart(k), state];
    }
  }

  async runs(sourceId?: string, since?: string): Promise<ScrapeRun[]> {
    const runs: ScrapeRun[] = [];
    const options = sourceId === undefined ? range([PREFIX.run]) : range([PREFIX.run, sourceId], since);
    for await (const value of this.db.values(options)) {
      const run = JSON.parse(text(value)) as ScrapeRun;
      if (since === undefined || run.startedAt >= since) runs.push(run);
    }
    return sourceId === undefined ? runs.sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1)) : runs;
  }

  async hourly(sourceId: string, locationId?: string, from?: WallTime, to?: WallTime): Promise<HourlyCount[]> {
    const locations = locationId === undefined ? ((await this.source(sourceId))?.locations ?? []) : [locationId];
    const hours = new Map<string, HourlyCount>();
    for (const location of locations) {
      for await (const [k, v] of this.db.iterator(range([PREFIX.hourly, sourceId, location], from, to))) {
        const hour = lastPart(k);
        const values = decodeAggregate(v);
        const count = hours.get(hour) ?? { hour, appointments: 0, cancellations: 0 };
        count.appointments += values[AGGREGATE.appointments]!;
        count.cancellations += values[AGGREGATE.cancellations]!;
        hours.set(hour, count);
      }
    }
    return [...hours.values()].sort((a, b) => (a.hour < b.hour ? -1 : 1));
  }

  /**
   * Like hourly for a whole source, a day's counts at its 00:00 hour where the range holds the day whole
   * (daily-counts.ts).
   */
  daily(sourceId: string, from: WallTime, to: WallTime): Promise<HourlyCount[]> {
    return dailyCounts(this, sourceId, from, to);
  }

  async stats(): Promise<SourceStats[]> {
    const stats: SourceStats[] = [];
    for await (const [k, v] of this.db.iterator(range([PREFIX.source]))) {
      const source = JSON.parse(text(v)) as SourceRecord;
      const entry: SourceStats = {
        sourceId: lastPart(k),
        snapshots: source.snapshots,
        locations: source.locations.length,
        changedRows: source.changedRows,
        appointments: source.appointments,
        cancellations: source.cancellations,
      };
      if (source.first) entry.first = source.first;
      if (source.last) entry.last = source.last;
      stats.push(entry);
    }
    return stats;
  }

  onSnapshot(listener: (sourceId: string, takenAt: WallTime) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()]);
    await this.db.close();
  }
}
