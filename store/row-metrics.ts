import { HORIZONS } from './horizons.js';

/**
 * What the store infers for one location in one snapshot, in a fixed layout:
 * changed, appointments, cancellations, free_dates, free_dates horizons (15),
 * the published appointments horizons with their slip (15; metrics.md rule 8).
 */
export const METRIC = {
  changed: 0,
  appointments: 1,
  cancellations: 2,
  freeDates: 3,
  freeHorizon: 4,
  publishedAppointmentHorizon: 4 + HORIZONS,
  size: 4 + 2 * HORIZONS,
} as const;

export type RowMetrics = Int32Array;

export const newRowMetrics = (): RowMetrics => new Int32Array(METRIC.size);

/**
 * Metrics for `count` rows over one buffer: 34 numbers are past the size V8 keeps a typed array's memory in its
 * heap, so a buffer per row was an allocation of its own outside it, and one more to sweep, for every row imported.
 */
export function rowMetricsOf(count: number): RowMetrics[] {
  const buffer = new Int32Array(count * METRIC.size);
  return Array.from({ length: count }, (_, i) => buffer.subarray(i * METRIC.size, (i + 1) * METRIC.size));
}
