import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SECONDS,
  floorDay,
  floorHour,
  floorQuarter,
  floorWeek,
  formatWallTime,
  isoWeekOf,
  isoWeekRange,
  parseWallTime,
} from '../../core/wall-clock.js';

const t = (text: string): number => {
  const seconds = parseWallTime(text);
  if (!Number.isFinite(seconds)) throw new Error(`bad test time ${text}`);
  return seconds;
};

describe('parseWallTime / formatWallTime', () => {
  it('read the published layout on a naive axis (no time zone, no DST)', () => {
    expect(formatWallTime(t('2021-07-12 00:03:33'))).toBe('2021-07-12 00:03:33');
    // 2021-03-28 02:30 does not exist in Berlin; the wall clock axis does not care (rule 1)
    expect(t('2021-03-28 03:00:00') - t('2021-03-28 01:00:00')).toBe(2 * SECONDS.HOUR);
    expect(t('2021-10-31 03:00:00') - t('2021-10-31 02:00:00')).toBe(SECONDS.HOUR);
  });

  it('reject what is not YYYY-MM-DD HH:MM:SS', () => {
    for (const bad of [
      '',
      '2021-07-12',
      '2021-07-12T00:03:33',
      '2021-07-12 00:03',
      '2021/07/12 00:03:33',
      '2021-07-1a 00:03:33',
      'date,source_id,locat',
    ]) {
      expect(parseWallTime(bad), bad).toBeNaN();
    }
  });

  it('reject impossible dates and times instead of rolling them over', () => {
    for (const bad of [
      '2021-02-30 00:00:00',
      '2021-13-01 00:00:00',
      '2021-07-32 00:00:00',
      '2021-07-12 24:00:00',
      '2021-07-12 10:60:00',
      '2021-00-10 00:00:00',
    ]) {
      expect(parseWallTime(bad), bad).toBeNaN();
    }
  });

  it('format as Date does, before 1970 too, and in any order of days (the day cache)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2_208_988_800, max: 4_102_444_799 }), { minLength: 1, maxLength: 20 }),
        (list) => {
          for (const seconds of list)
            expect(formatWallTime(seconds)).toBe(new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' '));
        },
      ),
    );
  });

  it('round-trip every second of 1970–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_799 }), (seconds) => {
        expect(parseWallTime(formatWallTime(seconds))).toBe(seconds);
      }),
    );
  });
});

describe('floors', () => {
  it('floor to the quarter, the hour, the day and the Monday', () => {
    const s = t('2021-07-18 23:59:59'); // a Sunday
    expect(formatWallTime(floorQuarter(s))).toBe('2021-07-18 23:45:00');
    expect(formatWallTime(floorQuarter(t('2021-07-12 00:03:33')))).toBe('2021-07-12 00:00:00');
    expect(formatWallTime(floorQuarter(t('2021-07-12 00:15:00')))).toBe('2021-07-12 00:15:00');
    expect(formatWallTime(floorHour(s))).toBe('2021-07-18 23:00:00');
    expect(formatWallTime(floorDay(s))).toBe('2021-07-18 00:00:00');
    expect(formatWallTime(floorWeek(s))).toBe('2021-07-12 00:00:00');
    expect(formatWallTime(floorWeek(t('2021-07-19 00:00:00')))).toBe('2021-07-19 00:00:00');
  });

  it('floor across year boundaries to the Monday of the ISO week', () => {
    expect(formatWallTime(floorWeek(t('2021-01-03 12:00:00')))).toBe('2020-12-28 00:00:00');
    expect(formatWallTime(floorWeek(t('2021-01-04 00:00:00')))).toBe('2021-01-04 00:00:00');
    expect(formatWallTime(floorWeek(t('2026-01-01 08:00:00')))).toBe('2025-12-29 00:00:00');
  });

  it('the Monday floor is a Monday at most 6 days 23:59:59 back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_799 }), (seconds) => {
        const monday = floorWeek(seconds);
        expect(new Date(monday * 1000).getUTCDay()).toBe(1);
        expect(Math.abs(monday % SECONDS.DAY)).toBe(0);
        expect(seconds - monday).toBeGreaterThanOrEqual(0);
        expect(seconds - monday).toBeLessThan(SECONDS.WEEK);
      }),
    );
  });
});

describe('ISO weeks', () => {
  it('label year boundaries as ISO 8601 does', () => {
    expect(isoWeekOf(t('2020-12-31 12:00:00'))).toBe('2020-53');
    expect(isoWeekOf(t('2021-01-03 23:59:59'))).toBe('2020-53');
    expect(isoWeekOf(t('2021-01-04 00:00:00'))).toBe('2021-01');
    expect(isoWeekOf(t('2021-07-12 00:03:33'))).toBe('2021-28');
    expect(isoWeekOf(t('2021-07-18 23:59:59'))).toBe('2021-28');
    expect(isoWeekOf(t('2024-12-30 00:00:00'))).toBe('2025-01');
    expect(isoWeekOf(t('2026-07-13 00:00:00'))).toBe('2026-29');
    expect(isoWeekOf(t('2026-07-19 23:59:59'))).toBe('2026-29');
    expect(isoWeekOf(t('2027-01-03 10:00:00'))).toBe('2026-53');
  });

  it('give the [Monday, next Monday) range of a label', () => {
    const range = (label: string) => isoWeekRange(label)?.map(formatWallTime);
    expect(range('2020-53')).toEqual(['2020-12-28 00:00:00', '2021-01-04 00:00:00']);
    expect(range('2021-01')).toEqual(['2021-01-04 00:00:00', '2021-01-11 00:00:00']);
    expect(range('2021-28')).toEqual(['2021-07-12 00:00:00', '2021-07-19 00:00:00']);
    expect(range('2026-29')).toEqual(['2026-07-13 00:00:00', '2026-07-20 00:00:00']);
    expect(range('2026-53')).toEqual(['2026-12-28 00:00:00', '2027-01-04 00:00:00']);
  });

  it('reject labels of weeks that do not exist', () => {
    for (const bad of ['2021-53', '2021-00', '2021-54', '2021-7', '21-28', '2021-W28', ''])
      expect(isoWeekRange(bad), bad).toBeUndefined();
  });

  it('every time lies in the range of its own week label', () => {
    fc.assert(
      fc.property(fc.integer({ min: 86_400 * 365, max: 4_102_444_799 }), (seconds) => {
        const [start, end] = isoWeekRange(isoWeekOf(seconds))!;
        expect(start).toBe(floorWeek(seconds));
        expect(end - start).toBe(SECONDS.WEEK);
        expect(seconds).toBeGreaterThanOrEqual(start);
        expect(seconds).toBeLessThan(end);
      }),
    );
  });
});
