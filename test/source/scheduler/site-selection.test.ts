import { describe, expect, it } from 'vitest';
import { selectSites, sitePattern } from '../../../source/scheduler/index.js';
import { site } from './helpers.js';

const sites = [
  site('bonn', 'a', { city: 'Bonn', system: 'netappoint' }),
  site('bonnjob', 'b', { city: 'Bonn', system: 'etermin' }),
  site('bochumkfz', 'c', { city: 'Bochum', system: 'netappoint' }),
  site('graz', 'd', { city: 'Graz', system: 'etermin' }),
];
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('site patterns', () => {
  it('match the whole id or the whole city, case-insensitively, with * and ?', () => {
    expect(sitePattern('bonn')(sites[1]!)).toBe(true); // by city
    expect(sitePattern('bo*')(sites[2]!)).toBe(true);
    expect(sitePattern('GRA?')(sites[3]!)).toBe(true);
    expect(sitePattern('bon')(sites[0]!)).toBe(false);
    expect(sitePattern('b.nn')(sites[0]!)).toBe(false); // regex characters are literal
    expect(sitePattern('landkreis-leipzig')(site('landkreis-leipzig', 'e'))).toBe(true);
    expect(sitePattern('[a-z](x)|{1}^$+\\')(sites[0]!)).toBe(false);
  });

  it('include, then exclude, then system; reporting includes that matched nothing', () => {
    expect(ids(selectSites(sites, { include: ['bo*'] }).sites)).toEqual(['bonn', 'bonnjob', 'bochumkfz']);
    expect(ids(selectSites(sites, { include: ['bo*'], exclude: ['*job'] }).sites)).toEqual(['bonn', 'bochumkfz']);
    expect(ids(selectSites(sites, { system: 'etermin' }).sites)).toEqual(['bonnjob', 'graz']);
    expect(selectSites(sites, { include: ['graz', 'berlin'] })).toMatchObject({ unmatched: ['berlin'] });
    expect(ids(selectSites(sites, {}).sites)).toHaveLength(4);
  });
});
