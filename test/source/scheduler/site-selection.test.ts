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
  it('match part of the id, city or name (with * and ? the whole), case-insensitively', () => {
    expect(sitePattern('bonn')(sites[1]!)).toBe(true); // by city
    expect(sitePattern('bo*')(sites[2]!)).toBe(true);
    expect(sitePattern('GRA?')(sites[3]!)).toBe(true);
    expect(sitePattern('bon')(sites[0]!)).toBe(true);
    expect(sitePattern('chumk')(sites[2]!)).toBe(true);
    expect(sitePattern('b?n')(sites[0]!)).toBe(false);
    expect(sitePattern('b.nn')(sites[0]!)).toBe(false); // regex characters are literal
    expect(sitePattern('landkreis-leipzig')(site('landkreis-leipzig', 'e'))).toBe(true);
    expect(sitePattern('[a-z](x)|{1}^$+\\')(sites[0]!)).toBe(false);
  });

  it('find a city with or without umlauts and transliterated, by part of its name or id', () => {
    const muelheim = site('muelheim', 'm', { city: 'Mülheim an der Ruhr', name: 'Stadt Mülheim an der Ruhr' });
    const koeln = site('koeln', 'k', { city: 'Köln', name: 'Stadt Köln' });
    for (const pattern of ['mülheim', 'muelheim', 'Mulheim', 'MÜLHEIM AN', 'ruhr', 'mülh*']) {
      expect(ids(selectSites([muelheim, koeln], { include: [pattern] }).sites), pattern).toEqual(['muelheim']);
    }
    for (const pattern of ['köln', 'koeln', 'Koln', 'stadt köln'])
      expect(ids(selectSites([muelheim, koeln], { include: [pattern] }).sites), pattern).toEqual(['koeln']);
    expect(selectSites([muelheim, koeln], { include: ['münchen'] }).unmatched).toEqual(['münchen']);
  });

  it('a whole id matches whole ids and cities only: -i frankfurt is not also frankfurt-kfz', () => {
    const list = [
      site('frankfurt', 'f', { city: 'Frankfurt' }),
      site('frankfurt-kfz', 'g', { city: 'Frankfurt (Oder)' }),
      site('ffm2', 'h', { city: 'Frankfurt' }),
    ];
    expect(ids(selectSites(list, { include: ['frankfurt'] }).sites)).toEqual(['frankfurt', 'ffm2']);
    expect(ids(selectSites(list, { include: ['frankf'] }).sites)).toEqual(['frankfurt', 'frankfurt-kfz', 'ffm2']);
  });

  it('include, then exclude, then system; reporting includes that matched nothing', () => {
    expect(ids(selectSites(sites, { include: ['bo*'] }).sites)).toEqual(['bonn', 'bonnjob', 'bochumkfz']);
    expect(ids(selectSites(sites, { include: ['bo*'], exclude: ['*job'] }).sites)).toEqual(['bonn', 'bochumkfz']);
    expect(ids(selectSites(sites, { system: 'etermin' }).sites)).toEqual(['bonnjob', 'graz']);
    expect(selectSites(sites, { include: ['graz', 'berlin'] })).toMatchObject({ unmatched: ['berlin'] });
    expect(ids(selectSites(sites, {}).sites)).toHaveLength(4);
  });
});
