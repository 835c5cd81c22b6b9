/** tevis, the older flow's steps 3–5: the calendar page, caldiv JSON weeks, the ISO-week lookahead. */
import { load } from 'cheerio/slim';
import { addDays } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import { cleanText } from './tevis-parse.js';
import type { WallTime } from './types.js';

/** Texts of a calendar page that mean: this service has no calendar (skip it). */
export const NO_CALENDAR_TEXTS = [
  'Eingabe der persönlichen Daten für den Termin',
  'Der ausgewählte Kalender existiert nicht',
  'Kein gültiger Mandant gefunden',
  'Es wurde kein Mandantor empfangen',
  'Es ist ein Datenbank-Fehler aufgetreten',
];

/**
 * Step 3: the calendar id of `calendar?mdt=…` (from the `window.tevis` block), or undefined where the service has none.
 */
export function parseCalendarPage(html: string): string | undefined {
  const id = /window\.tevis\s*=\s*window\.tevis\s*\|\|\s*\{[\s\S]*?\bcalendar\s*:\s*["']?(\d+)/.exec(html)?.[1];
  if (id !== undefined) return Number(id) === 0 ? undefined : String(Number(id));
  if (hasNoCalendarText(html)) return undefined;
  throw new ScrapeError('markup', 'tevis: the calendar page has no window.tevis calendar id and no known notice');
}

export function hasNoCalendarText(html: string): boolean {
  const text = cleanText(load(html).text());
  return NO_CALENDAR_TEXTS.some((phrase) => text.includes(phrase));
}

/**
 * Step 5: the free slots of one `caldiv` week, or undefined for a body that is not JSON ("no data for that week").
 * `valid[i]` lists free minutes after midnight of `days[i]`; an object `{minute: 1}` is read as well (value 1 = free).
 */
export function parseCaldiv(body: string): WallTime[] | undefined {
  const text = body.trim();
  if (!/^[[{]/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScrapeError('markup', 'tevis: the caldiv answer is broken JSON');
  }
  const { days, valid } = (json ?? {}) as { days?: unknown; valid?: unknown };
  if (!Array.isArray(days) || !Array.isArray(valid))
    throw new ScrapeError('markup', 'tevis: the caldiv JSON has no days/valid lists');
  const slots = new Set<WallTime>();
  days.forEach((day, i) => {
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(String(day));
    if (!date) throw new ScrapeError('markup', `tevis: caldiv day ${String(day)} is not YYYYMMDD`);
    for (const minute of freeMinutes(valid[i])) slots.add(`${date[1]}-${date[2]}-${date[3]} ${clock(minute)}:00`);
  });
  return [...slots].sort();
}

function freeMinutes(entry: unknown): number[] {
  const raw = Array.isArray(entry)
    ? entry
    : entry && typeof entry === 'object'
      ? Object.entries(entry).flatMap(([minute, value]) => (Number(value) === 1 ? [minute] : []))
      : [];
  return raw.map(Number).filter((minute) => Number.isInteger(minute) && minute >= 0 && minute < 24 * 60);
}

/** Minutes after midnight as 'HH:MM'. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO week of a day as tevis writes it: 'YYYYWW' (ISO year). */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}${String(week).padStart(2, '0')}`;
}

/** The lookahead: the current ISO week and the next `weeks - 1`, from today to the last Sunday. */
export function tevisHorizon(today: string, weeks: number): { weeks: string[]; lastDay: string } {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  const monday = addDays(today, 1 - weekday);
  const count = Math.max(1, weeks);
  return {
    weeks: Array.from({ length: count }, (_, i) => isoWeek(addDays(monday, i * 7))),
    lastDay: addDays(monday, count * 7 - 1),
  };
}
