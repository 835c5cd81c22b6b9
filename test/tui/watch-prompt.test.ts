import { describe, expect, test } from 'vitest';
import { parseWatchPrompt } from '../../source/tui/watch-prompt.js';

const offices = [
  { id: 'bonn/meldewesen', name: 'Meldewesen' },
  { id: 'bonn/fuhrerscheinwesen', name: 'Führerscheinwesen' },
];

describe('the w prompt', () => {
  test('empty: 14 days; days, hours and weekdays in any order; checked by watch add rules', () => {
    expect(parseWatchPrompt('Bonn', '  ', '2021-08-10')).toEqual({ city: 'Bonn', withinDays: 14 });
    expect(parseWatchPrompt('Bonn', 'mon,fri 08-12 7', '2021-08-10')).toEqual({
      city: 'Bonn',
      withinDays: 7,
      hours: { from: 8, to: 12 },
      weekdays: [1, 5],
    });
    expect(parseWatchPrompt('Bonn', 'Tuesday 3', '2021-08-10')).toEqual({ city: 'Bonn', withinDays: 3, weekdays: [2] });
    expect(() => parseWatchPrompt('Bonn', '400', '2021-08-10')).toThrow(
      '--within needs a whole number of days from 0 to 366',
    );
  });

  test("other words name one of the city's offices, by name or id; one that matches none is refused", () => {
    expect(parseWatchPrompt('Bonn', '7 melde', '2021-08-10', offices)).toEqual({
      city: 'Bonn',
      withinDays: 7,
      office: 'melde',
    });
    expect(parseWatchPrompt('Bonn', 'bonn/fuhrer* 08-12', '2021-08-10', offices)).toMatchObject({
      office: 'bonn/fuhrer*',
      hours: { from: 8, to: 12 },
    });
    expect(() => parseWatchPrompt('Bonn', '7 tomorrow!', '2021-08-10', offices)).toThrow(
      'no office matches --office "tomorrow!"',
    );
  });
});
