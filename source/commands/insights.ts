import { cityInsights, type CityInsights, type Figures, type Insights, type OfficeInsights } from '../../store/insights.js';
import { registryCityOf } from '../../store/insights-city.js';
import { csvField } from '../../store/weekly-csv.js';
import { wallRange } from '../date-range.js';
import { formatTable } from '../format-table.js';
import { idMatcher } from '../id-pattern.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';

export const insightsCommand: Command = {
  name: 'insights',
  summary: 'per city and office: bookings, cancellations, lead time, popular hours, free slots; cities side by side',
  help: `
  Usage
    $ office-watch insights [--source PATTERN] [--from DATE] [--to DATE] [--json|--csv] [--db PATH]

  Per city and per office over the range: bookings and cancellations per day,
  cancellation rate, lead time (median and distribution in days), popular slot
  hours and booking hours, free slots per day; cities ranked by bookings per day.
  Bookings and cancellations follow office-watch's improved rules; the published
  rules' totals (as in stats and metrics) are shown beside them.

  Flags
    --source PATTERN  only sources whose id matches (* and ? wildcards)
    --from DATE       start, YYYY-MM-DD or "YYYY-MM-DD HH:MM" (Berlin)
    --to DATE         end, inclusive
    --json            everything as JSON (histograms included)
    --csv             one row per city and per office
`,
  flags: {
    source: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
  },
  async run({ flags, input, stdout }) {
    if (input.length > 0) throw new UserError('insights takes no arguments; see office-watch insights --help.', 2);
    if (flags.json && flags.csv) throw new UserError('choose one of --json and --csv.', 2);
    const range = wallRange(flags as { from?: unknown; to?: unknown });
    const pattern = typeof flags.source === 'string' && flags.source !== '' ? flags.source : undefined;
    const matches = pattern ? idMatcher(pattern) : undefined;
    const insights = await withStore(flags.db, { readOnly: true }, (store) =>
      cityInsights(store, { ...range, ...(matches ? { sources: matches } : {}), cityOf: registryCityOf() }),
    );
    if (!insights) {
      const what = pattern ? `no source matching "${pattern}" has` : 'the database has no';
      const when = range.from || range.to ? ` between ${range.from ?? 'the start'} and ${range.to ?? 'the end'}` : '';
      throw new UserError(`${what} snapshots${when}.`);
    }
    if (flags.json) stdout.write(`${JSON.stringify(insights, null, 2)}\n`);
    else if (flags.csv) stdout.write(insightsCsv(insights));
    else stdout.write(insightsText(insights));
    return 0;
  },
};

const hours = (list: number[]): string => list.map((h) => `${String(h).padStart(2, '0')}h`).join(' ');
const num = (value: number | null, digits = 1): string => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

const COLUMNS = ['bookings/day', 'cancels/day', 'cancel rate', 'lead median (d)', 'slot hours', 'booking hours', 'free/day', 'bookings', 'published'];
const RIGHT = [true, true, true, true, false, false, true, true, true];

function cells(f: Figures): string[] {
  return [num(f.bookingsPerDay), num(f.cancellationsPerDay), percent(f.cancellationRate), num(f.leadMedianDays, 0), hours(f.popularSlotHours), hours(f.popularBookingHours), num(f.freeSlotsPerDay), String(f.bookings), String(f.published.bookings)];
}

/** The readable report: cities ranked side by side, then each office. */
export function insightsText(insights: Insights): string {
  const span = `${insights.first.slice(0, 16)} – ${insights.last.slice(0, 16)}`;
  const cityRows = insights.cities.map((c) => [String(c.rank), sanitize(c.city, 30), String(c.offices.length), String(c.days), ...cells(c)]);
  const offices: [CityInsights, OfficeInsights][] = insights.cities.flatMap((c) => c.offices.map((o) => [c, o] as [CityInsights, OfficeInsights]));
  const officeRows = offices.map(([c, o]) => [sanitize(c.city, 30), sanitize(o.sourceId, 40), String(o.days), ...cells(o)]);
  return [
    `Insights ${span} (Berlin): ${insights.cities.length} cities, ${offices.length} offices. Bookings and cancellations by office-watch's improved rules; "published" = bookings by the published rules.\n`,
    '\nCities, most bookings per day first\n',
    formatTable(['#', 'city', 'offices', 'days', ...COLUMNS], cityRows, [true, false, true, true, ...RIGHT]),
    '\nOffices\n',
    formatTable(['city', 'source', 'days', ...COLUMNS], officeRows, [false, false, true, ...RIGHT]),
  ].join('');
}

const CSV_HEADER = ['level', 'city', 'source', 'rank', 'days', 'snapshots', 'bookings', 'cancellations', 'bookings_per_day', 'cancellations_per_day', 'cancellation_rate', 'lead_median_days', 'popular_slot_hours', 'popular_booking_hours', 'free_slots_per_day', 'published_bookings', 'published_cancellations'];

/** One row per city and per office (popular hours space-separated). */
export function insightsCsv(insights: Insights): string {
  const row = (level: string, city: string, source: string, rank: string, f: Figures): string =>
    [level, city, source, rank, f.days, f.snapshots, f.bookings, f.cancellations, f.bookingsPerDay, f.cancellationsPerDay, f.cancellationRate ?? '', f.leadMedianDays ?? '', f.popularSlotHours.join(' '), f.popularBookingHours.join(' '), f.freeSlotsPerDay, f.published.bookings, f.published.cancellations]
      .map((v) => csvField(String(v)))
      .join(',');
  const lines = [CSV_HEADER.join(',')];
  for (const c of insights.cities) {
    lines.push(row('city', c.city, '', String(c.rank), c));
    for (const o of c.offices) lines.push(row('office', c.city, o.sourceId, '', o));
  }
  return `${lines.join('\n')}\n`;
}
