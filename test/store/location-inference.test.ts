import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HORIZON_LABELS } from '../../store/horizons.js';
import { importWeeklyFiles } from '../../store/import-weeks.js';
import { openStore } from '../../store/index.js';
import fc from 'fast-check';
import {
  countFree,
  emptyInferenceState,
  inferChangedRow,
  inferRow,
  type InferenceState,
  type InferredEvent,
} from '../../store/location-inference.js';
import { diffSorted } from '../../store/records.js';
import { METRIC, newRowMetrics } from '../../store/row-metrics.js';
import { floorQuarter, formatWallTime, parseWallTime } from '../../core/wall-clock.js';

const T = (text: string): number => {
  const seconds = parseWallTime(text.length === 16 ? `${text}:00` : text);
  if (!Number.isFinite(seconds)) throw new Error(`bad test time ${text}`);
  return seconds;
};

interface Step {
  appointments: number;
  cancellations: number;
  events: string[];
  /** The published (rule 8) appointment horizons that are non-zero, by label. */
  published: Record<string, number>;
}

/**
 * One snapshot of one location: free slots now, at `taken` (floored as the store does); `columns` default to every slot
 * mentioned.
 */
function step(state: InferenceState, taken: string, free: string[], columns?: string[]): Step {
  const metrics = newRowMetrics();
  const events: InferredEvent[] = [];
  const now = free.map(T).sort((a, b) => a - b);
  const columnSet = columns ? new Set(columns.map(T)) : undefined;
  inferRow(
    state,
    now,
    (slot) => columnSet?.has(slot) ?? true,
    floorQuarter(T(taken)),
    metrics,
    (e) => events.push(e),
  );
  const published: Record<string, number> = {};
  HORIZON_LABELS.forEach((label, h) => {
    const value = metrics[METRIC.publishedAppointmentHorizon + h]!;
    if (value !== 0) published[label] = value;
  });
  return {
    appointments: metrics[METRIC.appointments]!,
    cancellations: metrics[METRIC.cancellations]!,
    events: events.map((e) => `${e.kind} ${formatWallTime(e.slot).slice(0, 16)}`),
    published,
  };
}

const freeList = (state: InferenceState): string[] => state.free.map((s) => formatWallTime(s).slice(0, 16));

/** free_dates horizons of one snapshot, non-zero ones by label. */
function horizons(taken: string, free: string[]): Record<string, number> {
  const metrics = newRowMetrics();
  countFree(
    free.map(T).sort((a, b) => a - b),
    floorQuarter(T(taken)),
    metrics,
  );
  const out: Record<string, number> = { free: metrics[METRIC.freeDates]! };
  HORIZON_LABELS.forEach((label, h) => {
    const value = metrics[METRIC.freeHorizon + h]!;
    if (value !== 0) out[label] = value;
  });
  return out;
}

const A = '2021-07-13 09:00';
const B = '2021-07-13 09:15';
const C = '2021-07-13 09:30';
const D = '2021-07-13 09:45';
const E = '2021-07-13 10:00';

describe('inferRow: the published rules (metrics.md)', () => {
  it('rule 2: a location’s first snapshot only updates the state', () => {
    const state = emptyInferenceState();
    expect(step(state, '2021-07-12 10:00', [A, B, C])).toMatchObject({ appointments: 0, cancellations: 0, events: [] });
    expect(freeList(state)).toEqual([A, B, C]);
    expect(state.lastQuarter).toBe(T('2021-07-12 10:00'));
  });

  it('rule 4: a slot gone from the middle is a booking', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C]);
    expect(step(state, '2021-07-12 10:15', [A, C])).toMatchObject({ appointments: 1, events: [`appointment ${B}`] });
    expect(freeList(state)).toEqual([A, C]);
    expect([...state.taken].map((s) => formatWallTime(s).slice(0, 16))).toEqual([B]);
  });

  it('rule 4: the earliest free slot going is not counted (it most likely expired)', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C]);
    expect(step(state, '2021-07-12 10:15', [B, C])).toMatchObject({ appointments: 0, cancellations: 0 });
    expect(freeList(state)).toEqual([B, C]);
    expect(state.taken.has(T(A))).toBe(true);
  });

  it('rule 4: the latest free slot going is not counted (it fell off the horizon)', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C]);
    expect(step(state, '2021-07-12 10:15', [A, B]).appointments).toBe(0);
    expect(state.taken.has(T(C))).toBe(true);
  });

  it('rule 4: the ascending walk skips a whole run vanishing off the front, not only its first slot', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C, D, E]);
    // A is the smallest, then B becomes the smallest, then C: none is counted
    expect(step(state, '2021-07-12 10:15', [D, E])).toMatchObject({ appointments: 0, events: [] });
    expect(freeList(state)).toEqual([D, E]);
  });

  it('rule 4: a run vanishing off the front plus a gap in the middle counts only the gap', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C, D, E]);
    expect(step(state, '2021-07-12 10:15', [C, E])).toMatchObject({ appointments: 1, events: [`appointment ${D}`] });
  });

  it('rule 4: with a single slot in free, its going does count', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A]);
    expect(step(state, '2021-07-12 10:15', [])).toMatchObject({ appointments: 1, events: [`appointment ${A}`] });
    expect(freeList(state)).toEqual([]);
  });

  it('rule 4: with two slots both going, the first is the smallest and the second then the single one', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B]);
    expect(step(state, '2021-07-12 10:15', [])).toMatchObject({ appointments: 1, events: [`appointment ${B}`] });
  });

  it('rule 4: a taken slot free again is a cancellation, and is free again', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C]);
    step(state, '2021-07-12 10:15', [A, C]);
    expect(step(state, '2021-07-12 10:30', [A, B, C])).toMatchObject({
      appointments: 0,
      cancellations: 1,
      events: [`cancellation ${B}`],
    });
    expect(freeList(state)).toEqual([A, B, C]);
    expect(state.taken.size).toBe(0);
    // an expired-looking slot (smallest, not counted) coming back is still a cancellation
    step(state, '2021-07-12 10:45', [B, C]);
    expect(step(state, '2021-07-12 11:00', [A, B, C]).cancellations).toBe(1);
  });

  it('rule 4: a slot never seen before is just added', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B]);
    expect(step(state, '2021-07-12 10:15', [A, B, C])).toMatchObject({ appointments: 0, cancellations: 0 });
    expect(freeList(state)).toEqual([A, B, C]);
  });

  it('rule 2: 15 minutes apart counts; 30 minutes apart only updates the state', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [A, B, C, D]);
    expect(step(state, '2021-07-12 10:30', [A, C, D])).toMatchObject({ appointments: 0, events: [] });
    expect(freeList(state)).toEqual([A, C, D]);
    expect(state.taken.has(T(B))).toBe(true);
    // back on the 15-minute beat: counts again; B coming back is a cancellation
    expect(step(state, '2021-07-12 10:45', [A, B, D])).toMatchObject({ appointments: 1, cancellations: 1 });
    // after a gap a cancellation is not counted either, but the state moves
    step(state, '2021-07-12 11:00', [A, D]);
    expect(step(state, '2021-07-12 12:00', [A, B, D])).toMatchObject({ cancellations: 0 });
    expect(state.taken.has(T(B))).toBe(false);
  });

  it('rule 1+2: the gap is taken between floored times', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:14:59', [A, B, C]);
    // 15:02 apart, but floored 10:00 → 10:30: a gap
    expect(step(state, '2021-07-12 10:30:01', [A, C]).appointments).toBe(0);
    const other = emptyInferenceState();
    step(other, '2021-07-12 10:00:01', [A, B, C]);
    // 15:58 apart, floored 10:00 → 10:15: counted
    expect(step(other, '2021-07-12 10:15:59', [A, C]).appointments).toBe(1);
    // two snapshots in the same quarter count too
    expect(step(other, '2021-07-12 10:16:30', [C, D, E]).appointments).toBe(0);
    expect(step(other, '2021-07-12 10:17:00', [C, E]).appointments).toBe(1);
  });

  it('rule 4: slots that are no column of this week stay in free, and still count as smallest and largest', () => {
    const state = emptyInferenceState();
    // last week: A…E free; this week's file has only C and D as columns (A, B, E are not visited)
    step(state, '2021-07-18 23:45', [A, B, C, D, E]);
    const columns = [C, D];
    // C goes: free is still A…E, so C is neither smallest nor largest → counted
    expect(step(state, '2021-07-19 00:00', [D], columns)).toMatchObject({
      appointments: 1,
      events: [`appointment ${C}`],
    });
    expect(freeList(state)).toEqual([A, B, D, E]);
    // D goes: A and E keep it in the middle → counted
    expect(step(state, '2021-07-19 00:15', [], columns).appointments).toBe(1);
    expect(freeList(state)).toEqual([A, B, E]);
  });

  it('rule 4: the same slots as columns are visited and take the skip', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-18 23:45', [A, B, C, D, E]);
    expect(step(state, '2021-07-19 00:00', [D], [A, B, C, D, E]).appointments).toBe(0);
  });

  it('rule 8: the published appointment horizons keep only the horizons of the last counted appointment', () => {
    const state = emptyInferenceState();
    const at = '2021-07-12 10:00'; // a Monday
    const twoDays = '2021-07-14 10:00';
    const nineDays = '2021-07-21 10:00';
    step(state, at, ['2021-07-12 11:00', twoDays, nineDays, '2021-07-30 10:00']);
    const result = step(state, '2021-07-12 10:15', ['2021-07-12 11:00', '2021-07-30 10:00']);
    expect(result.appointments).toBe(2);
    expect(result.events).toEqual([`appointment ${twoDays}`, `appointment ${nineDays}`]);
    expect(result.published).toEqual({ '1w': 1 });
  });

  it('rule 8: appointments in the same horizon add up; a cancellation does not touch the tally', () => {
    const state = emptyInferenceState();
    step(state, '2021-07-12 10:00', [
      '2021-07-12 10:30',
      '2021-07-12 11:00',
      '2021-07-12 11:15',
      '2021-07-12 11:30',
      '2021-07-13 09:00',
      '2021-07-30 10:00',
    ]);
    step(state, '2021-07-12 10:15', [
      '2021-07-12 10:30',
      '2021-07-12 11:00',
      '2021-07-12 11:30',
      '2021-07-13 09:00',
      '2021-07-30 10:00',
    ]);
    // 11:00 and 11:30 booked (1h, 0d, 0w each), 11:15 cancelled
    const result = step(state, '2021-07-12 10:30', [
      '2021-07-12 10:30',
      '2021-07-12 11:15',
      '2021-07-13 09:00',
      '2021-07-30 10:00',
    ]);
    expect(result).toMatchObject({ appointments: 2, cancellations: 1 });
    expect(result.published).toEqual({ '1h': 2, '0d': 2, '0w': 2 });
  });
});

describe('countFree: free_dates and its horizons (rules 6, 7)', () => {
  it('counts every free slot, and each horizon by floored differences', () => {
    expect(
      horizons('2021-07-12 10:07:00', [
        '2021-07-12 10:50',
        '2021-07-12 11:00',
        '2021-07-12 14:59',
        '2021-07-12 15:00',
        '2021-07-13 00:00',
        '2021-07-16 23:59',
        '2021-07-17 00:00',
      ]),
    ).toEqual({
      free: 7,
      '0h': 1,
      '1h': 1,
      '4h': 1,
      '0d': 4,
      '1d': 1,
      '4d': 1,
      '0w': 7,
    });
  });

  it('a Sunday 23:45 snapshot sees a Monday slot 1h, 1d and 1w ahead', () => {
    expect(horizons('2021-07-18 23:45:10', ['2021-07-19 00:00'])).toEqual({ free: 1, '1h': 1, '1d': 1, '1w': 1 });
    // 23:45 → 04:30 is 5 hours on the hour floors: no hour horizon
    expect(horizons('2021-07-18 23:59:59', ['2021-07-19 04:30'])).toEqual({ free: 1, '1d': 1, '1w': 1 });
  });

  it('the hour horizon floors the snapshot time first (10:59 → 10:00)', () => {
    expect(horizons('2021-07-12 10:59:00', ['2021-07-12 10:15', '2021-07-12 11:00'])).toMatchObject({
      '0h': 1,
      '1h': 1,
    });
  });

  it('weeks run Monday to Sunday, up to 4 ahead; earlier days of the week are 0w, later weeks count in free', () => {
    expect(
      horizons('2021-07-14 12:00:00', [
        '2021-07-12 08:00',
        '2021-07-18 23:00',
        '2021-07-19 08:00',
        '2021-08-15 08:00',
        '2021-08-16 08:00',
      ]),
    ).toEqual({ free: 5, '4d': 1, '0w': 2, '1w': 1, '4w': 1 });
    expect(horizons('2021-07-14 12:00:00', ['2021-07-11 23:59'])).toEqual({ free: 1 });
    expect(horizons('2021-07-14 12:00:00', [])).toEqual({ free: 0 });
  });
});

describe('state across weeks through the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-inference-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const csv = (columns: string[], rows: [string, string, string[]][]): string => {
    const header = `date,source_id,location_id${columns.map((c) => `,${c}:00`).join('')}`;
    const lines = rows.map(
      ([date, location, free]) =>
        `${date},town,${location}${columns.map((c) => (free.includes(c) ? ',1' : ',')).join('')}`,
    );
    return `${[header, ...lines].join('\r\n')}\r\n`;
  };

  it('carries free/taken and the 15-minute beat from one week’s file into the next', async () => {
    // week 28: A…E free for x; y only seen once
    const week28 = join(dir, '2021-28.csv');
    writeFileSync(
      week28,
      csv(
        [A, B, C, D, E],
        [
          ['2021-07-18 23:30:05', 'x', [A, B, C, D, E]],
          ['2021-07-18 23:30:05', 'y', [A, B, C]],
          ['2021-07-18 23:45:05', 'x', [A, B, C, D, E]],
          ['2021-07-18 23:45:05', 'y', [A, B, C]],
        ],
      ),
    );
    // week 29: only C and D are columns; x's C and D go 15 minutes after the last snapshot of week 28
    const week29 = join(dir, '2021-29.csv');
    writeFileSync(
      week29,
      csv(
        [C, D],
        [
          ['2021-07-19 00:00:07', 'x', []],
          ['2021-07-19 00:00:07', 'y', [C]],
          ['2021-07-19 00:15:07', 'x', []],
          ['2021-07-19 00:15:07', 'y', [C, D]],
        ],
      ),
    );
    const store = await openStore(join(dir, 'db'));
    try {
      const first = await importWeeklyFiles(store, [week28]);
      expect(first).toMatchObject({ snapshots: 2, appointments: 0, cancellations: 0 });
      const second = await importWeeklyFiles(store, [week29]);
      // x: C and D booked (A, B, E are no columns of week 29 and keep them in the middle); y: C stays, nothing else
      // visited
      expect(second).toMatchObject({ snapshots: 2, appointments: 2, cancellations: 0 });
      const records = [];
      for await (const [time, record] of store.snapshotRecords('town', '2021-07-19 00:00:00'))
        records.push({
          time,
          changed: record.metrics.map((m) => m[METRIC.changed]),
          appointments: record.metrics.map((m) => m[METRIC.appointments]),
        });
      // rule 5: the first row of each location in the week's file is not "changed", even though it differs from last
      // week's
      expect(records).toEqual([
        { time: '2021-07-19 00:00:07', changed: [0, 0], appointments: [2, 0] },
        { time: '2021-07-19 00:15:07', changed: [0, 1], appointments: [0, 0] },
      ]);
      expect((await store.stats())[0]).toMatchObject({
        sourceId: 'town',
        snapshots: 4,
        appointments: 2,
        cancellations: 0,
      });
    } finally {
      await store.close();
    }
  });

  it('a failed import leaves what earlier imports of the same process stored', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, csv([A, B], [['2021-07-12 10:00:00', 'x', [A, B]]]));
    const next = join(dir, 'next.csv');
    writeFileSync(next, csv([C], [['2021-07-19 10:00:00', 'x', [C]]]));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${csv([D, E], [['2021-07-26 10:00:00', 'x', [D]]])}2021-07-26 10:15:00,town,x,2,\r\n`);
    const store = await openStore(join(dir, 'db-rollback'));
    try {
      await importWeeklyFiles(store, [good]);
      const before = await store.stats();
      // next.csv is written, then bad.csv fails: the import is undone back to where it began, not further
      await expect(importWeeklyFiles(store, [next, bad])).rejects.toThrow(/bad\.csv line 3/);
      expect(await store.listSources()).toEqual(['town']);
      expect(await store.stats()).toEqual(before);
      expect(await store.snapshotTimes('town')).toEqual(['2021-07-12 10:00:00']);
    } finally {
      await store.close();
    }
  });

  it('snapshots a bad file read before failing do not leak into the next import', async () => {
    const bad = join(dir, 'leaky.csv');
    const header = 'date,source_id,location_id,2021-07-13 09:00:00\r\n';
    writeFileSync(
      bad,
      `${header}2021-07-12 10:00:00,leak,x,1\r\n2021-07-12 10:15:00,leak,x,1\r\n2021-07-12 10:30:00,leak,x,3\r\n`,
    );
    const good = join(dir, 'clean.csv');
    writeFileSync(good, `${header}2021-07-12 10:00:00,clean,x,1\r\n`);
    const store = await openStore(join(dir, 'db-leak'));
    try {
      await expect(importWeeklyFiles(store, [bad])).rejects.toThrow(/leaky\.csv line 4/);
      expect(await importWeeklyFiles(store, [good])).toMatchObject({ sources: 1, snapshots: 1 });
      expect(await store.listSources()).toEqual(['clean']);
    } finally {
      await store.close();
    }
  });
});

describe('inferChangedRow', () => {
  it('within one weekly file gives exactly what the full walk gives, row by row (state from a past week too)', () => {
    const base = T('2021-07-12 00:00');
    const earlier = [base - 86_400, base - 3600]; // slots of an earlier week's file: remembered, never columns here
    const columns = Array.from({ length: 24 }, (_, i) => base + 86_400 + i * 1800);
    const isColumn = (slot: number) => columns.includes(slot);
    const row = fc.subarray(columns).map((slots) => [...slots].sort((a, b) => a - b));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 12 }),
        fc.array(fc.constantFrom(900, 900, 1800, 7200), { minLength: 12, maxLength: 12 }),
        (rows, gaps) => {
          const full: InferenceState = { ...emptyInferenceState(), free: [...earlier] };
          const changed: InferenceState = { ...emptyInferenceState(), free: [...earlier] };
          let quarter = base;
          rows.forEach((slots, i) => {
            quarter += gaps[i]!;
            const [a, b] = [newRowMetrics(), newRowMetrics()];
            inferRow(full, slots, isColumn, quarter, a);
            if (i === 0) inferRow(changed, slots, isColumn, quarter, b);
            else inferChangedRow(changed, diffSorted(rows[i - 1]!, slots), quarter, b);
            expect([...b]).toEqual([...a]);
            expect({ ...changed, taken: [...changed.taken].sort() }).toEqual({
              ...full,
              taken: [...full.taken].sort(),
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
