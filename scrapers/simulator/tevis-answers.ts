import type { SimOffice, SimRequest, SimResponse } from './types.js';
import type { SimTevisDepartment, SimTevisLocation, SimTevisService } from './tevis-model.js';
import type { TevisVariant } from './tevis-variant.js';
import { daysOfWeek, weekOf } from './tevis-weeks.js';
import { suggestPage, type SuggestDay } from './tevis-markup.js';

// What the simulated tevis site answers with free times: caldiv weeks (older flow) and suggest pages (wizard).

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const html = (body: string): SimResponse => ({ status: 200, body, contentType: 'text/html' });
const minutesOf = (slot: string): number => Number(slot.slice(11, 13)) * 60 + Number(slot.slice(14, 16));

/** Older flow: one `caldiv` week of a calendar the session selected (JSON, or an HTML notice). */
export function caldiv(
  office: SimOffice,
  variant: TevisVariant,
  departments: SimTevisDepartment[],
  request: SimRequest,
  selected: Set<string>,
  today: string,
): SimResponse {
  const calendar = request.query.get('cal') ?? '';
  const week = request.query.get('week') ?? '';
  const place = departments.flatMap((d) => d.services.flatMap((s) => s.locations)).find((l) => l.calendar === calendar);
  if (!place || !selected.has(calendar) || !/^\d{6}$/.test(week)) {
    return html('<div class="caldiv_info">Bitte wählen Sie zuerst ein Anliegen aus.</div>');
  }
  const days = daysOfWeek(week);
  const free = office.freeSlots(place.office).filter((slot) => slot.slice(0, 10) >= today);
  const valid = days.map((day) => free.filter((slot) => slot.startsWith(day)).map(minutesOf));
  if (valid.every((minutes) => minutes.length === 0) && variant.emptyWeekHtml) {
    return html('<div class="caldiv_info">Keine Termine in dieser Woche</div>');
  }
  const entries = variant.validObjects ? valid.map(asObject) : valid;
  const compact = days.map((d) => d.replace(/-/g, ''));
  const body = JSON.stringify({ week, cal: Number(calendar), days: compact, valid: entries, invalid: [], offset: 1 });
  return { body, contentType: 'application/json' };
}

/** `{minute: 1}` for each free minute, and one taken minute at 0 (the shape a Kiel bot reads). */
function asObject(minutes: number[]): Record<string, number> {
  const entry: Record<string, number> = {};
  for (const minute of minutes) entry[String(minute)] = 1;
  const taken = minutes.length > 0 ? ((minutes[0] ?? 0) + 7) % 1440 : undefined;
  if (taken !== undefined && !minutes.includes(taken)) entry[String(taken)] = 0;
  return entry;
}

/** Wizard: the suggest page of the chosen service and location, from the filter's first day (default today). */
export function suggest(
  office: SimOffice,
  service: SimTevisService,
  location: SimTevisLocation,
  query: URLSearchParams,
  today: string,
): string {
  const from = isoOf(query.get('filter_date_from')) ?? today;
  const to = isoOf(query.get('filter_date_to'));
  const first = from < today ? today : from;
  const inRange = (slot: string) => slot.slice(0, 10) >= first && (to === undefined || slot.slice(0, 10) <= to);
  const free = office.freeSlots(location.office).filter(inRange);
  const day = free[0]?.slice(0, 10);
  let shown: SuggestDay | undefined;
  if (day) {
    const minutes = free.filter((slot) => slot.startsWith(day)).map(minutesOf);
    const taken = [...new Set(minutes.map((m) => Math.floor(m / 60) * 60 + 45))].filter((m) => !minutes.includes(m));
    const { week, weekday } = weekOf(day);
    shown = { day, week, weekday, weekdayName: WEEKDAYS[weekday - 1] ?? '', free: minutes, taken };
  }
  const german = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
  return suggestPage(office.name, service, location, shown, { from: german(from), to: german(to ?? day ?? from) });
}

function isoOf(german: string | null): string | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(german ?? '');
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
}
