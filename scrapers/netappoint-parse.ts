import { load, type CheerioAPI } from 'cheerio/slim';
import { ScrapeError } from './failure.js';
import type { WallTime } from './types.js';

/** Collapse runs of whitespace and trim. */
export const cleanText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The location id of a netappoint location: the slug of its name. */
export { slugify } from './slug.js';

/** A page cut short must not pass for a page with fewer entries. */
export function assertCompletePage(html: string, url: string): void {
  if (!/<\/(html|body)\s*>/i.test(html))
    throw new ScrapeError('markup', `netappoint: the page from ${url} ends before its closing tags (truncated)`);
}

/** A location of the start page: a `ul.nat_casetypelist` and its services (form field names). */
export interface NetappointLocation {
  /** The `ul`'s id (internal; the snapshot uses the slug of the name). */
  key: string;
  name: string;
  services: string[];
}

export type NetappointIndex =
  | { kind: 'locations'; locations: NetappointLocation[]; action: string }
  /** The Kahlert WEB_APPOINT front end (Munich): recognised, not readable. */
  | { kind: 'web-appoint' };

/** Markers of the WEB_APPOINT front end, on its start page and on its day calendar. */
function isWebAppoint($: CheerioAPI): boolean {
  return (
    $(
      'div.htmlCalendarMonth, .WEB_APPOINT_TIMELIST, .WEB_APPOINT_FORWARDBUTTON, .WEB_APPOINT_LOCATION_HEADLINE,' +
        ' .WEBAPPOINT_LOCATION_CONTENT, select[name^="CASETYPES["]',
    ).length > 0 || $('a[href*="locationList.showTimeList"]').length > 0
  );
}

/** Step 1: the locations with their services, and the URL the service form posts to (host-relative as written). */
export function parseIndex(html: string): NetappointIndex {
  const $ = load(html);
  const lists = $('ul.nat_casetypelist');
  if (lists.length === 0 && isWebAppoint($)) return { kind: 'web-appoint' };
  const action = $('form[name=frm_casetype]').attr('action');
  if (action === undefined)
    throw new ScrapeError('markup', 'netappoint: the start page has no form[name=frm_casetype]');
  const names = new Map<string, string>();
  $('a[href^="javascript:toggle("]').each((_, a) => {
    const key = /^javascript:toggle\('([^']*)'\);?$/.exec($(a).attr('href') ?? '')?.[1];
    if (key !== undefined && !names.has(key)) names.set(key, cleanText($(a).text()).replace(/^Kategorie /, ''));
  });
  const locations: NetappointLocation[] = [];
  lists.each((_, ul) => {
    const key = $(ul).attr('id') ?? '';
    const services: string[] = [];
    $(ul)
      .find('select.nat_casetypelist_casetype, input.nat_casetypelist_casetype.casetype_checkbox')
      .each((_, field) => {
        const name = $(field).attr('name');
        if (name && !services.includes(name)) services.push(name);
      });
    const name = names.get(key);
    if (!name)
      throw new ScrapeError(
        'markup',
        `netappoint: the location list ${key || '(no id)'} has no toggle link with its name`,
      );
    locations.push({ key, name, services });
  });
  if (locations.length === 0)
    throw new ScrapeError('markup', 'netappoint: the start page lists no location (ul.nat_casetypelist)');
  return { kind: 'locations', locations, action };
}

/** A bookable day of the day calendar and its link. */
export interface NetappointDay {
  date: string;
  href: string;
}

export type NetappointDayAnswer =
  | { kind: 'days'; days: NetappointDay[] }
  | { kind: 'none' }
  /** Sites to choose first (the step-3 detour): follow `href`. */
  | { kind: 'sites'; href: string }
  | { kind: 'web-appoint' };

const NO_DAYS_TEXTS = [
  'Die von Ihnen gewählte Dienstleistungs-Kombination kann nicht an einem Standort bearbeitet werden',
  'Bitte geben Sie mindestens 1 Dienstleistung an.',
];
const TOO_LONG = 'Die vorraussichtliche Dauer der von Ihnen gewählten Dienstleistungen ist zu lang.';

/** Step 2: the answer to the service POST (or to the detour's step-3 link). */
export function parseDayAnswer(html: string): NetappointDayAnswer {
  const $ = load(html);
  if (isWebAppoint($)) return { kind: 'web-appoint' };
  const days = new Map<string, NetappointDay>();
  const bookable = $('a.nat_calendar_weekday_bookable');
  bookable.each((_, a) => {
    const href = $(a).attr('href') ?? '';
    const date = dateOf(href);
    if (date && !days.has(date)) days.set(date, { date, href });
  });
  if (bookable.length > 0 && days.size === 0) return { kind: 'web-appoint' };
  if (days.size > 0) return { kind: 'days', days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
  if ($('table.nat_calendar').length > 0) return { kind: 'none' };
  const text = cleanText($('body').length > 0 ? $('body').text() : $.root().text());
  if (NO_DAYS_TEXTS.some((t) => text.includes(t))) return { kind: 'none' };
  const site = $('li.nat_casetypelist_casetype_li a')
    .map((_, a) => $(a).attr('href') ?? '')
    .get()
    .find((href) => href.includes('step=3&'));
  if (site !== undefined) return { kind: 'sites', href: site };
  if (text.includes(TOO_LONG)) return { kind: 'none' };
  throw new ScrapeError(
    'markup',
    'netappoint: the answer to the services shows no days, no empty calendar, no site list and no known notice',
  );
}

function dateOf(href: string): string | undefined {
  const part = (name: string) => new RegExp(`[?&]${name}=(\\d+)(?:&|$)`).exec(href)?.[1];
  const [year, month, day] = [part('year'), part('month'), part('day')];
  if (!year || !month || !day) return undefined;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Step 3: the time-list URL of `date` ('YYYY-MM-DD'), from a day link: `&step=4&` → `&step=3&`, year/month/day
 * replaced.
 */
export function dayUrl(href: string, date: string): string {
  const [year, month, day] = date.split('-');
  const set = (url: string, name: string, value: string) =>
    url.replace(
      new RegExp(`([?&]${name}=)(\\d+)(?=&|$)`),
      (_, prefix: string, old: string) =>
        `${prefix}${old.length === 2 && old.startsWith('0') ? value : String(Number(value))}`,
    );
  return set(
    set(set(href.replace('&step=4&', '&step=3&'), 'year', year ?? ''), 'month', month ?? ''),
    'day',
    day ?? '',
  );
}

/** Step 4: the free times of a day, one `<abbr>HH:MM</abbr>` each in `table.nat_timeslist` (none: no table). */
export function parseTimes(html: string, date: string): WallTime[] {
  const $ = load(html);
  const slots = new Set<WallTime>();
  $('table.nat_timeslist abbr').each((_, abbr) => {
    const time = /^(\d{1,2}):(\d{2})$/.exec(cleanText($(abbr).text()));
    if (time) slots.add(`${date} ${time[1]?.padStart(2, '0')}:${time[2]}:00`);
  });
  return [...slots].sort();
}
