/**
 * Wall-clock times as whole seconds on a naive (UTC-like) axis: differences are taken on the
 * wall clock with no daylight-saving adjustment, as the published rules do (metrics.md rule 1).
 */
export type WallSeconds = number;

/** The same naive axis in milliseconds, for `Date` arithmetic (the app's timeline and cursor). */
export const wallToMs = (wall: string): number => Date.parse(`${wall.slice(0, 19).replace(' ', 'T')}Z`);
export const msToWall = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const QUARTER = 900;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;
/** 1970-01-05, four days after the epoch, was a Monday. */
const MONDAY_OFFSET = 4 * DAY;

/** 'YYYY-MM-DD HH:MM:SS' → seconds, or NaN when malformed. */
export function parseWallTime(text: string): WallSeconds {
  if (
    text.length !== 19 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== ' ' ||
    text[13] !== ':' ||
    text[16] !== ':'
  )
    return Number.NaN;
  const ms = Date.UTC(
    +text.slice(0, 4),
    +text.slice(5, 7) - 1,
    +text.slice(8, 10),
    +text.slice(11, 13),
    +text.slice(14, 16),
    +text.slice(17, 19),
  );
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === `${text.slice(0, 10)}T${text.slice(11)}`
    ? ms / 1000
    : Number.NaN;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
let formattedDay = Number.NaN;
let formattedDayText = '';

/** Seconds → 'YYYY-MM-DD HH:MM:SS'; the date is formatted once a day (the TUI formats every free slot it reads). */
export function formatWallTime(seconds: WallSeconds): string {
  const day = Math.floor(seconds / DAY);
  const rest = seconds - day * DAY;
  if (!Number.isInteger(rest)) return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
  if (day !== formattedDay) {
    formattedDay = day;
    formattedDayText = `${new Date(day * DAY * 1000).toISOString().slice(0, 10)} `;
  }
  const minutes = Math.floor(rest / 60);
  const hours = TWO_DIGITS[Math.floor(minutes / 60)];
  return `${formattedDayText}${hours}:${TWO_DIGITS[minutes % 60]}:${TWO_DIGITS[rest % 60]}`;
}

export const floorQuarter = (s: WallSeconds): WallSeconds => s - (((s % QUARTER) + QUARTER) % QUARTER);
export const floorHour = (s: WallSeconds): WallSeconds => s - (((s % HOUR) + HOUR) % HOUR);
export const floorDay = (s: WallSeconds): WallSeconds => s - (((s % DAY) + DAY) % DAY);
export const floorWeek = (s: WallSeconds): WallSeconds => s - ((((s - MONDAY_OFFSET) % WEEK) + WEEK) % WEEK);
export const SECONDS = { QUARTER, HOUR, DAY, WEEK } as const;

/** ISO week label 'YYYY-WW' of a wall time. */
export function isoWeekOf(seconds: WallSeconds): string {
  const weekday = Math.floor((floorDay(seconds) - floorWeek(seconds)) / DAY);
  const thursday = floorDay(seconds) + (3 - weekday) * DAY; // the week's Thursday decides its year
  const year = new Date(thursday * 1000).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1) / 1000) / WEEK);
  return `${year}-${String(week).padStart(2, '0')}`;
}

/** [start, end) of ISO week 'YYYY-WW', or undefined when the label is malformed. */
export function isoWeekRange(label: string): [WallSeconds, WallSeconds] | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return undefined;
  const [year, week] = [Number(match[1]), Number(match[2])];
  const jan4 = Date.UTC(year, 0, 4) / 1000;
  const start = floorWeek(jan4) + (week - 1) * WEEK;
  if (week < 1 || isoWeekOf(start) !== label) return undefined;
  return [start, start + WEEK];
}
