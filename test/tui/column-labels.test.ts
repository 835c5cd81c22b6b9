import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cityFromName } from '../../scrapers/registry/city.js';
import { columnLabels, fitWords, type LabelledColumn } from '../../source/tui/column-labels.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

interface Metadata {
  [sourceId: string]: { name: string; locations: Record<string, { name: string | null }> };
}

// Issue 15, item 5: headers that tell a city's offices apart, on the real names of the published metadata.
describe.runIf(hasSharedData('metadata.json'))('column headers over the real office names', () => {
  const metadata = JSON.parse(readFileSync(sharedData('metadata.json')!, 'utf8')) as Metadata;
  // Unnamed locations are shown by their id, as the app's catalog names them.
  const columnsOf = (sourceId: string): LabelledColumn[] =>
    Object.entries(metadata[sourceId]!.locations).map(([id, l]) => ({ name: l.name ?? id, id }));
  const at = (sourceId: string, width: number) => columnLabels(columnsOf(sourceId), width);

  test('Beckum: "Beckum: …" and "Neubeckum: …" become place and service, not five times "Beckum"', () => {
    const services = ['Mel.', 'Pas.', 'Son.', 'KFZ.', 'Füh.'];
    expect(at('beckum', 9)).toEqual([...services.map((s) => `Bec. ${s}`), ...services.map((s) => `Neu. ${s}`)]);
    expect(at('beckum', 17).slice(2, 4)).toEqual(['Beckum Sonstiges', 'Beckum KFZ-Angel.']);
  });

  test('Leipzig: the two Kfz-Zulassungsbehörde columns differ by what follows; the Bürgerämter by their place', () => {
    const labels = at('leipzig', 8);
    const names = columnsOf('leipzig').map((c) => c.name);
    expect(labels[names.indexOf('Kfz-Zulassungsbehörde')]).toBe('Kfz-Zul.');
    expect(labels[names.indexOf('Kfz-Zulassungsbehörde/zusätzliche  Termine')]).toBe('zus. Te.');
    expect(labels[names.indexOf('Bürgeramt Gohlis-Center')]).toBe('Gohlis.');
    // The address after the comma goes; what two names share at the start shrinks to its initial.
    expect(labels[names.indexOf('Gewerbebehörde, Haus A, 2. Etage, Zimmer A 2.084 / A.2.086')]).toBe('G.behör.');
    expect(labels[names.findIndex((name) => name.startsWith('Reisegewerbe'))]).toBe('G.unter.');
    expect(labels[names.findIndex((name) => name.startsWith('Melde-, Pass-'))]).toBe('Melde.');
    // The demo's Leipzig: "Zulassun. Zulassun." before.
    const demo = ['Bürgeramt Mitte', 'Bürgeramt Grünau', 'Ausländerbehörde', 'Zulassungsstelle Borna'];
    demo.push('Zulassungsstelle Grimma');
    const named = demo.map((name, i) => ({ name, id: String(i) }));
    expect(columnLabels(named, 8)).toEqual(['Mitte', 'Grünau', 'Ausländ.', 'Borna', 'Grimma']);
  });

  test('Frankfurt and Kassel: unnamed offices keep their ids; equal names get the id beside them', () => {
    expect(at('frankfurt', 12).slice(0, 4)).toEqual(['Ausländerbe.', '102', '103', '104']);
    // Kassel's offices as the demo named them: "Meldewesen Meldewesen" before.
    const kassel = columnsOf('kassel').map((c, i) => ({ ...c, name: i < 2 ? 'Meldewesen' : c.name }));
    expect(columnLabels(kassel, 9).slice(0, 3)).toEqual(['Melde. 63', 'Melde. 64', '65']);
    const longIds = [
      { name: 'Meldewesen', id: '1222936509' },
      { name: 'Meldewesen', id: '1222936510' },
    ];
    expect(columnLabels(longIds, 8)).toEqual(['…2936509', '…2936510']);
  });

  test('every city of the metadata, at every column width: labels fit and tell its offices apart', () => {
    const cities = new Map<string, LabelledColumn[]>();
    for (const sourceId of Object.keys(metadata)) {
      const city = cityFromName(metadata[sourceId]!.name);
      cities.set(city, [...(cities.get(city) ?? []), ...columnsOf(sourceId)]);
    }
    fc.assert(
      fc.property(fc.constantFrom(...cities.keys()), fc.integer({ min: 8, max: 17 }), (city, width) => {
        const columns = cities.get(city)!;
        const labels = columnLabels(columns, width);
        expect(labels).toHaveLength(columns.length);
        expect(labels.every((label) => [...label].length <= width && label.trim() !== '')).toBe(true);
        expect(new Set(labels).size).toBe(labels.length);
      }),
      { numRuns: 400 },
    );
  });
});

describe('words shortened to a width', () => {
  test('short words stay whole, the long ones share the rest; each cut ends in a full stop', () => {
    expect(fitWords(['Zulassungsstelle', 'Borna'], 12)).toBe('Zulas. Borna');
    expect(fitWords(['Beckum', 'Sonstiges'], 9)).toBe('Bec. Son.');
    expect(fitWords(['Amt'], 9)).toBe('Amt');
    const many = ['Ausländerbehörde', 'Gewerbe', 'a', 'Zimmer', 'Etage'];
    for (let width = 1; width < 30; width++) expect([...fitWords(many, width)].length).toBeLessThanOrEqual(width);
  });
});
