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
