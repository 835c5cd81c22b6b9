import type { Random } from './random.js';

// Relative booking activity by Berlin hour: people book most in the morning, less in the evening, a few at night.
const BY_HOUR = [
  0.2, 0.15, 0.12, 0.12, 0.15, 0.25, 0.5, 1.0, 1.6, 1.6, 1.4, 1.2, 1.0, 0.9, 0.9, 0.8, 0.7, 0.65, 0.65, 0.65, 0.55,
  0.45, 0.35, 0.25,
];
// Sunday first, as Date.getUTCDay counts: Mondays are busiest, weekends quieter.
const BY_WEEKDAY = [0.5, 1.2, 1.0, 1.0, 1.0, 0.9, 0.55];

const PEAK = Math.max(...BY_HOUR) * Math.max(...BY_WEEKDAY);
const MEAN_DAY = (BY_HOUR.reduce((a, b) => a + b, 0) * BY_WEEKDAY.reduce((a, b) => a + b, 0)) / 7;

/** Booking activity at a wall-clock hour and weekday, relative to the peak (0…1]. */
export function activity(hour: number, weekday: number): number {
  return ((BY_HOUR[hour] ?? 0) * (BY_WEEKDAY[weekday] ?? 0)) / PEAK;
}

/** The peak rate (bookings per ms) at which a location averaging `perDay` bookings a day gets booking attempts. */
export function peakRatePerMs(perDay: number): number {
  return (perDay * PEAK) / MEAN_DAY / 3_600_000;
}

/** Days between booking and appointment: a fifth want the earliest slot, the rest plan some days ahead. */
export function leadDays(random: Random): number {
  if (random.next() < 0.2) return random.int(0, 1);
  return 1 + Math.floor(random.exponential(8));
}

/**
 * When a booking made at `bookedAt` for `slotAt` is cancelled: many on the last day, the others sometime in between.
 */
export function cancellationTime(random: Random, bookedAt: number, slotAt: number): number {
  const span = slotAt - bookedAt;
  if (random.next() < 0.4) return slotAt - Math.floor((0.02 + 0.93 * random.next()) * Math.min(span, 26 * 3_600_000));
  return bookedAt + Math.floor((0.05 + 0.9 * random.next()) * span);
}

/** Share of a day's slots already booked when the simulation starts, by days ahead: near days are nearly full. */
export function initialOccupancy(daysAhead: number, demand: number): number {
  return Math.min(0.97, demand * (0.05 + 0.85 * Math.exp(-daysAhead / 12)));
}
