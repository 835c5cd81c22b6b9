import { describe, expect, it } from 'vitest';
import { emptyImprovedState, inferImproved, slotLength } from '../../store/improved-inference.js';
import { decodeLocation, encodeLocation, type LocationRecord } from '../../store/records.js';
import { ByteWriter, writeSortedTimes } from '../../store/varint.js';
import { parseWallTime } from '../../core/wall-clock.js';

const t = (text: string) => parseWallTime(text.length === 16 ? `${text}:00` : text);
const slots = (...texts: string[]) => texts.map(t).sort((a, b) => a - b);

/** Feed rows [time, free slots] and return every event as 'kind slot'. */
function run(rows: [string, number[]][]): string[] {
  const state = emptyImprovedState();
  return rows.flatMap(([time, free]) =>
    inferImproved(state, free, t(time)).map((e) => `${e.kind} ${new Date(e.slot * 1000).toISOString().slice(0, 16)}`),
  );
}

const DAY2 = ['2024-07-10 09:00', '2024-07-10 09:15', '2024-07-10 09:30'];

describe('improved inference', () => {
  it('counts a slot that vanished as a booking, and nothing on the first row', () => {
    expect(
      run([
        ['2024-07-08 10:00', slots(...DAY2)],
        ['2024-07-08 10:15', slots(DAY2[0]!, DAY2[2]!)],
      ]),
    ).toEqual(['appointment 2024-07-10T09:15']);
  });

  it('does not count slots that expired or closed for booking', () => {
    const free = slots('2024-07-08 10:10', '2024-07-08 10:40', '2024-07-08 11:00', ...DAY2);
    expect(
      run([
        ['2024-07-08 10:00', free],
        ['2024-07-08 10:15', free.slice(2)], // 10:10 is past, 10:40 closed (today, before every free slot)
      ]),
    ).toEqual([]);
  });

  it('does not count a whole day vanishing, nor its coming back', () => {
    const other = ['2024-07-11 09:00', '2024-07-11 09:15'];
    expect(
      run([
        ['2024-07-08 10:00', slots(...DAY2, ...other)],
        ['2024-07-08 10:15', slots(...other)],
        ['2024-07-08 10:30', slots(...DAY2, ...other)],
      ]),
    ).toEqual([]);
  });

  it('counts a cancellation for a booked slot, and for a slot coming back on a day the site showed', () => {
    expect(
      run([
        ['2024-07-08 10:00', slots(...DAY2)],
        ['2024-07-08 10:15', slots(DAY2[0]!, DAY2[2]!)],
        ['2024-07-08 10:30', slots(...DAY2, '2024-07-10 10:00')],
      ]),
    ).toEqual(['appointment 2024-07-10T09:15', 'cancellation 2024-07-10T09:15', 'cancellation 2024-07-10T10:00']);
  });

  it('does not count new days past the end of the calendar as cancellations', () => {
    expect(
      run([
        ['2024-07-08 10:00', slots(...DAY2)],
        ['2024-07-08 10:15', slots(...DAY2, '2024-07-11 09:00')],
      ]),
    ).toEqual([]);
  });

  it('counts across a gap of up to three hours, not across a longer one', () => {
    expect(
      run([
        ['2024-07-08 10:00', slots(...DAY2)],
        ['2024-07-08 12:00', slots(DAY2[0]!, DAY2[2]!)],
        ['2024-07-08 16:00', slots(DAY2[2]!)],
      ]),
    ).toEqual(['appointment 2024-07-10T09:15']);
  });

  it('estimates the slot length from the free slots', () => {
    expect(slotLength(slots('2024-07-10 09:00', '2024-07-10 09:20', '2024-07-10 09:30'))).toBe(600);
    expect(slotLength([])).toBe(900);
  });

  it('keeps the improved state in the location record, and reads records written before it', () => {
    const record: LocationRecord = {
      free: [1, 2],
      taken: new Set([3]),
      lastQuarter: 900,
      lastRow: [1, 2],
      lastRowWeek: '2024-28',
      sinceFrame: 4,
      improvedQuarter: 1800,
      improvedBooked: [3600, 7200],
    };
    expect(decodeLocation(encodeLocation(record))).toEqual(record);
    const old = new ByteWriter();
    writeSortedTimes(old, [1, 2]);
    writeSortedTimes(old, [3]);
    old.uint(900 / 60 + 1);
    old.uint(1);
    writeSortedTimes(old, [1, 2]);
    old.string('2024-28');
    old.uint(4);
    expect(decodeLocation(old.finish())).toEqual({ ...record, improvedQuarter: undefined, improvedBooked: [] });
  });
});
