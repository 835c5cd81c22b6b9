import type { RowOf } from './parquet-table.js';

/**
 * The history as three long tables (export --parquet). Times are Berlin wall clock; every table is partitioned
 * by the ISO week of its snapshot time.
 */

/** A slot's run of being free: free in every snapshot of its location from `free_from` to `free_to` (inclusive). */
export const SLOT_COLUMNS = {
  source: 'text',
  location: 'text',
  location_name: 'text',
  slot: 'wall-time',
  free_from: 'wall-time',
  free_to: 'wall-time',
  /** The location's snapshots in the run: the free-slot cells it stands for. */
  snapshots: 'int',
} as const;

/** An inferred booking or cancellation, by the published rules or the improved ones. */
export const EVENT_COLUMNS = {
  source: 'text',
  location: 'text',
  kind: 'text',
  slot: 'wall-time',
  seen_at: 'wall-time',
  /** Whole hours from the snapshot's hour to the slot's hour (metrics.md rule 7). */
  horizon_hours: 'int',
  rules: 'text',
} as const;

/** A stored snapshot of a source, or a scrape that failed. */
export const SNAPSHOT_COLUMNS = {
  source: 'text',
  taken_at: 'wall-time',
  locations: 'int',
  free_slots: 'int',
  status: 'text',
  error: 'text',
} as const;

export type SlotRow = RowOf<typeof SLOT_COLUMNS>;
export type EventRow = RowOf<typeof EVENT_COLUMNS>;
export type SnapshotRow = RowOf<typeof SNAPSHOT_COLUMNS>;

/** Where the rows of one week go. */
export interface WeekSink {
  slot(row: SlotRow): void;
  event(row: EventRow): void;
  snapshot(row: SnapshotRow): void;
}
