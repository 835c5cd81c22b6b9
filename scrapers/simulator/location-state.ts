import { addDays } from '../../core/berlin-time.js';
import type { WallTime } from '../types.js';
import { slotsOfDay, type LocationSpec } from './office-spec.js';

/** The true calendar of one location: the days in its horizon, their slots, which are booked. */
export class LocationState {
  /** Day 'YYYY-MM-DD' → its slot starts, ascending; iteration order is day order. */
  private readonly days = new Map<string, WallTime[]>();
  private readonly booked = new Set<WallTime>();

  constructor(readonly spec: LocationSpec) {}

  /** Make the horizon start at `today`: drop earlier days, add missing ones up to today + horizonDays − 1. */
  roll(today: string): string[] {
    for (const day of this.days.keys()) {
      if (day >= today) break;
      for (const slot of this.days.get(day) ?? []) this.booked.delete(slot);
      this.days.delete(day);
    }
    const added: string[] = [];
    for (let i = 0; i < this.spec.horizonDays; i++) {
      const day = addDays(today, i);
      if (this.days.has(day)) continue;
      this.days.set(day, slotsOfDay(this.spec, day));
      added.push(day);
    }
    return added;
  }

  dayList(): string[] {
    return [...this.days.keys()];
  }

  /** Free slots of one day starting after `now`. */
  freeOn(day: string, now: WallTime): WallTime[] {
    return (this.days.get(day) ?? []).filter((slot) => slot > now && !this.booked.has(slot));
  }

  /** Every free slot starting after `now`, ascending. */
  free(now: WallTime): WallTime[] {
    const slots: WallTime[] = [];
    for (const day of this.days.keys()) if (day >= now.slice(0, 10)) slots.push(...this.freeOn(day, now));
    return slots;
  }

  isBooked(slot: WallTime): boolean {
    return this.booked.has(slot);
  }

  book(slot: WallTime): void {
    this.booked.add(slot);
  }

  cancel(slot: WallTime): void {
    this.booked.delete(slot);
  }
}
