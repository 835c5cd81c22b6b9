import type { Watch, WatchSpec } from '../../store/index.js';
import { describeWatch } from '../commands/watch.js';
import { parseWatchFlags, type WatchCandidates, type WatchFlags } from '../commands/watch-input.js';
import { idMatcher } from '../id-pattern.js';

export const DEFAULT_WITHIN_DAYS = 14;

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)(day|sday|nesday|rsday|urday)?$/i;

/**
 * The `w` prompt's text as a watch on `city`: "DAYS [HH-HH] [mon,tue] [OFFICE]" in any order, each part optional
 * (days default to 14; other words name one of the city's `offices`). Checked by `watch add`'s own rules; a
 * UserError names the first problem.
 */
export function parseWatchPrompt(
  city: string,
  text: string,
  today?: string,
  offices: WatchCandidates['offices'] = [],
): WatchSpec {
  const flags: WatchFlags = { city, within: DEFAULT_WITHIN_DAYS };
  const office: string[] = [];
  for (const part of text.trim().split(/\s+/).filter(Boolean)) {
    if (/^\d+$/.test(part)) flags.within = Number(part);
    else if (/^\d{1,2}(:00)?-\d{1,2}(:00)?$/.test(part)) flags.hours = part;
    else if (part.split(',').every((day) => WEEKDAY.test(day))) flags.weekdays = part;
    else office.push(part);
  }
  if (office.length > 0) flags.office = office.join(' ');
  return parseWatchFlags(flags, { cities: [city], offices }, idMatcher, today);
}

/** The status line after a watch was added: as `watch add` says it. */
export const watchAdded = (watch: Watch): string => `added watch ${describeWatch(watch).trim()}; 6 lists the alerts`;
