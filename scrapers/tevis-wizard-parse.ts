import { load } from 'cheerio/slim';
import { ScrapeError } from './failure.js';
import { clock, hasNoCalendarText } from './tevis-calendar-parse.js';
import { cleanText } from './tevis-parse.js';
import type { WallTime } from './types.js';

/** An office location of the wizard's step 3: POST its `fields` (with `select_location`) to choose it. */
export interface TevisOfficeLocation {
  loc: string;
  name: string;
  /** The hidden fields of its form: `loc`, `gps_lat`, `gps_long`. */
  fields: Record<string, string>;
}

/**
 * Wizard step 3 (`location?mdt=…`): the locations, each once; empty where the page says the service has no calendar.
 */
export function parseLocationPage(html: string): TevisOfficeLocation[] {
  const $ = load(html);
  const byLoc = new Map<string, TevisOfficeLocation>();
  $('form').each((_, form) => {
    const loc = $(form).find('input[name=loc]').attr('value');
    if (!loc) return;
    const fields: Record<string, string> = {};
    $(form)
      .find('input[type=hidden][name]')
      .each((_, input) => void (fields[$(input).attr('name') ?? ''] = $(input).attr('value') ?? ''));
    const listed = $(form)
      .find('dt')
      .filter((_, dt) => cleanText($(dt).text()) === 'Name')
      .first()
      .next('dd');
    const name = cleanText(listed.text()) || cleanText($(form).parent().find('b').first().text());
    const known = byLoc.get(loc);
    if (!known) byLoc.set(loc, { loc, name, fields });
    else if (listed.length > 0 && name) known.name = name;
  });
  if (byLoc.size === 0 && !hasNoCalendarText(html))
    throw new ScrapeError('markup', 'tevis: the location page lists no location (no form with loc)');
  return [...byLoc.values()].map((location) => ({ ...location, name: location.name || location.loc }));
}

export interface TevisSuggestSlot {
  slot: WallTime;
  /** The calendar the time belongs to: the location id. */
  cal: string;
}

/**
 * The filter form of a suggest page: GET `action` with `fields` plus `filter_date_from`/`filter_date_to` (DD.MM.YYYY).
 */
export interface TevisFilterForm {
  action: string;
  fields: Record<string, string>;
}

export type TevisSuggest =
  | { kind: 'none' }
  | { kind: 'times'; days: string[]; slots: TevisSuggestSlot[]; taken: WallTime[]; filter?: TevisFilterForm };

const NO_TIMES = ['Kein freier Termin verfügbar', 'Keine Zeiten verfügbar'];

/** Whether a page is a suggest page (the answer to the location POST may already be one). */
export function isSuggestPage(html: string): boolean {
  const $ = load(html);
  return (
    $('form.suggestion_form, details#details_suggest_times, form#suggest_filter_form').length > 0 ||
    NO_TIMES.some((t) => cleanText($('body').text()).includes(t))
  );
}

/**
 * Wizard step 4 (`suggest`): the free times shown (one `form.suggestion_form` each, hidden `date` and `start`);
 * a `<button disabled>` outside a form is taken. "Kein freier Termin verfügbar" is zero slots, not an error.
 */
export function parseSuggestPage(html: string): TevisSuggest {
  const $ = load(html);
  const slots: TevisSuggestSlot[] = [];
  $('form.suggestion_form').each((_, form) => {
    const field = (name: string) => $(form).find(`input[name=${name}]`).attr('value')?.trim() ?? '';
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(field('date'));
    const start = Number(field('start'));
    const shown = /^(\d{1,2}):(\d{2})$/.exec(cleanText($(form).find('button').first().text()));
    const time =
      field('start') !== '' && Number.isInteger(start)
        ? clock(start)
        : shown
          ? `${shown[1]?.padStart(2, '0')}:${shown[2]}`
          : undefined;
    if (!date || !time) throw new ScrapeError('markup', 'tevis: a suggested time has no date or start');
    slots.push({ slot: `${date[1]}-${date[2]}-${date[3]} ${time}:00`, cal: field('cal') });
  });
  const headings = $('details#details_suggest_times > summary, details[id^=details_suggest_times] > summary')
    .map((_, summary) => germanDay(cleanText($(summary).text())))
    .get()
    .filter((day): day is string => day !== undefined);
  if (slots.length === 0 && headings.length === 0) {
    if (NO_TIMES.some((t) => cleanText($('body').text()).includes(t))) return { kind: 'none' };
    throw new ScrapeError('markup', 'tevis: the suggest page shows neither times nor "Kein freier Termin verfügbar"');
  }
  const taken = $('button[disabled]')
    .filter((_, b) => $(b).closest('form').length === 0 && /^\d{1,2}:\d{2}$/.test(cleanText($(b).text())))
    .map((_, b) => {
      const day = headings[0] ?? slots[0]?.slot.slice(0, 10);
      return `${day} ${cleanText($(b).text()).padStart(5, '0')}:00`;
    })
    .get();
  const days = [...new Set([...headings, ...slots.map((s) => s.slot.slice(0, 10))])].sort();
  const filter = filterForm($);
  return { kind: 'times', days, slots, taken, ...(filter ? { filter } : {}) };
}

function filterForm($: ReturnType<typeof load>): TevisFilterForm | undefined {
  const form = $('form#suggest_filter_form').first();
  if (form.length === 0) return undefined;
  const fields: Record<string, string> = {};
  form
    .find('input[type=hidden][name]')
    .each((_, input) => void (fields[$(input).attr('name') ?? ''] = $(input).attr('value') ?? ''));
  return { action: form.attr('action') ?? '', fields };
}

/** "Donnerstag, 11.12.2025" → '2025-12-11'. */
export function germanDay(text: string): string | undefined {
  const match = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : undefined;
}

/** '2025-12-11' → '11.12.2025' (the filter form's format). */
export function germanDate(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}
