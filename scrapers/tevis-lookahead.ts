import { addDays } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import { inHorizon, wholePage, type TevisRound } from './tevis-round.js';
import { germanDate, parseSuggestPage, type TevisSuggest } from './tevis-wizard-parse.js';
import type { WallTime } from './types.js';

/**
 * The free slots of the lookahead, from the first suggest page on. A suggest page shows one day, the earliest with
 * free times from the filter's first day: the filter (`filter_date_from` the day after the last one shown,
 * `filter_date_to` the lookahead's last day) steps from one free day to the next, so a calendar costs one page per
 * day with free times, and one more that says there are none left (unless the last day shown ends the lookahead).
 */
export async function readLookahead(round: TevisRound, first: TevisSuggest): Promise<WallTime[]> {
  const slots = new Set<WallTime>();
  let shown = first;
  let lastShown = '';
  const limit = Math.round((Date.parse(round.lastDay) - Date.parse(round.today)) / 86_400_000) + 2;
  for (let step = 0; shown.kind === 'times'; step++) {
    const { days } = shown;
    if (step > 0 && (days[0] ?? '') <= lastShown) {
      throw new ScrapeError('markup', 'tevis: the suggest filter did not move past the days already shown');
    }
    for (const { slot } of shown.slots) if (inHorizon(round, slot)) slots.add(slot);
    lastShown = days[days.length - 1] ?? lastShown;
    if (lastShown >= round.lastDay || step >= limit) break;
    const fields = {
      ...(shown.filter?.fields ?? {}),
      filter_date_from: germanDate(addDays(lastShown, 1)),
      filter_date_to: germanDate(round.lastDay),
      suggest_filter: 'Filtern',
    };
    const url = new URL(shown.filter?.action || 'suggest', `${round.base}/suggest`);
    url.search = new URLSearchParams(fields).toString();
    shown = parseSuggestPage(await wholePage(round, url.href));
  }
  return [...slots].sort();
}
