import { SECONDS, floorDay, floorHour, floorWeek, type WallSeconds } from '../core/wall-clock.js';

/** 15 horizons in the published order: 0–4 hours, 0–4 days, 0–4 weeks ahead. */
export const HORIZON_LABELS = [
  '0h',
  '1h',
  '2h',
  '3h',
  '4h',
  '0d',
  '1d',
  '2d',
  '3d',
  '4d',
  '0w',
  '1w',
  '2w',
  '3w',
  '4w',
] as const;
export const HORIZONS = HORIZON_LABELS.length;

/** The floored reference points of one snapshot time, computed once per row. */
export interface HorizonBase {
  hour: WallSeconds;
  day: WallSeconds;
  week: WallSeconds;
}

export function horizonBase(quarter: WallSeconds): HorizonBase {
  return { hour: floorHour(quarter), day: floorDay(quarter), week: floorWeek(quarter) };
}

/** Calls `visit(index)` for each horizon (0..14) that `slot` lies in, seen from `base` (rule 7). */
export function forEachHorizon(base: HorizonBase, slot: WallSeconds, visit: (index: number) => void): void {
  const hours = (floorHour(slot) - base.hour) / SECONDS.HOUR;
  if (hours >= 0 && hours <= 4) visit(hours);
  const days = (floorDay(slot) - base.day) / SECONDS.DAY;
  if (days >= 0 && days <= 4) visit(5 + days);
  const weeks = (floorWeek(slot) - base.week) / SECONDS.WEEK;
  if (weeks >= 0 && weeks <= 4) visit(10 + weeks);
}
