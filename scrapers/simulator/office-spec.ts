import type { SystemName, WallTime } from '../types.js';
import type { FaultKind, SimLocation } from './types.js';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday as ranges, e.g. { mon: '08:00-12:00 14:00-18:00' }; a missing day is closed. */
export type OpeningHours = Partial<Record<Weekday, string>>;

export interface LocationSpec extends SimLocation {
  hours: OpeningHours;
  /** Minutes between slot starts (5–30). */
  slotMinutes: number;
  /** Days the calendar shows, today included (28–42). */
  horizonDays: number;
  /** Expected bookings per day relative to the slots a day offers on average (default 0.9). */
  demand?: number;
  /** Share of bookings that are cancelled again later (default 0.15). */
  cancellationRate?: number;
}

/**
 * How the site shows the true state: 'regular' as it is; 'erratic' publishes new days in bursts and
 * hides whole days now and then; 'slow-updates' shows a copy refreshed only every `refreshHours`.
 */
export type PublisherSpec =
  | { kind: 'regular' }
  | { kind: 'erratic'; burstDays?: number; hideEveryHours?: number }
  | { kind: 'slow-updates'; refreshHours?: number };

/** A fault shown always, in one period, or periodically (minutes counted from the office's creation). */
export type FaultSpec =
  | { kind: FaultKind; always: true }
  | { kind: FaultKind; from: WallTime; until: WallTime }
  | { kind: FaultKind; everyMinutes: number; forMinutes: number; offsetMinutes?: number };

export interface OfficeSpec {
  sourceId: string;
  system: SystemName;
  name: string;
  city: string;
  locations: LocationSpec[];
  publisher?: PublisherSpec;
  faults?: FaultSpec[];
}

/** The slot starts of one location on one day ('YYYY-MM-DD'), ascending: a slot must end by closing time. */
export function slotsOfDay(location: LocationSpec, day: string): WallTime[] {
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 'sun';
  const slots: WallTime[] = [];
  for (const [open, close] of parseHours(location.hours[weekday] ?? '')) {
    for (let m = open; m + location.slotMinutes <= close; m += location.slotMinutes) slots.push(`${day} ${hhmm(m)}:00`);
  }
  return slots.sort();
}

/** '08:00-12:00 14:00-18:00' → [[480, 720], [840, 1080]]. A malformed spec is a bug of the caller. */
export function parseHours(text: string): [number, number][] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((range) => {
      const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(range);
      if (!match) throw new Error(`opening hours "${range}" are not HH:MM-HH:MM`);
      const [open, close] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
      if (open >= close || close > 24 * 60) throw new Error(`opening hours "${range}" are empty or past midnight`);
      return [open, close];
    });
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
