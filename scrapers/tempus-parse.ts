import { load, type CheerioAPI } from 'cheerio/slim';
import { addDays } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import { cleanText } from './tempus-menu.js';

/** A day of a calendar page: its date and the link to its time list. */
export interface TempusDay {
  date: string;
  href: string;
}

/** The parts of a location id found in a link: `standortrowid` and `tasks`. */
export interface TempusRef {
  row?: string;
  tasks?: string;
}

export interface TempusCalendar {
  days: TempusDay[];
  /** From the first day link; absent on a fully booked page. */
  ref?: TempusRef;
  fullyBooked: boolean;
}

export type TempusPage =
  | { kind: 'notice'; href: string }
  | { kind: 'no-locations' }
  | { kind: 'locations'; locations: { href: string; name: string }[] }
  | ({ kind: 'calendar' } & TempusCalendar);

const NO_LOCATIONS = 'Leider können wir Ihnen im Moment an keinem Standort einen Termin anbieten.';
const FULLY_BOOKED = 'Leider sind derzeit alle Termine ausgebucht.';
const NOTICE_BUTTONS = [
  'Ich habe die Hinweise zur Kenntnis genommen',
  'Habe ich zur Kenntnis genommen',
  'Ich möchte gern vorbei kommen',
  'Bestätigen und weiter zur Terminauswahl',
];

/** A page cut short (no closing tag) must not pass for a page with fewer links. */
export function assertComplete(html: string): void {
  if (!/<\/(html|body)\s*>/i.test(html))
    throw new ScrapeError('markup', 'tempus: the page ends before its closing tags (truncated)');
}

/** Steps 3–5: what the answer to a category's POST is. */
export function readPage(html: string): TempusPage {
  const $ = load(html);
  const notice = noticeTarget($);
  if (notice !== undefined) return { kind: 'notice', href: notice };
  const text = cleanText($('body').text());
  if (text.includes(NO_LOCATIONS)) return { kind: 'no-locations' };
  const locations = locationLinks($);
  if (locations.length > 0) return { kind: 'locations', locations };
  return { kind: 'calendar', ...readCalendar(html) };
}

/** Step 5: the day links of a calendar page, or a fully booked notice. */
export function readCalendar(html: string): TempusCalendar {
  const $ = load(html);
  const fullyBooked = cleanText($('body').text()).includes(FULLY_BOOKED);
  if ($('table.cal').length === 0 && !fullyBooked)
    throw new ScrapeError('markup', 'tempus: neither a calendar (table.cal) nor a location list nor a known notice');
  const byDate = new Map<string, string>();
  $('table.cal td.monatevent a').each((_, a) => {
    const href = $(a).attr('href') ?? '';
    const date = /datum=(\d{4}-\d{2}-\d{2})/.exec(href)?.[1];
    if (date && !byDate.has(date)) byDate.set(date, href);
  });
  const days = [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, href]) => ({ date, href }));
  const first = days[0];
  return first ? { days, ref: refOf(first.href), fullyBooked } : { days, fullyBooked };
}

/**
 * The days to read: the calendar's days from today to `lastDay`, then every further day up to `lastDay` by substituting
 * `datum=`.
 */
export function planDays(days: TempusDay[], today: string, lastDay: string): TempusDay[] {
  const plan = days.filter((d) => d.date >= today && d.date <= lastDay);
  const last = plan[plan.length - 1];
  if (!last) return plan;
  for (let date = addDays(last.date, 1); date <= lastDay; date = addDays(date, 1)) {
    plan.push({ date, href: last.href.replace(`datum=${last.date}`, `datum=${date}`) });
  }
  return plan;
}

/** Step 6: the free times of a day page, 'HH:MM', sorted and unique. */
export function parseDayTimes(html: string): string[] {
  const $ = load(html);
  const table = $('table.termine');
  if (table.length === 0) throw new ScrapeError('markup', 'tempus: the day page has no table.termine');
  const times = new Set<string>();
  table.find('td').each((_, td) => {
    const match = /(\d{1,2}):(\d{2})/.exec($(td).text());
    if (match && Number(match[1]) < 24 && Number(match[2]) < 60) times.add(`${match[1]!.padStart(2, '0')}:${match[2]}`);
  });
  return [...times].sort();
}

/** `standortrowid` and `tasks` of a link. */
export function refOf(href: string): TempusRef {
  const query = new URL(href, 'http://tempus.invalid/termine/index.php').searchParams;
  const ref: TempusRef = {};
  const row = query.get('standortrowid');
  const tasks = query.get('tasks');
  if (row) ref.row = row;
  if (tasks) ref.tasks = tasks;
  return ref;
}

/** Location id `{standortrowid}/{tasks}`, '-' for a missing part. */
export function locationId(ref: TempusRef): string {
  return `${ref.row ?? '-'}/${ref.tasks ?? '-'}`;
}

/** The target of a notice page's "I have read it" button (`onclick="…href='?…'"`), if this is one. */
function noticeTarget($: CheerioAPI): string | undefined {
  const buttons = $('input[type=button], input[type=submit], button')
    .toArray()
    .map((el) => ({
      label: cleanText($(el).attr('value') ?? $(el).text()),
      target: /href\s*=\s*(['"])(.*?)\1/.exec($(el).attr('onclick') ?? '')?.[2],
    }));
  const known = buttons.find((b) => NOTICE_BUTTONS.includes(b.label) && b.target !== undefined);
  if (known) return known.target;
  const heading = $('h1')
    .toArray()
    .some((h) => cleanText($(h).text()) === 'Wichtiger Hinweis');
  return heading ? buttons.find((b) => b.target !== undefined)?.target : undefined;
}

/**
 * Location links: `a.infolink` (not the "… Uhr" earliest-time links) or `ul#nav_menu2 li a`, those whose href names a
 * `standortrowid`.
 */
function locationLinks($: CheerioAPI): { href: string; name: string }[] {
  const pick = (selector: string) =>
    $(selector)
      .toArray()
      .map((a) => ({ href: $(a).attr('href') ?? '', name: cleanText($(a).text()).replace(/^Termine in /, '') }))
      .filter((link) => link.href.includes('standortrowid') && !/\bUhr\b/.test(link.name));
  const links = pick('a.infolink');
  const found = links.length > 0 ? links : pick('ul#nav_menu2 li a');
  return found.filter((link, i) => found.findIndex((other) => other.href === link.href) === i);
}
