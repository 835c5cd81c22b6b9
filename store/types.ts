import type { SnapshotReader } from './snapshot-reader.js';
import type { ScrapeRun, Snapshot, WallTime } from '../core/contract.js';

/** The free slots of one location as of one snapshot. */
export interface LocationState {
  takenAt: WallTime;
  slots: WallTime[];
}

/** Every location of a source at one snapshot (unchanged ones included). */
export interface StoredSnapshot {
  sourceId: string;
  takenAt: WallTime;
  locations: { locationId: string; slots: WallTime[] }[];
}

/** What recording one snapshot inferred. */
export interface RecordOutcome {
  /** false when the snapshot was already stored (idempotent). */
  stored: boolean;
  changedLocations: number;
  appointments: number;
  cancellations: number;
}

/** Bookings and cancellations inferred in one hour (Berlin wall clock 'YYYY-MM-DD HH:00:00'). */
export interface HourlyCount {
  hour: WallTime;
  appointments: number;
  cancellations: number;
}

export interface SourceStats {
  sourceId: string;
  snapshots: number;
  locations: number;
  changedRows: number;
  appointments: number;
  cancellations: number;
  first?: WallTime;
  last?: WallTime;
}

export type { ScrapeRun, Snapshot, WallTime };

/**
 * The only way into the database. Nothing outside store/ knows the key layout.
 * Ranges are inclusive Berlin wall-clock strings; omitted bounds are open.
 */
export interface SnapshotSummary {
  takenAt: WallTime;
  locations: number;
  free: number;
}

export interface OfficeStore {
  /** Dedupe, encode, infer bookings/cancellations, aggregate: one atomic batch. */
  recordSnapshot(snapshot: Snapshot, run?: ScrapeRun): Promise<RecordOutcome>;
  /** Keep the run record of an attempt (failed ones included) for the health view. */
  recordRun(run: ScrapeRun): Promise<void>;
  /** Source ids that have data, sorted. */
  listSources(): Promise<string[]>;
  /** Location ids of a source (sorted) with the last name seen, if any. */
  listLocations(sourceId: string): Promise<{ locationId: string; name?: string }[]>;
  /** Snapshot times of a source in [from, to], ascending. */
  snapshotTimes(sourceId: string, from?: WallTime, to?: WallTime): Promise<WallTime[]>;
  /** Every location's free slots at the snapshot taken at `takenAt` (exact), or undefined. */
  snapshotAt(sourceId: string, takenAt: WallTime): Promise<StoredSnapshot | undefined>;
  /** snapshotAt for a reader that steps through one source's history: it keeps what it read for the next step. */
  snapshotReader(sourceId: string): Pick<SnapshotReader, 'snapshotAt'>;
  /** The newest snapshot of a source, or undefined. */
  latestSnapshot(sourceId: string): Promise<StoredSnapshot | undefined>;
  /** When the newest snapshot of a source was taken, how many locations it had and how many free slots in all. */
  latestSummary(sourceId: string): Promise<SnapshotSummary | undefined>;
  /** The states of a location in [from, to]: the state in force at `from` first, then each change. */
  locationStates(sourceId: string, locationId: string, from?: WallTime, to?: WallTime): AsyncIterable<LocationState>;
  /** Run records of a source (all sources when undefined) started at or after `since` (ISO UTC), ascending. */
  runs(sourceId?: string, since?: string): Promise<ScrapeRun[]>;
  /** Inferred bookings and cancellations per hour in [from, to] for a source (or one of its locations). */
  hourly(sourceId: string, locationId?: string, from?: WallTime, to?: WallTime): Promise<HourlyCount[]>;
  /** Per-source totals. */
  stats(): Promise<SourceStats[]>;
  /** Called after every recorded snapshot (live updates for the TUI). Returns an unsubscribe function. */
  onSnapshot(listener: (sourceId: string, takenAt: WallTime) => void): () => void;
  close(): Promise<void>;
}
