import type { Watch, WatchSpec } from '../../store/watches.js';
import { describeWatch } from '../commands/watch.js';
import { parseWatchFlags } from '../commands/watch-input.js';
import { idMatcher } from '../id-pattern.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';

export const DEFAULT_WITHIN_DAYS = 14;

/**
 * The `w` prompt's text as a watch on `city`: "DAYS [HH-HH] [mon,tue]" in any order, each part optional (days
 * default to 14). Checked by `watch add`'s own rules; a UserError names the first problem.
 */
export function parseWatchPrompt(city: string, text: string, today?: string): WatchSpec {
  const flags: Record<string, unknown> = { city, within: DEFAULT_WITHIN_DAYS };
  for (const part of text.trim().split(/\s+/).filter(Boolean)) {
    if (/^\d+$/.test(part)) flags.within = Number(part);
    else if (/^\d{1,2}(:00)?-\d{1,2}(:00)?$/.test(part)) flags.hours = part;
    else if (/^[a-z,]+$/i.test(part)) flags.weekdays = part;
    else throw new UserError(`"${sanitize(part, 20)}" is not a number of days, hours such as 08-12 or weekdays such as mon,tue.`, 2);
  }
  return parseWatchFlags(flags, { cities: [city], offices: [] }, idMatcher, today);
}

/** The status line after a watch was added: as `watch add` says it. */
export const watchAdded = (watch: Watch): string => `added watch ${describeWatch(watch).trim()}; 6 lists the alerts`;
