import { describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../../core/berlin-time.js';
import { createSimClock, type SimClock } from '../../../scrapers/simulator/clock.js';
import { createSimulatedOffice, type SimulatedOffice } from '../../../scrapers/simulator/office.js';
import {
  parseHours,
  type LocationSpec,
  type OfficeSpec,
  type PublisherSpec,
} from '../../../scrapers/simulator/office-spec.js';
import type { WallTime } from '../../../scrapers/types.js';

const HOUR = 3_600_000;
// Tuesday 2026-03-10, 09:00 in Berlin.
const START = new Date('2026-03-10T08:00:00Z');
const HOURS = {
  mon: '08:00-12:00 14:00-18:00',
  tue: '08:00-12:00',
  wed: '07:30-12:30',
  thu: '08:00-12:00 14:00-18:00',
  fri: '08:00-12:00',
  sat: '09:00-11:00',
};

function spec(more: Partial<OfficeSpec> = {}, location: Partial<LocationSpec> = {}): OfficeSpec {
  return {
    sourceId: 'testhausen',
    system: 'tevis',
    name: 'Stadt Testhausen',
    city: 'Testhausen',
    locations: [
      { id: '11', name: 'Meldewesen', hours: HOURS, slotMinutes: 10, horizonDays: 35, demand: 1, ...location },
      { id: '12', name: 'Kfz-Zulassungswesen', hours: HOURS, slotMinutes: 15, horizonDays: 28, ...location },
    ],
    ...more,
  };
}

function office(
  more: Partial<OfficeSpec> = {},
  location: Partial<LocationSpec> = {},
  seed = 1,
): { clock: SimClock; office: SimulatedOffice } {
  const clock = createSimClock({ start: START, speed: 0 });
  return { clock, office: createSimulatedOffice(spec(more, location), clock, seed) };
}

const wall = (clock: SimClock): WallTime => toBerlinWallTime(clock.now());
function byDay(slots: WallTime[]): Map<string, WallTime[]> {
  const days = new Map<string, WallTime[]>();
  for (const slot of slots) days.set(slot.slice(0, 10), [...(days.get(slot.slice(0, 10)) ?? []), slot]);
  return days;
}

describe('a simulated office', () => {
  it('replays its ground truth: free slots now = before − bookings + cancellations − expired', () => {
    const { clock, office: o } = office({}, { cancellationRate: 0.5 });
    for (let step = 0; step < 12; step++) {
      const before = new Map(o.locations.map((l) => [l.id, new Set(o.freeSlots(l.id))]));
      const logged = o.groundTruth().length;
      clock.advance(HOUR);
      const now = wall(clock);
      for (const event of o.groundTruth().slice(logged)) {
        const free = before.get(event.locationId)!;
        expect(event.at <= now && event.slot > event.at).toBe(true);
        // A booking takes a free slot, a cancellation frees a taken one.
        expect(free.has(event.slot)).toBe(event.kind === 'booking');
        if (event.kind === 'booking') free.delete(event.slot);
        else free.add(event.slot);
      }
      for (const [id, free] of before) expect(o.freeSlots(id)).toEqual([...free].filter((s) => s > now).sort());
    }
    const kinds = new Set(o.groundTruth().map((e) => e.kind));
    expect(kinds).toEqual(new Set(['booking', 'cancellation']));
  });

  it('books more in the morning than in the evening', () => {
    const { clock, office: o } = office();
    clock.advance(14 * 24 * HOUR);
    const hours = o
      .groundTruth()
      .filter((e) => e.kind === 'booking')
      .map((e) => Number(e.at.slice(11, 13)));
    expect(hours.filter((h) => h >= 8 && h < 11).length).toBeGreaterThan(
      2 * hours.filter((h) => h >= 19 && h < 22).length,
    );
  });

  it('lets slots in the past expire', () => {
    const { clock, office: o } = office({}, { demand: 0 });
    const before = o.freeSlots('11');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((s) => s > wall(clock))).toBe(true);
    clock.advance(2 * HOUR);
    const now = wall(clock);
    expect(o.freeSlots('11')).toEqual(before.filter((s) => s > now));
    expect(o.freeSlots('11').length).toBeLessThan(before.length);
    expect(o.groundTruth()).toEqual([]);
  });

  it('shows a new day at midnight, horizonDays ahead', () => {
    const { clock, office: o } = office({}, { demand: 0 });
    clock.advance(14 * HOUR + 59 * 60_000); // Tuesday 23:59
    const lastBefore = o.freeSlots('11').at(-1)!;
    expect(lastBefore.slice(0, 10)).toBe(addDays('2026-03-10', 34));
    clock.advance(2 * 60_000); // Wednesday 00:01
    const slots = o.freeSlots('11');
    const newDay = addDays('2026-03-11', 34); // a Tuesday
    expect(slots.filter((s) => s > lastBefore)).toEqual(byDay(slots).get(newDay));
    expect(byDay(slots).get(newDay)?.[0]).toBe(`${newDay} 08:00:00`);
    expect(slots[0]!.slice(0, 10)).toBe('2026-03-11');
  });

  it('rolls its days over the change to summer time at Berlin midnight', () => {
    const clock = createSimClock({ start: new Date('2026-03-27T12:00:00Z'), speed: 0 });
    const o = createSimulatedOffice(spec({}, { demand: 0 }), clock, 1);
    clock.advance(3 * 24 * HOUR); // Monday 2026-03-30, 14:00 CEST
    expect(wall(clock)).toBe('2026-03-30 14:00:00');
    const slots = o.freeSlots('11');
    expect(slots[0]).toBe('2026-03-30 14:10:00');
    // The last day of the horizon, 2026-05-03, is a Sunday: closed.
    expect(slots.at(-1)!.slice(0, 10)).toBe(addDays('2026-03-30', 33));
  });

  it('keeps to the opening hours and slot length', () => {
    const { clock, office: o } = office();
    clock.advance(3 * 24 * HOUR);
    const slots = [
      ...o.freeSlots('11'),
      ...o
        .groundTruth()
        .filter((e) => e.locationId === '11')
        .map((e) => e.slot),
    ];
    expect(slots.length).toBeGreaterThan(100);
    for (const slot of slots) {
      const weekday = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[
        new Date(`${slot.slice(0, 10)}T00:00:00Z`).getUTCDay()
      ]!;
      const minute = Number(slot.slice(11, 13)) * 60 + Number(slot.slice(14, 16));
      const range = parseHours(HOURS[weekday as keyof typeof HOURS] ?? '').find(
        ([open, close]) => minute >= open && minute + 10 <= close,
      );
      expect(range, slot).toBeDefined();
      expect((minute - range![0]) % 10).toBe(0);
    }
  });

  it('is deterministic per seed, however often it is read', () => {
    const a = office({}, {}, 42);
    const b = office({}, {}, 42);
    for (let i = 0; i < 48; i++) {
      a.clock.advance(HOUR);
      a.office.freeSlots('11');
    }
    b.clock.advance(48 * HOUR);
    expect(b.office.groundTruth()).toEqual(a.office.groundTruth());
    expect(b.office.freeSlots('12')).toEqual(a.office.freeSlots('12'));
    const c = office({}, {}, 43);
    c.clock.advance(48 * HOUR);
    expect(c.office.groundTruth()).not.toEqual(a.office.groundTruth());
  });

  it('keepEvents: a long-running office keeps its recent events only, the same ones and the same state', () => {
    const all = office({}, {}, 42);
    const clock = createSimClock({ start: START, speed: 0 });
    const kept = createSimulatedOffice(spec(), clock, 42, { keepEvents: 5 });
    all.clock.advance(72 * HOUR);
    clock.advance(72 * HOUR);
    const events = all.office.groundTruth();
    expect(events.length).toBeGreaterThan(10);
    const recent = kept.groundTruth();
    expect(recent.length).toBeGreaterThanOrEqual(5);
    expect(recent.length).toBeLessThanOrEqual(10);
    expect(recent).toEqual(events.slice(-recent.length));
    expect(kept.freeSlots('11')).toEqual(all.office.freeSlots('11'));
  });

  it('an erratic publisher opens new days in bursts and hides whole days now and then', () => {
    const publisher: PublisherSpec = { kind: 'erratic', burstDays: 5, hideEveryHours: 2 };
    const { clock, office: o } = office({ publisher }, { demand: 0 });
    const truth = new Set(o.trueFreeSlots('11'));
    const hiddenDays = new Set<string>();
    let backAgain = 0;
    const lastDays: string[] = [''];
    for (let h = 0; h < 14 * 24; h++) {
      clock.advance(HOUR);
      const shown = byDay(o.freeSlots('11'));
      const real = byDay(o.trueFreeSlots('11'));
      for (const [day, slots] of real) {
        // Whole days or nothing: a shown day shows every true slot.
        if (shown.has(day)) {
          expect(shown.get(day)).toEqual(slots);
          if (hiddenDays.has(day)) backAgain++;
        } else if (day < [...shown.keys()].at(-1)!) hiddenDays.add(day);
      }
      const last = [...shown.keys()].at(-1)!;
      lastDays.push(last > lastDays.at(-1)! ? last : lastDays.at(-1)!);
    }
    lastDays.shift();
    expect(truth.size).toBeGreaterThan(0);
    // Days vanish and come back.
    expect(hiddenDays.size).toBeGreaterThan(3);
    expect(backAgain).toBeGreaterThan(0);
    const jumps = lastDays
      .slice(1)
      .map((day, i) => Math.round((Date.parse(day) - Date.parse(lastDays[i]!)) / (24 * HOUR)));
    // Two weeks of midnights, but the last day shown moves in a few jumps of several days.
    expect(jumps.filter((d) => d > 0).length).toBeLessThan(6);
    expect(jumps.some((d) => d >= 3)).toBe(true);
  });

  it('a slow-updates publisher shows a copy refreshed every few hours', () => {
    const { clock, office: o } = office({ publisher: { kind: 'slow-updates', refreshHours: 3 } }, { demand: 3 });
    const copy = o.freeSlots('11');
    expect(copy).toEqual(o.trueFreeSlots('11'));
    clock.advance(2 * HOUR + 50 * 60_000);
    const now = wall(clock);
    expect(o.freeSlots('11')).toEqual(copy.filter((s) => s > now));
    expect(o.trueFreeSlots('11')).not.toEqual(o.freeSlots('11'));
    clock.advance(20 * 60_000);
    expect(o.freeSlots('11')).not.toEqual(copy.filter((s) => s > wall(clock)));
    // The copy was taken at the refresh (3 h after start); bookings since then are not shown yet.
    const sinceRefresh = o.groundTruth().filter((e) => e.at > '2026-03-10 12:00:00');
    const shown = new Set(o.freeSlots('11'));
    for (const e of sinceRefresh.filter((e) => e.locationId === '11' && e.kind === 'booking'))
      expect(shown.has(e.slot)).toBe(true);
  });

  it('shows faults as scheduled, unless set by hand', () => {
    const { clock, office: o } = office({
      faults: [
        { kind: 'captcha', from: '2026-03-10 12:00:00', until: '2026-03-10 13:00:00' },
        { kind: 'http-500', everyMinutes: 120, forMinutes: 30, offsetMinutes: 60 },
      ],
    });
    expect(o.fault).toBeUndefined();
    clock.advance(HOUR + 10 * 60_000);
    expect(o.fault).toBe('http-500');
    clock.advance(30 * 60_000);
    expect(o.fault).toBeUndefined();
    clock.advance(HOUR + 30 * 60_000); // 12:10 Berlin
    expect(o.fault).toBe('captcha');
    o.fault = undefined;
    expect(o.fault).toBeUndefined();
    o.followFaultSchedule();
    expect(o.fault).toBe('captcha');
    expect(office({ faults: [{ kind: 'timeout', always: true }] }).office.fault).toBe('timeout');
  });

  it('answers an unknown location with no slots', () => {
    expect(office().office.freeSlots('nope')).toEqual([]);
  });
});
