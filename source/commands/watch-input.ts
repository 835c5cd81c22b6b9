import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { IsoWeekday, WatchSpec } from '../../store/index.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const bad = (sentence: string): never => {
  throw new UserError(sentence, 2);
};
const shown = (value: unknown) => sanitize(String(value), 40);

/** Where the patterns may point: cities, and offices as "source/location" ids and names. */
export interface WatchCandidates {
  cities: string[];
  offices: { id: string; name?: string | undefined }[];
}

/** The flags of `watch add` as meow parses them (the `w` prompt makes the same). */
export interface WatchFlags {
  city?: string | undefined;
  office?: string | undefined;
  before?: string | undefined;
  within?: number | undefined;
  weekdays?: string | undefined;
  hours?: string | undefined;
}

/** The flags of `watch add`, checked: one sentence for the first problem. `today` is Berlin's 'YYYY-MM-DD'. */
export function parseWatchFlags(
  flags: WatchFlags,
  candidates: WatchCandidates,
  match: (pattern: string) => (text: string) => boolean,
  today = toBerlinWallTime(new Date()).slice(0, 10),
): WatchSpec {
  const spec: WatchSpec = {};
  const city = pattern(flags.city, 'city');
  const office = pattern(flags.office, 'office');
  if (city === undefined && office === undefined) bad('a watch needs --city PATTERN or --office PATTERN (or both).');
  if (flags.before === undefined && flags.within === undefined)
    bad('a watch needs --before DATE or --within DAYS (or both).');
  if (city !== undefined) {
    if (!candidates.cities.some(match(city)))
      bad(`no city matches --city "${shown(city)}"; office-watch list shows the sources and their cities.`);
    spec.city = city;
  }
  if (office !== undefined) {
    const accepts = match(office);
    if (!candidates.offices.some((o) => accepts(o.id) || (o.name !== undefined && accepts(o.name))))
      bad(`no office matches --office "${shown(office)}" (it matches "source/location" ids or office names).`);
    spec.office = office;
  }
  if (flags.before !== undefined) {
    const before = flags.before;
    const date = new Date(`${before}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(before) ||
      Number.isNaN(date.getTime()) ||
      date.toISOString().slice(0, 10) !== before
    )
      bad(`--before "${shown(before)}" is not a date (YYYY-MM-DD).`);
    if (before <= today) bad(`--before ${before} is not in the future (today is ${today}).`);
    spec.before = before;
  }
  if (flags.within !== undefined) {
    const within = flags.within;
    if (!Number.isInteger(within) || within < 0 || within > 366)
      bad(`--within needs a whole number of days from 0 to 366; got "${shown(within)}".`);
    spec.withinDays = within;
  }
  if (flags.weekdays !== undefined) spec.weekdays = weekdays(flags.weekdays);
  if (flags.hours !== undefined) spec.hours = hours(flags.hours);
  return spec;
}

function pattern(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') bad(`--${flag} needs a pattern.`);
  return text;
}

function weekdays(value: string): IsoWeekday[] {
  const days = value
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  if (days.length === 0) bad('--weekdays needs days such as mon,tue,fri.');
  const numbers = days.map((d) => {
    const index = d.length === 3 ? WEEKDAYS.indexOf(d) : FULL.indexOf(d);
    if (index < 0) bad(`--weekdays: "${shown(d)}" is not a weekday (mon, tue, wed, thu, fri, sat, sun).`);
    return (index + 1) as IsoWeekday;
  });
  return [...new Set(numbers)].sort();
}

const FULL = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function hours(value: string): { from: number; to: number } {
  const match = /^(\d{1,2})(?::00)?-(\d{1,2})(?::00)?$/.exec(value.trim());
  const from = match ? Number(match[1]) : NaN;
  const to = match ? Number(match[2]) : NaN;
  if (!match || from > 23 || to > 24 || from >= to)
    bad(`--hours "${shown(value)}" is not a range of hours such as 08-12 (from 0 to 24, the first before the second).`);
  return { from, to };
}
