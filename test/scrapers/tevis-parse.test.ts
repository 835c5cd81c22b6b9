import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScrapeError } from '../../scrapers/failure.js';
import {
  NO_CALENDAR_TEXTS,
  isoWeek,
  parseCaldiv,
  parseCalendarPage,
  tevisHorizon,
} from '../../scrapers/tevis-calendar-parse.js';
import { assertCompletePage, parseDepartments, parseServicePage } from '../../scrapers/tevis-parse.js';
import {
  germanDate,
  germanDay,
  isSuggestPage,
  parseLocationPage,
  parseSuggestPage,
} from '../../scrapers/tevis-wizard-parse.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/tevis/${name}`, import.meta.url), 'utf8');
const real = (name: string): string => readFileSync(sharedData(`pages/tevis/${name}`) ?? '', 'utf8');
const markup = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ kind: 'markup' }) as ScrapeError);

const AACHEN_JULY = `Abholung | cnc-354 | Abholung Aufenthaltserlaubnis | 160 | 49
Abholung | cnc-355 | Abholung Reiseausweis | 160 | 49
Aufenthalt | cnc-351 | Aufenthalt - Nachname: A - Z | 159 | 54
Aufenthalt | cnc-356 | Fiktionsbescheinigung (Erteilung/Verlängerung) | 165 | 49
Aufenthalt | cnc-343 | Übertrag Aufenthalts-/Niederlassungserlaubnis | 171 | 49
Aufenthalt | cnc-353 | Reiseausweis für Flüchtlinge und Übertrag Niederlassungserlaubnis | 171 | 49
Aufenthalt | cnc-349 | Grenzgängerkarte | 165 | 49
Integration | cnc-359 | Integrationskurs (Beratung/Verpflichtung) | 168 | 49
Infostelle | cnc-341 | Infostelle | 165 | 49
Einladung/Visa | cnc-342 | Verpflichtungserklärung/ Einladung (Antragstellung vor Ort) | 163 | 54
Einladung/Visa | cnc-358 | Abholung Verpflichtungserklärung/ Einladung (vorheriger Onlineantrag) | 161 | 54
Einladung/Visa | cnc-340 | Visaverlängerung/ medizinische Behandlung | 165 | 49
Unionsbürger | cnc-345 | Freizügigkeit/ Daueraufenthaltsbescheinigung | 173 | 51
RWTH - Außenstelle Super C | cnc-344 | RWTH Studenten | 169 | 50
RWTH - Außenstelle Super C | cnc-347 | RWTH Familienangehörige | 169 | 50
RWTH - Außenstelle Super C | cnc-350 | RWTH Mitarbeitende & Forschende bzw. PhD | 169 | 50
Fachhochschule Aachen | cnc-346 | FH Studenten | 164 | 54
Fachhochschule Aachen | cnc-338 | FH Familienangehörige | 164 | 54
Fachhochschule Aachen | cnc-339 | FH Mitarbeitende & Forschende bzw. PhD | 164 | 54
Klassenfahrt Ausland/ Schülersammelliste | cnc-348 | Schülersammelliste | 165 | 49
Duldung/ Gestattung | cnc-360 | Duldung | 157 | 49
Duldung/ Gestattung | cnc-352 | Aufenthaltsgestattung | 157 | 49`
  .split('\n')
  .map((line) => line.split(' | '));

const SELECT2 = [
  'aachen-abh-select2-md1-2025-07.html',
  'aachen-abh-select2-md1-2025-06.html',
  'muelheim-auslaenderamt-select2-2026-07-21.html',
].map((f) => `pages/tevis/${f}`);

describe.runIf(hasSharedData(...SELECT2))('parseServicePage on the real select2 pages (wizard)', () => {
  it('Aachen 2025-07: absolute form action, mdt 95, the 22 services of SOURCES.md', () => {
    const page = parseServicePage(real('aachen-abh-select2-md1-2025-07.html'));
    expect(page.flow).toBe('wizard');
    expect(page.action).toBe('https://termine.staedteregion-aachen.de/auslaenderamt/location');
    expect(page.department).toBe('Aufenthaltsangelegenheiten');
    expect(page.services.map((s) => [s.section, s.key, s.title, s.calendars.join('|'), s.locations[0]])).toEqual(
      AACHEN_JULY,
    );
    expect(new Set(page.services.map((s) => s.mdt))).toEqual(new Set(['95']));
    expect([...new Set(page.services.flatMap((s) => s.calendars))].sort()).toEqual([
      '157',
      '159',
      '160',
      '161',
      '163',
      '164',
      '165',
      '168',
      '169',
      '171',
      '173',
    ]);
  });

  it('Aachen 2025-06: relative action, mdt 94, the same services under other ids (never cache ids)', () => {
    const june = parseServicePage(real('aachen-abh-select2-md1-2025-06.html'));
    const july = parseServicePage(real('aachen-abh-select2-md1-2025-07.html'));
    expect(june.flow).toBe('wizard');
    expect(june.action).toBe('location');
    expect(june.services).toHaveLength(22);
    expect(new Set(june.services.map((s) => s.mdt))).toEqual(new Set(['94']));
    const byTitle = new Map(june.services.map((s) => [s.title, s]));
    expect(byTitle.get('RWTH Studenten')).toMatchObject({ key: 'cnc-286', calendars: ['142'], locations: ['42'] });
    expect(byTitle.get('Abholung Aufenthaltserlaubnis')).toMatchObject({ key: 'cnc-299', calendars: ['134'] });
    expect(byTitle.get('Aufenthalt - Nachname: A - Z')).toMatchObject({ key: 'cnc-337', calendars: ['133'] });
    expect(byTitle.get('Duldung')).toMatchObject({ key: 'cnc-327', calendars: ['131'] });
    expect(byTitle.get('Daueraufenthaltsbescheinigung')).toMatchObject({ key: 'cnc-287', calendars: ['146'] });
    expect([...new Set(june.services.flatMap((s) => s.calendars))].sort()).toEqual([
      '131',
      '133',
      '134',
      '135',
      '136',
      '137',
      '142',
      '144',
      '146',
      '150',
      '152',
    ]);
    // The same services (one renamed in July: "Freizügigkeit/ Daueraufenthaltsbescheinigung") under new ids.
    const julyTitles = new Set(july.services.map((s) => s.title));
    expect(june.services.filter((s) => !julyTitles.has(s.title)).map((s) => s.title)).toEqual([
      'Daueraufenthaltsbescheinigung',
    ]);
    const julyKeys = new Set(july.services.map((s) => s.key));
    expect(june.services.some((s) => julyKeys.has(s.key))).toBe(false);
  });

  it('Mülheim 2026-07: mdt 150, 49 services without any calendar attribute, titles trimmed and collapsed', () => {
    const page = parseServicePage(real('muelheim-auslaenderamt-select2-2026-07-21.html'));
    expect(page.flow).toBe('wizard');
    expect(page.action).toBe('location');
    expect(page.department).toBe('Ausländeramt');
    expect(page.services).toHaveLength(49);
    expect(page.services.map((s) => s.key).sort()).toEqual(Array.from({ length: 49 }, (_, i) => `cnc-${2809 + i}`));
    expect(page.services.every((s) => s.mdt === '150' && s.calendars.length === 0 && s.locations.length === 0)).toBe(
      true,
    );
    const title = (key: string) => page.services.find((s) => s.key === key)?.title;
    expect(title('cnc-2809')).toBe('Anmeldung Einzelperson');
    expect(title('cnc-2817')).toBe('Auflagenänderung (Wechsel Studium, Arbeit o.ä.)');
    expect(title('cnc-2835')).toBe('Abgabe des Einbürgerungsantrages');
    expect(title('cnc-2832')).toBe('Beratung Familienzusammenführung');
    expect(title('cnc-2846')).toBe('Ausstellung einer Aufenthaltskarte EU/Daueraufenthaltskarte');
    const sections = new Map<string, number>();
    for (const s of page.services) sections.set(s.section ?? '', (sections.get(s.section ?? '') ?? 0) + 1);
    expect([...sections.values()]).toEqual([4, 13, 2, 3, 6, 10, 2, 9]);
    expect([...sections.keys()][0]).toBe('Meldewesen');
  });
});

describe.runIf(hasSharedData('pages/tevis/aachen-abh-location-2025-07.html'))(
  'parseLocationPage on the real Standortauswahl',
  () => {
    it('finds the one location (map marker and panel are one), with its hidden fields', () => {
      const html = real('aachen-abh-location-2025-07.html');
      expect(parseLocationPage(html)).toEqual([
        {
          loc: '50',
          name: 'Ausländeramt Aachen - Außenstelle RWTH',
          fields: { loc: '50', gps_lat: '50.77858', gps_long: '6.07867' },
        },
      ]);
      expect(isSuggestPage(html)).toBe(false);
    });
  },
);

const SUGGEST = [
  'aachen-abh-suggest-noslots-2025-07.html',
  'aachen-abh-suggest-slots-2025-10-03.html',
  'muelheim-suggest-slots-2026-07-22T1233.html',
  'muelheim-suggest-slots-2026-07-22T1433.html',
];

describe.runIf(hasSharedData(...SUGGEST.map((f) => `pages/tevis/${f}`)))(
  'parseSuggestPage on the real suggest pages',
  () => {
    it('"Kein freier Termin verfügbar" is zero slots, not an error', () => {
      const html = real('aachen-abh-suggest-noslots-2025-07.html');
      expect(isSuggestPage(html)).toBe(true);
      expect(parseSuggestPage(html)).toEqual({ kind: 'none' });
    });

    it('Aachen 2025-10-03: the 8 free times of 11.12.2025 in calendar 169; disabled 08:00 and 12:30 are taken', () => {
      const page = parseSuggestPage(real('aachen-abh-suggest-slots-2025-10-03.html'));
      if (page.kind !== 'times') throw new Error('expected times');
      expect(page.days).toEqual(['2025-12-11']);
      expect(page.slots.map((s) => s.slot)).toEqual(
        ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'].map((t) => `2025-12-11 ${t}:00`),
      );
      expect(new Set(page.slots.map((s) => s.cal))).toEqual(new Set(['169']));
      expect(page.taken).toEqual(['2025-12-11 08:00:00', '2025-12-11 12:30:00']);
      expect(page.filter).toEqual({ action: '', fields: { loc: '50', mdt: '0', 'cnc-344': '1' } });
    });

    it('Mülheim 12:33 and 14:33: one free time each in calendar 478, the disabled neighbours taken', () => {
      const early = parseSuggestPage(real('muelheim-suggest-slots-2026-07-22T1233.html'));
      const late = parseSuggestPage(real('muelheim-suggest-slots-2026-07-22T1433.html'));
      expect(early).toMatchObject({
        kind: 'times',
        days: ['2026-07-23'],
        slots: [{ slot: '2026-07-23 14:30:00', cal: '478' }],
      });
      expect(late).toMatchObject({
        kind: 'times',
        days: ['2026-07-23'],
        slots: [{ slot: '2026-07-23 16:30:00', cal: '478' }],
      });
      expect(early.kind === 'times' && early.taken).toEqual(
        ['14:00', '14:15', '14:45'].map((t) => `2026-07-23 ${t}:00`),
      );
      expect(late.kind === 'times' && late.taken).toEqual(['16:00', '16:15', '16:45'].map((t) => `2026-07-23 ${t}:00`));
      expect(early.kind === 'times' && early.filter?.fields).toEqual({ loc: '136', mdt: '0', 'cnc-2817': '1' });
    });

    it('every real page is complete (closing tags present)', () => {
      for (const name of SUGGEST) expect(() => assertCompletePage(real(name), name)).not.toThrow();
    });
  },
);

describe('tevis parse, older flow (fixtures after protocols.md)', () => {
  it('parseDepartments: select2?md= links, relative or absolute, each md once, skip links do not name it', () => {
    expect(parseDepartments(fixture('index.html'))).toEqual([
      { md: '5', name: 'Bürgeramt' },
      { md: '7', name: 'Ausländerbehörde' },
      { md: '9', name: 'Straßenverkehrsamt' },
    ]);
  });

  it('parseServicePage: form.cnc-form per service, title from its first <a>, both attribute spellings, 0 none', () => {
    const page = parseServicePage(fixture('select2-cnc-form.html'));
    expect(page.flow).toBe('classic');
    expect(page.services.map((s) => [s.key, s.title, s.mdt, s.calendars])).toEqual([
      ['cnc-1021', 'Personalausweis beantragen', '73', ['12', '13']],
      ['cnc-1022', 'Reisepass abholen', '73', ['14']],
      ['cnc-1023', 'Meldebescheinigung', '73', []],
      ['cnc-1024', 'Beglaubigung', '73', []],
    ]);
  });

  it('parseServicePage: the older page without cnc-form, one mdt, titles from data-tevis-cncname', () => {
    const page = parseServicePage(fixture('select2-old.html'));
    expect(page.flow).toBe('classic');
    expect(page.services.map((s) => [s.key, s.title, s.mdt, s.calendars])).toEqual([
      ['cnc-501', 'Zulassung Neufahrzeug', '31', ['44']],
      ['cnc-502', 'Umschreibung Führerschein', '31', []],
      ['cnc-503', 'Außerbetriebsetzung', '31', ['44', '45']],
    ]);
    markup(() => parseServicePage('<html><body><p>Nichts</p></body></html>'));
  });

  it('parseCalendarPage: the window.tevis calendar id; 0 and the no-calendar texts mean none', () => {
    expect(parseCalendarPage(fixture('calendar-window-tevis.html'))).toBe('123');
    expect(parseCalendarPage(fixture('calendar-zero.html'))).toBeUndefined();
    expect(parseCalendarPage(fixture('calendar-no-calendar.html'))).toBeUndefined();
    for (const text of NO_CALENDAR_TEXTS)
      expect(parseCalendarPage(`<html><body><div class="alert">${text}.</div></body></html>`)).toBeUndefined();
    markup(() => parseCalendarPage('<html><body><div id="caldiv"></div></body></html>'));
  });

  it('parseCaldiv: minutes lists, {minute: 1} objects (0 = taken), non-JSON = no data, broken JSON = markup', () => {
    expect(parseCaldiv(fixture('caldiv-week.json'))).toEqual([
      '2021-08-10 07:45:00',
      '2021-08-10 07:50:00',
      '2021-08-10 08:00:00',
      '2021-08-12 10:00:00',
    ]);
    expect(parseCaldiv(fixture('caldiv-objects.json'))).toEqual([
      '2021-12-27 07:45:00',
      '2021-12-29 12:00:00',
      '2021-12-29 12:15:00',
      '2021-12-31 00:00:00',
    ]);
    expect(parseCaldiv(fixture('caldiv-nodata.html'))).toBeUndefined();
    expect(parseCaldiv('')).toBeUndefined();
    markup(() => parseCaldiv(fixture('caldiv-week.json').slice(0, 60)));
    markup(() => parseCaldiv('{"days": "20210810"}'));
  });

  it('weeks: ISO weeks across the year end; the lookahead ends on a Sunday', () => {
    expect(isoWeek('2021-08-10')).toBe('202132');
    expect(isoWeek('2021-01-03')).toBe('202053');
    expect(isoWeek('2024-12-30')).toBe('202501');
    expect(tevisHorizon('2024-12-28', 2)).toEqual({ weeks: ['202452', '202501'], lastDay: '2025-01-05' });
    expect(tevisHorizon('2021-08-09', 1)).toEqual({ weeks: ['202132'], lastDay: '2021-08-15' });
  });

  it('dates and truncation', () => {
    expect(germanDay('Donnerstag, 11.12.2025')).toBe('2025-12-11');
    expect(germanDate('2026-07-03')).toBe('03.07.2026');
    markup(() => assertCompletePage('<html><body><ul><li><a href="select2?md=1">A</a>', 'x'));
  });
});
