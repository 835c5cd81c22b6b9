import { addDays, berlinWallTimeToDate } from '../../core/berlin-time.js';
import type { WallTime } from '../types.js';
import { activity, cancellationTime, initialOccupancy, leadDays, peakRatePerMs } from './demand.js';
import { LocationState } from './location-state.js';
import { slotsOfDay, type LocationSpec } from './office-spec.js';
import type { Random } from './random.js';

/** A change of the true state, as the ground truth records it. */
export interface Change {
  slot: WallTime;
  kind: 'booking' | 'cancellation';
}

/**
 * The people booking one location: booking attempts arrive as a Poisson process thinned by the hour of day,
 * a share of bookings is cancelled again before the slot. Its events are part of the office's timeline.
 */
export class LocationActivity {
  readonly state: LocationState;
  private readonly peakRate: number;
  private readonly cancellationRate: number;
  private nextAttempt: number;
  /** Pending cancellations, ascending by time. */
  private readonly cancellations: { at: number; slot: WallTime }[] = [];

  constructor(
    readonly spec: LocationSpec,
    private readonly random: Random,
    start: number,
  ) {
    this.state = new LocationState(spec);
    this.cancellationRate = spec.cancellationRate ?? 0.15;
    const week = Array.from({ length: 7 }, (_, i) => slotsOfDay(spec, addDays('2024-01-01', i)).length);
    this.peakRate = peakRatePerMs(((spec.demand ?? 0.9) * week.reduce((a, b) => a + b, 0)) / 7);
    this.nextAttempt = this.peakRate > 0 ? start + this.interval() : Infinity;
  }

  /**
   * Book a share of the slots after `now` (history before the start, not logged). Those bookings were made up to a
   * week before; the ones whose cancellation fell before the start are free again, the others may still be cancelled.
   */
  prefill(at: number, now: WallTime, shows: (day: string) => boolean): void {
    this.state.dayList().forEach((day, ahead) => {
      if (!shows(day)) return;
      for (const slot of this.state.freeOn(day, now)) {
        if (this.random.next() >= initialOccupancy(ahead, this.spec.demand ?? 0.9)) continue;
        const bookedAt = at - Math.floor(this.random.next() * Math.min(ahead + 1, 7) * 24 * 3_600_000);
        const cancelAt = this.cancellationAt(bookedAt, slot);
        if (cancelAt !== undefined && cancelAt <= at) continue;
        this.state.book(slot);
        if (cancelAt !== undefined) this.schedule(cancelAt, slot);
      }
    });
  }

  nextEventAt(): number {
    return Math.min(this.nextAttempt, this.cancellations[0]?.at ?? Infinity);
  }

  /** Handle the event due at `at` (= nextEventAt()); `now` is its wall time. */
  fire(at: number, now: WallTime, shows: (day: string) => boolean): Change | undefined {
    const cancellation = this.cancellations[0];
    if (cancellation && cancellation.at === at) {
      this.cancellations.shift();
      this.state.cancel(cancellation.slot);
      return { slot: cancellation.slot, kind: 'cancellation' };
    }
    this.nextAttempt = at + this.interval();
    const weekday = new Date(`${now.slice(0, 10)}T00:00:00Z`).getUTCDay();
    if (this.random.next() >= activity(Number(now.slice(11, 13)), weekday)) return undefined;
    const slot = this.choose(now, shows);
    if (!slot) return undefined;
    this.state.book(slot);
    const cancelAt = this.cancellationAt(at, slot);
    if (cancelAt !== undefined) this.schedule(cancelAt, slot);
    return { slot, kind: 'booking' };
  }

  private interval(): number {
    return Math.max(1, Math.ceil(this.random.exponential(1 / this.peakRate)));
  }

  /** A free slot on the wanted day, else the next later day with one, else the nearest earlier one. */
  private choose(now: WallTime, shows: (day: string) => boolean): WallTime | undefined {
    const days = this.state.dayList().filter((day) => day >= now.slice(0, 10) && shows(day));
    const wanted = addDays(now, leadDays(this.random));
    const order = [...days.filter((day) => day >= wanted), ...days.filter((day) => day < wanted).reverse()];
    for (const day of order) {
      const free = this.state.freeOn(day, now);
      if (free.length > 0) return this.random.pick(free);
    }
    return undefined;
  }

  /** When a booking will be cancelled, if it will. */
  private cancellationAt(bookedAt: number, slot: WallTime): number | undefined {
    if (this.random.next() >= this.cancellationRate) return undefined;
    return cancellationTime(this.random, bookedAt, berlinWallTimeToDate(slot).getTime());
  }

  private schedule(at: number, slot: WallTime): void {
    let i = this.cancellations.length;
    while (i > 0 && (this.cancellations[i - 1]?.at ?? 0) > at) i--;
    this.cancellations.splice(i, 0, { at, slot });
  }
}
