import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { ScrapeError } from '../../scrapers/failure.js';
import {
  assertCompletePage,
  dayUrl,
  parseDayAnswer,
  parseIndex,
  parseTimes,
  slugify,
} from '../../scrapers/netappoint-parse.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/netappoint/${name}`, import.meta.url), 'utf8');
const markup = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ kind: 'markup' }) as ScrapeError);
const MUNICH = 'pages/netappoint/muenchen-abh-calendar-fragment-2023-10.html';

describe.runIf(hasSharedData(MUNICH))('the real Munich WEB_APPOINT fragment', () => {
  const html = readFileSync(sharedData(MUNICH) ?? '', 'utf8');

  it('is the day calendar of SOURCES.md: 5 months, 5 tables, 167 day cells, no bookable day', () => {
    const $ = load(html);
    expect($('input.WEB_APPOINT_LOCATION_HEADLINE').attr('value')).toBe('Ausländerbehörde München');
    expect($('div.htmlCalendarMonth')).toHaveLength(5);
    expect($('table.nat_calendar')).toHaveLength(5);
    expect($('td.nat_calendar')).toHaveLength(167);
    expect($('a.nat_calendar_weekday_bookable')).toHaveLength(0);
    expect($('caption').first().text()).toBe('Verfügbare Tage im Oktober 2023');
  });

  it('is recognised as WEB_APPOINT (unsupported), not as "no days" despite its empty nat_calendar tables', () => {
    expect(parseDayAnswer(html)).toEqual({ kind: 'web-appoint' });
    expect(parseIndex(html)).toEqual({ kind: 'web-appoint' });
  });
});

describe('netappoint parse (fixtures after protocols.md)', () => {
  it('slugify: lower case, ß → ss, accents stripped, other characters → single dashes', () => {
    expect(slugify('Führerscheinwesen')).toBe('fuhrerscheinwesen');
    expect(slugify('Straßenverkehrsamt')).toBe('strassenverkehrsamt');
    expect(slugify('Kfz-Zulassung  (Außenstelle)')).toBe('kfz-zulassung-aussenstelle');
    expect(slugify(' Bürgerbüro / Süd ')).toBe('burgerburo-sud');
    expect(slugify('Café Élysée – 2. OG')).toBe('cafe-elysee-2-og');
  });

  it('parseIndex: a location per ul.nat_casetypelist, named by its toggle link ("Kategorie " dropped)', () => {
    expect(parseIndex(fixture('index.html'))).toEqual({
      kind: 'locations',
      action: '/termine/bonn/index.php?company=stadtbonn&cur_cause=0&step=2',
      locations: [
        { key: 'nat_ct_1', name: 'Führerscheinwesen', services: ['casetype_9664', 'casetype_9656'] },
        { key: 'nat_ct_2', name: 'Kfz-Zulassung (Außenstelle)', services: ['casetype_9701'] },
      ],
    });
  });

  it('parseIndex: the WEB_APPOINT start page (CASETYPES selects, forward button) is known; no lists is markup', () => {
    expect(parseIndex(fixture('web-appoint-index.html'))).toEqual({ kind: 'web-appoint' });
    markup(() => parseIndex('<html><body><p>Willkommen</p></body></html>'));
  });

  it('parseDayAnswer: bookable day links with year/month/day', () => {
    const href = (day: number) =>
      `/termine/bonn/index.php?company=stadtbonn&cur_cause=0&step=4&month=8&year=2021&day=${day}&casetypes=9664`;
    expect(parseDayAnswer(fixture('days.html'))).toEqual({
      kind: 'days',
      days: [
        { date: '2021-08-10', href: href(10) },
        { date: '2021-08-13', href: href(13) },
      ],
    });
  });

  it('parseDayAnswer: "no days" — empty calendar, the combination and no-service notices, a too long duration', () => {
    for (const name of [
      'no-days-empty-table.html',
      'no-days-combination.html',
      'no-days-no-service.html',
      'detour-too-long.html',
    ]) {
      expect(parseDayAnswer(fixture(name)), name).toEqual({ kind: 'none' });
    }
  });

  it('parseDayAnswer: the step-3 detour follows the first site link with step=3&', () => {
    expect(parseDayAnswer(fixture('detour.html'))).toEqual({
      kind: 'sites',
      href: '/termine/bonn/index.php?company=stadtbonn&step=3&location=12&cur_cause=0',
    });
  });

  it('parseDayAnswer: WEB_APPOINT days (javascript links, no year=) are unsupported; an unknown page is markup', () => {
    expect(parseDayAnswer(fixture('web-appoint-bookable.html'))).toEqual({ kind: 'web-appoint' });
    markup(() => parseDayAnswer('<html><body><p>Sitzung abgelaufen</p></body></html>'));
  });

  it("dayUrl: &step=4& → &step=3&, year/month/day substituted in the link's own style", () => {
    const href = '/termine/bonn/index.php?company=stadtbonn&cur_cause=0&step=4&month=8&year=2021&day=10&casetypes=9664';
    expect(dayUrl(href, '2021-09-01')).toBe(
      '/termine/bonn/index.php?company=stadtbonn&cur_cause=0&step=3&month=9&year=2021&day=1&casetypes=9664',
    );
    expect(dayUrl('/x/index.php?company=c&step=4&year=2021&month=08&day=09&x=1', '2021-12-24')).toBe(
      '/x/index.php?company=c&step=3&year=2021&month=12&day=24&x=1',
    );
    expect(dayUrl('/x/index.php?company=c&step=4&year=2021&month=08&day=09&x=1', '2022-01-02')).toBe(
      '/x/index.php?company=c&step=3&year=2022&month=01&day=02&x=1',
    );
  });

  it('parseTimes: one abbr HH:MM per free slot in table.nat_timeslist; no table = no times', () => {
    expect(parseTimes(fixture('timeslist.html'), '2021-08-10')).toEqual(['2021-08-10 07:45:00', '2021-08-10 10:00:00']);
    expect(parseTimes(fixture('timeslist-none.html'), '2021-08-11')).toEqual([]);
    expect(parseTimes('<html><body><table class="nat_timeslist"></table></body></html>', '2021-08-11')).toEqual([]);
  });

  it('assertCompletePage: a truncated page is markup', () => {
    expect(() => assertCompletePage(fixture('index.html'), 'x')).not.toThrow();
    markup(() => assertCompletePage(fixture('index.html').slice(0, 900), 'x'));
  });
});
