import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRow, diffSorted } from '../../store/records.js';

const sortedSet = fc
  .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 60 })
  .map((list) => list.sort((a, b) => a - b));

describe('row records', () => {
  it('a change row turns the free list before into the one after (what the writer stores, the readers apply)', () => {
    fc.assert(
      fc.property(sortedSet, sortedSet, (before, after) => {
        expect(applyRow(before, diffSorted(before, after))).toEqual(after);
      }),
    );
  });

  it('a key frame replaces the list', () => {
    expect(applyRow([1, 2, 3], { frame: [5, 7] })).toEqual([5, 7]);
  });
});
