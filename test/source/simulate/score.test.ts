import { describe, expect, it } from 'vitest';
import type { GroundTruthEvent } from '../../../scrapers/simulator/office.js';
import { formatScore } from '../../../source/simulate/score-format.js';
import { inferBoth, matchEvents, rates } from '../../../source/simulate/score-match.js';
import { scoreInference } from '../../../source/simulate/score.js';

const rows = [
  {
    takenAt: '2024-07-08 10:00:00',
    slots: ['2024-07-08 10:10:00', '2024-07-10 09:00:00', '2024-07-10 09:15:00', '2024-07-10 09:30:00'],
  },
  { takenAt: '2024-07-08 10:15:00', slots: ['2024-07-10 09:00:00', '2024-07-10 09:30:00'] },
];
const truth: GroundTruthEvent[] = [
  { at: '2024-07-08 10:07:00', locationId: 'a', slot: '2024-07-10 09:15:00', kind: 'booking' },
];
const window = { first: '2024-07-08 10:00:00', last: '2024-07-08 10:15:00' };

describe('scoring the inference', () => {
  it('matches a known booking and does not count a known expiry', () => {
    const { improved } = inferBoth({ locationId: 'a', rows });
    expect(improved.map((e) => [e.kind, e.slot, e.since, e.at])).toEqual([
      ['booking', '2024-07-10 09:15:00', '2024-07-08 10:00:00', '2024-07-08 10:15:00'],
    ]);
    expect(matchEvents(improved, truth, 'booking', window)).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
      inferred: 1,
      truth: 1,
      matched: 1,
    });
  });

  it('only matches a true event between the previous and this snapshot, each once', () => {
    const inferred = [
      {
        locationId: 'a',
        slot: '2024-07-10 09:15:00',
        kind: 'booking' as const,
        at: '2024-07-08 10:15:00',
        since: '2024-07-08 10:00:00',
      },
      {
        locationId: 'a',
        slot: '2024-07-10 09:15:00',
        kind: 'booking' as const,
        at: '2024-07-08 10:15:00',
        since: '2024-07-08 10:00:00',
      },
    ];
    expect(matchEvents(inferred, truth, 'booking', window)).toMatchObject({ matched: 1, precision: 0.5, recall: 1 });
    const late = [{ ...truth[0]!, at: '2024-07-08 09:59:00' }];
    expect(
      matchEvents(inferred.slice(0, 1), late, 'booking', { ...window, first: '2024-07-08 09:00:00' }),
    ).toMatchObject({ matched: 0, truth: 1 });
    expect(matchEvents([], truth, 'cancellation', window)).toMatchObject({ precision: null, recall: null, f1: null });
  });

  it('computes F1 from precision and recall', () => {
    expect(rates(4, 2, 2)).toMatchObject({ precision: 0.5, recall: 1, f1: 0.667 });
  });
});

describe('scoring ZMS like the others', () => {
  it('finds the bookings and cancellations of a regular publisher (F1 ≥ 0.95) when paced, none refused', async () => {
    const report = await scoreInference({ systems: ['zms'], days: 0.5 });
    expect(report.behaviours.map((b) => [b.behaviour, b.system])).toEqual([['regular', 'zms']]);
    const [zms] = report.behaviours;
    expect(zms!.snapshots).toBe(report.rounds + 1);
    expect(zms!.locations).toBe(2);
    expect(zms!.bookings.improved.f1).toBeGreaterThanOrEqual(0.95);
    expect(zms!.cancellations.improved.f1).toBeGreaterThanOrEqual(0.95);
    expect(zms!.refusals).toBe(0);
    expect(zms!.storeAgrees).toBe(true);
    expect(formatScore(report)).toMatch(/^regular\s+zms\s+bookings\s+improved\s+1\.000/m);
  });
});
