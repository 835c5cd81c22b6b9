import { addDays, berlinWallTimeToDate, toBerlinWallTime } from '../../core/berlin-time.js';
import type { SystemName, WallTime } from '../types.js';
import type { SimClock } from './clock.js';
import { scheduledFault } from './faults.js';
import { LocationActivity } from './location-activity.js';
import type { OfficeSpec } from './office-spec.js';
import { createPublisher, type Publisher } from './publisher.js';
import { createRandom, deriveSeed } from './random.js';
import type { FaultKind, SimLocation, SimOffice } from './types.js';

/** One true change of a simulated office: what the inference should find. */
export interface GroundTruthEvent {
  /** When it happened, Berlin wall clock. */
  at: WallTime;
  locationId: string;
  slot: WallTime;
  kind: 'booking' | 'cancellation';
}

/** A simulated office: a SimOffice whose state follows its clock, and which knows its true bookings. */
export interface SimulatedOffice extends SimOffice {
  readonly spec: OfficeSpec;
  /**
   * Run the model up to `instant` (an earlier instant changes nothing). Reading the office does this up to clock.now().
   */
  advanceTo(instant: Date): void;
  /** The true free slots (the site may show otherwise: see spec.publisher). */
  trueFreeSlots(locationId: string): WallTime[];
  /** Every booking and cancellation since the office was created (the last `keepEvents` of them), in time order. */
  groundTruth(): readonly GroundTruthEvent[];
  /** The fault shown now: spec.faults, unless one was set by hand (undefined set by hand = none). */
  fault: FaultKind | undefined;
  /** Drop a fault set by hand and follow spec.faults again. */
  followFaultSchedule(): void;
}

/**
 * The office's state at an instant depends only on spec, seed and its creation time, never on how often it was
 * read: every random draw belongs to an event, and events are replayed in time order (ties in a fixed order).
 */
export function createSimulatedOffice(
  spec: OfficeSpec,
  clock: SimClock,
  seed: number,
  options: { keepEvents?: number } = {},
): SimulatedOffice {
  return new OfficeModel(spec, clock, seed, options.keepEvents ?? Number.POSITIVE_INFINITY);
}

class OfficeModel implements SimulatedOffice {
  readonly sourceId: string;
  readonly system: SystemName;
  readonly name: string;
  readonly city: string;
  readonly locations: SimLocation[];
  private readonly activities = new Map<string, LocationActivity>();
  private readonly publisher: Publisher;
  private readonly log: GroundTruthEvent[] = [];
  /** Events fired so far (the state changes only with one), and the published lists last read, per location. */
  private events = 0;
  private readonly published = new Map<string, { key: string; slots: WallTime[] }>();
  private readonly createdAt: number;
  private today: string;
  private nextMidnight: number;
  private override: { fault: FaultKind | undefined } | undefined;

  constructor(
    readonly spec: OfficeSpec,
    private readonly clock: SimClock,
    seed: number,
    private readonly keepEvents: number,
  ) {
    ({ sourceId: this.sourceId, system: this.system, name: this.name, city: this.city } = spec);
    this.locations = spec.locations.map(({ id, name }) => ({ id, name }));
    this.createdAt = clock.now().getTime();
    const now = toBerlinWallTime(new Date(this.createdAt));
    this.today = now.slice(0, 10);
    this.nextMidnight = midnightAfter(this.today);
    for (const location of spec.locations) {
      const activity = new LocationActivity(
        location,
        createRandom(deriveSeed(seed, `${spec.sourceId}/${location.id}`)),
        this.createdAt,
      );
      activity.state.roll(this.today);
      this.activities.set(location.id, activity);
    }
    this.publisher = createPublisher(spec.publisher ?? { kind: 'regular' }, {
      start: this.createdAt,
      random: createRandom(deriveSeed(seed, `${spec.sourceId}#publisher`)),
      locationIds: spec.locations.map((l) => l.id),
      horizonDays: Math.max(1, ...spec.locations.map((l) => l.horizonDays)),
      today: () => this.today,
      truth: (id, at) => this.activities.get(id)?.state.free(at) ?? [],
    });
    const shows = (day: string) => this.publisher.shows(day);
    for (const activity of this.activities.values()) activity.prefill(this.createdAt, now, shows);
    this.publisher.begin(this.createdAt);
  }

  now(): Date {
    return this.clock.now();
  }

  get fault(): FaultKind | undefined {
    if (this.override) return this.override.fault;
    const now = this.clock.now();
    return scheduledFault(this.spec.faults ?? [], now.getTime(), this.createdAt, toBerlinWallTime(now));
  }

  set fault(fault: FaultKind | undefined) {
    this.override = { fault };
  }

  followFaultSchedule(): void {
    this.override = undefined;
  }

  freeSlots(locationId: string): WallTime[] {
    const now = this.clock.now();
    this.advanceTo(now);
    if (!this.activities.has(locationId)) return [];
    // Slots start on whole minutes, so within one minute and between two events the list stays the same:
    // the requests of a scrape (one per day, at the demo's 60× clock) share it.
    const wall = toBerlinWallTime(now);
    const key = `${this.events}|${wall.slice(0, 16)}`;
    const known = this.published.get(locationId);
    if (known?.key === key) return known.slots;
    const slots = Object.freeze(this.publisher.published(locationId, wall)) as WallTime[];
    this.published.set(locationId, { key, slots });
    return slots;
  }

  trueFreeSlots(locationId: string): WallTime[] {
    const now = this.clock.now();
    this.advanceTo(now);
    return this.activities.get(locationId)?.state.free(toBerlinWallTime(now)) ?? [];
  }

  groundTruth(): readonly GroundTruthEvent[] {
    this.advanceTo(this.clock.now());
    return this.log;
  }

  advanceTo(instant: Date): void {
    const target = instant.getTime();
    const shows = (day: string) => this.publisher.shows(day);
    for (;;) {
      const publisherAt = this.publisher.nextEventAt();
      let next = Math.min(this.nextMidnight, publisherAt);
      for (const activity of this.activities.values()) next = Math.min(next, activity.nextEventAt());
      if (next > target) break;
      this.events++;
      if (next === this.nextMidnight) {
        this.today = toBerlinWallTime(new Date(next)).slice(0, 10);
        this.nextMidnight = midnightAfter(this.today);
        for (const activity of this.activities.values()) activity.state.roll(this.today);
      } else if (next === publisherAt) {
        this.publisher.fire(next);
      } else {
        const [id, activity] = [...this.activities].find(([, a]) => a.nextEventAt() === next) ?? [];
        const at = toBerlinWallTime(new Date(next));
        const change = activity?.fire(next, at, shows);
        if (id !== undefined && change) this.log.push({ at, locationId: id, ...change });
        // A long-running world (the demo) keeps the recent events only, dropping them in chunks.
        if (this.log.length > 2 * this.keepEvents) this.log.splice(0, this.log.length - this.keepEvents);
      }
    }
  }
}

function midnightAfter(day: string): number {
  return berlinWallTimeToDate(`${addDays(day, 1)} 00:00:00`).getTime();
}
