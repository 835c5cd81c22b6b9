import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../source/closest-name.js';

const COMMANDS = ['import', 'export', 'metrics', 'stats', 'check', 'insights', 'list', 'snapshot', 'watch', 'alerts'];

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('export', 'export')).toBe(0);
    expect(editDistance('exprot', 'export')).toBe(1);
    expect(editDistance('exort', 'export')).toBe(1);
    expect(editDistance('exxport', 'export')).toBe(1);
    expect(editDistance('expert', 'export')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});

describe('closestName', () => {
  it('names the command a typo meant', () => {
    expect(closestName('exprot', COMMANDS)).toBe('export');
    expect(closestName('improt', COMMANDS)).toBe('import');
    expect(closestName('stat', COMMANDS)).toBe('stats');
    expect(closestName('snapshots', COMMANDS)).toBe('snapshot');
    expect(closestName('Watch', COMMANDS)).toBe('watch');
  });

  it('takes a prefix that only one name has', () => {
    expect(closestName('exp', COMMANDS)).toBe('export');
    expect(closestName('sn', COMMANDS)).toBe('snapshot');
    expect(closestName('s', COMMANDS)).toBeUndefined();
  });

  it('names none when none is near, or two are equally near', () => {
    expect(closestName('frobnicate', COMMANDS)).toBeUndefined();
    expect(closestName('xyz', COMMANDS)).toBeUndefined();
    expect(closestName('ot', ['out', 'to', 'from'])).toBeUndefined();
    expect(closestName('paralel', ['parallel', 'weeks'])).toBe('parallel');
    // Short names allow one edit, longer ones two.
    expect(closestName('dbx', ['db'])).toBe('db');
    expect(closestName('dxx', ['db'])).toBeUndefined();
  });
});
