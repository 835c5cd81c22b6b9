import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScrapeError } from '../../scrapers/failure.js';
import { categoryForm, parseMenu } from '../../scrapers/tempus-menu.js';
import {
  assertComplete,
  locationId,
  parseDayTimes,
  planDays,
  readCalendar,
  readPage,
  refOf,
} from '../../scrapers/tempus-parse.js';
import { tempusStartUrl } from '../../scrapers/tempus.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/tempus/${name}`, import.meta.url), 'utf8');
const day = (date: string) =>
  `?anr=83&action=open&page=termine&datum=${date}&standortrowid=231&schlangennr=6&tasks=2693`;

describe('parseMenu', () => {
  it('reads the nested layout: h3 categories, options named by div.anliegen or span, keyed by the select id', () => {
    const menu = parseMenu(fixture('start-nested.html'));
    expect(menu.action).toBe('index.php?anr=91&sna=T0c6d7e8f&action=open&page=standortauswahl');
    expect(menu.categories).toEqual([
      {
        name: 'PASS-/AUSWEIS\u00adANGELEGEN\u00adHEITEN',
        options: [
          { key: 's_3068_1', name: 'Abholung von fertigen Personalausweisen und Reisepässen' },
          { key: 's_3068_2', name: 'Personalausweis beantragen' },
          { key: 's_3068_3', name: 'Reisepass beantragen' },
        ],
      },
      // the hint without a select is no option
      { name: 'KFZ-ZULASSUNGEN und ABMELDUNGEN', options: [{ key: 's_3077_1', name: 'Fahrzeug abmelden' }] },
    ]);
  });

  it('reads the flat layout: label.menuepunkt starts a category, label.untermenuepunkt is an option', () => {
    expect(parseMenu(fixture('start-flat.html'))).toEqual({
      action: '?anr=83&action=open&page=standortauswahl',
      categories: [
        {
          name: 'Pass-/Ausweisangelegenheiten',
          options: [
            { key: 'a2693_1', name: 'Personalausweis beantragen' },
            { key: 'a2693_2', name: 'Reisepass beantragen' },
          ],
        },
        { name: 'Meldeangelegenheiten', options: [{ key: 'a2696_1', name: 'Ummeldung innerhalb von Bielefeld' }] },
      ],
    });
  });

  it('reads flat labels without sub-options as options of one "default" category', () => {
    expect(parseMenu(fixture('start-flat-single.html')).categories).toEqual([
      {
        name: 'default',
        options: [
          { key: 'b3652', name: 'Schwimmzeit' },
          { key: 'b3653', name: 'Schwimmzeit Familie' },
        ],
      },
    ]);
  });

  it('calls a page without form#formular a markup failure', () => {
    expect(() => parseMenu(fixture('calendar.html'))).toThrow(expect.objectContaining({ kind: 'markup' }));
  });

  it('posts a category with its first option "1" and the others "0"', () => {
    const [first] = parseMenu(fixture('start-nested.html')).categories;
    expect(categoryForm(first!)).toEqual({ s_3068_1: '1', s_3068_2: '0', s_3068_3: '0' });
  });
});

describe('readPage', () => {
  it('follows the notice button, not the back button', () => {
    expect(readPage(fixture('notice.html'))).toEqual({
      kind: 'notice',
      href: '?anr=91&sna=T0c6d7e8f&action=open&page=standortauswahl&hinweis=1',
    });
  });

  it('knows the no-locations answer', () => {
    expect(readPage(fixture('no-locations.html'))).toEqual({ kind: 'no-locations' });
  });

  it('lists locations from a.infolink, skipping "… Uhr" earliest-time links and those without standortrowid', () => {
    expect(readPage(fixture('locations-infolink.html'))).toEqual({
      kind: 'locations',
      locations: [
        {
          href:
            '?anr=83&anwendung=2&schlangen=6&sna=Ta60b8&action=open&page=tagesauswahl&tasks=2693' +
            '&kuerzel=Brackwede&standortrowid=231&standortanzahl=',
          name: 'Brackwede',
        },
        {
          href:
            '?anr=83&anwendung=2&schlangen=7&sna=Ta60b8&action=open&page=tagesauswahl&tasks=2693' +
            '&kuerzel=Mitte&standortrowid=232&standortanzahl=',
          name: 'Bielefeld-Mitte',
        },
      ],
    });
  });

  it('lists locations from ul#nav_menu2', () => {
    expect(readPage(fixture('locations-nav.html'))).toEqual({
      kind: 'locations',
      locations: [
        {
          href: 'index.php?anr=21&action=open&page=tagesauswahl&tasks=1568&standortrowid=173&standortanzahl=',
          name: 'Einwohnermeldeamt',
        },
        {
          href: 'index.php?anr=21&action=open&page=tagesauswahl&standortrowid=174&standortanzahl=',
          name: 'Bürgeramt Borbeck',
        },
      ],
    });
  });

  it('reads an earliest-dates page with a calendar as a calendar', () => {
    const page = readPage(fixture('calendar-earliest.html'));
    expect(page).toMatchObject({
      kind: 'calendar',
      fullyBooked: false,
      ref: { row: '306' },
      days: [{ date: '2021-08-11' }],
    });
  });

  it('reads "alle Termine ausgebucht" as a calendar without days, not an error', () => {
    expect(readPage(fixture('fully-booked.html'))).toEqual({ kind: 'calendar', days: [], fullyBooked: true });
  });

  it('calls a page it does not know a markup failure', () => {
    expect(() => readPage(fixture('start-flat.html'))).toThrow(ScrapeError);
  });
});

describe('calendar pages and days', () => {
  it('reads the day links of every month table and the location of the first', () => {
    const calendar = readCalendar(fixture('calendar.html'));
    expect(calendar.days.map((d) => d.date)).toEqual(['2021-08-10', '2021-08-12', '2021-09-01', '2021-09-12']);
    expect(calendar.days[0]?.href).toBe(day('2021-08-10'));
    expect(calendar.ref).toEqual({ row: '231', tasks: '2693' });
    expect(locationId(calendar.ref!)).toBe('231/2693');
  });

  it('names a missing id part "-"', () => {
    expect(locationId(refOf('index.php?anr=109&page=termine&datum=2021-08-11&standortrowid=306&schlangennr=1'))).toBe(
      '306/-',
    );
    expect(locationId({})).toBe('-/-');
  });

  it('keeps the days up to today + N×7 and adds the later ones by substituting datum=', () => {
    const { days } = readCalendar(fixture('calendar.html'));
    const short = planDays(days, '2021-08-11', '2021-08-16');
    expect(short).toEqual(
      ['2021-08-12', '2021-08-13', '2021-08-14', '2021-08-15', '2021-08-16'].map((date) => ({ date, href: day(date) })),
    );
    const plan = planDays(days, '2021-08-09', '2021-09-15');
    expect(plan.map((d) => d.date)).toEqual([
      '2021-08-10',
      '2021-08-12',
      '2021-09-01',
      '2021-09-12',
      '2021-09-13',
      '2021-09-14',
      '2021-09-15',
    ]);
    expect(plan.at(-1)).toEqual({ date: '2021-09-15', href: day('2021-09-15') });
    expect(planDays([], '2021-08-09', '2021-09-15')).toEqual([]);
  });

  it('reads the HH:MM times of table.termine cells, sorted and unique', () => {
    expect(parseDayTimes(fixture('day.html'))).toEqual(['07:45', '08:05', '13:30', '14:10']);
    expect(parseDayTimes(fixture('day-empty.html'))).toEqual([]);
    expect(() => parseDayTimes(fixture('fully-booked.html'))).toThrow(expect.objectContaining({ kind: 'markup' }));
  });

  it('refuses a page cut short', () => {
    const page = fixture('calendar.html');
    expect(() => assertComplete(page)).not.toThrow();
    expect(() => assertComplete(page.slice(0, page.length / 2))).toThrow(expect.objectContaining({ kind: 'markup' }));
  });
});

describe('tempusStartUrl', () => {
  it('keeps the extra query of the site URL and adds site params it lacks', () => {
    expect(tempusStartUrl({ url: 'https://meintermin.essen.de/termine/index.php?anlagennr=21&anwendung=332' })).toBe(
      'https://meintermin.essen.de/termine/index.php?anlagennr=21&anwendung=332',
    );
    expect(
      tempusStartUrl({
        url: 'https://tempus-termine.com/termine/index.php?anlagennr=91',
        params: { anwendung: '3', anlagennr: '1' },
      }),
    ).toBe('https://tempus-termine.com/termine/index.php?anlagennr=91&anwendung=3');
  });
});
