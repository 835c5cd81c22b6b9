import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import type { WallTime } from '../types.js';
import type { PublisherSpec } from './office-spec.js';
import type { Random } from './random.js';

const HOUR = 3_600_000;

/** What the office's web site shows of its true state. Its own changes are events of the office's timeline. */
export interface Publisher {
  /** Called once the true state at the office's creation (`at`) is set up. */
  begin(at: number): void;
  /** When the publisher changes next (Infinity: never). */
  nextEventAt(): number;
  /** Apply its changes due at `at` (= nextEventAt()). */
  fire(at: number): void;
  /** Whether a day is on the site, so it can be booked online. */
  shows(day: string): boolean;
  /** The slots the site shows for a location at `now`. */
  published(locationId: string, now: WallTime): WallTime[];
}

export interface PublisherContext {
  /** The office's creation instant. */
  start: number;
  random: Random;
  locationIds: string[];
  /** The longest horizon of the office's locations, in days. */
  horizonDays: number;
  today(): string;
  /** The true free slots of a location after `now`. */
  truth(locationId: string, now: WallTime): WallTime[];
}

export function createPublisher(spec: PublisherSpec, context: PublisherContext): Publisher {
  switch (spec.kind) {
    case 'regular':
      return {
        begin() {},
        nextEventAt: () => Infinity,
        fire() {},
        shows: () => true,
        published: (id, now) => context.truth(id, now),
      };
    case 'slow-updates':
      return slowUpdates(spec.refreshHours ?? 4, context);
    case 'erratic':
      return erratic(spec.burstDays ?? 7, spec.hideEveryHours ?? 6, context);
  }
}

/** Shows a copy of the true state taken every `refreshHours` (past slots still drop out, as any page hides them). */
function slowUpdates(refreshHours: number, { locationIds, truth }: PublisherContext): Publisher {
  const copies = new Map<string, WallTime[]>();
  let next = Infinity;
  const refresh = (at: number): void => {
    const now = toBerlinWallTime(new Date(at));
    for (const id of locationIds) copies.set(id, truth(id, now));
    next = at + refreshHours * HOUR;
  };
  return {
    begin: refresh,
    nextEventAt: () => next,
    fire: refresh,
    shows: () => true,
    published: (id, now) => (copies.get(id) ?? []).filter((slot) => slot > now),
  };
}

/** Opens new days in bursts every ~`burstDays`, and hides a whole day for some hours every ~`hideEveryHours`. */
function erratic(
  burstDays: number,
  hideEveryHours: number,
  { start, random, horizonDays, today, truth }: PublisherContext,
): Publisher {
  const lastDay = (): string => addDays(today(), horizonDays - 1);
  let openUntil = addDays(lastDay(), -random.int(0, Math.max(0, burstDays - 1)));
  let nextBurst = start + Math.floor(random.next() * burstDays * 24 * HOUR);
  let nextHide = start + Math.ceil(random.exponential(hideEveryHours * HOUR));
  const hidden = new Map<string, number>();
  const shows = (day: string): boolean => day <= openUntil && !hidden.has(day);
  return {
    begin() {},
    nextEventAt: () => Math.min(nextBurst, nextHide, ...hidden.values()),
    fire(at) {
      for (const [day, until] of hidden) if (until <= at) hidden.delete(day);
      if (nextBurst <= at) {
        openUntil = lastDay();
        nextBurst = at + Math.floor((0.7 + 0.6 * random.next()) * burstDays * 24 * HOUR);
      }
      if (nextHide <= at) {
        const day = addDays(today(), random.int(1, Math.max(1, horizonDays - 1)));
        if (day <= openUntil && !hidden.has(day)) hidden.set(day, at + Math.floor((1 + 9 * random.next()) * HOUR));
        nextHide = at + Math.ceil(random.exponential(hideEveryHours * HOUR));
      }
    },
    shows,
    published: (id, now) => truth(id, now).filter((slot) => shows(slot.slice(0, 10))),
  };
}
