import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell } from '../../store/formula-cell.js';

const RUNNABLE = /^(?:[=@\t\r]|[+-](?![\d./-]*$))/;
/** Strings rich in the characters that matter here. */
const cellText = fc
  .array(fc.constantFrom('=', '@', '+', '-', "'", '\t', '\r', '/', '1', '.', 'a', ' ', '('), { maxLength: 8 })
  .map((a) => a.join(''));

describe('neutraliseCell / restoreCell', () => {
  it('leaves ids and numbers alone, prefixes what a spreadsheet would run', () => {
    for (const plain of ['bonn', 'fuhrerscheinwesen', '255/3068', '-/3068', '255/-', '-5', '+49', '-1.5', '', "it's"])
      expect(neutraliseCell(plain)).toBe(plain);
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('-2+3+cmd')).toBe("'-2+3+cmd");
    expect(neutraliseCell('+cmd|x')).toBe("'+cmd|x");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell("'=x")).toBe("''=x");
  });

  it('never lets a formula through, and restoreCell gives back the id', () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string()), (id) => {
        const cell = neutraliseCell(id);
        expect(RUNNABLE.test(cell)).toBe(false);
        expect(restoreCell(cell)).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });
});
