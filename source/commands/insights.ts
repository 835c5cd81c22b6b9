import {
  cityInsights,
  csvField,
  type CityInsights,
  type Figures,
  type Insights,
  type SourceInsights,
} from '../../store/index.js';
import { registryCityOf } from '../registry-city.js';
import { wallRange } from '../date-range.js';
import { formatTable } from '../format-table.js';
import { idMatcher } from '../id-pattern.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';

export const insightsCommand = defineCommand({
  name: 'insights',
  summary: 'per city and source: bookings, cancellations, lead time, popular hours, free slots; cities side by side',
  help: `
  Usage
    $ office-watch insights [--source PATTERN] [--from DATE] [--to DATE] [--json|--csv] [--db PATH]

  Per city and per source (a booking site; its offices are the columns of its
  grid) over the range: bookings and cancellations per day,
  cancellation rate, lead time (median and distribution in days), popular slot
  hours and booking hours, free slots per day; cities ranked by bookings per day.
  Bookings and cancellations follow office-watch's improved rules; the published
  rules' totals (as in stats and metrics) are shown beside them.

  Flags
    --source PATTERN  only sources whose id matches (* and ? wildcards)
    --from DATE       start, YYYY-MM-DD or "YYYY-MM-DD HH:MM" (Berlin)
    --to DATE         end, inclusive
    --json            everything as JSON (histograms included)
    --csv             one row per city and per source
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
});

const hours = (list: number[]): string => list.map((h) => `${String(h).padStart(2, '0')}h`).join(' ');
const num = (value: number | null, digits = 1): string => (value === null ? '–' : value.toFixed(digits));
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

const COLUMNS = [
  'bookings/day',
  'cancels/day',
  'cancel rate',
  'lead median (d)',
  'slot hours',
  'booking hours',
  'free/day',
  'bookings',
  'published',
];
const RIGHT = [true, true, true, true, false, false, true, true, true];
const CITY_RIGHT = [true, false, true, true, true, ...RIGHT];

function cells(f: Figures): string[] {
  return [
    num(f.bookingsPerDay),
    num(f.cancellationsPerDay),
    percent(f.cancellationRate),
    num(f.leadMedianDays, 0),
    hours(f.popularSlotHours),
    hours(f.popularBookingHours),
    num(f.freeSlotsPerDay),
    String(f.bookings),
    String(f.published.bookings),
  ];
}

/** The readable report: cities ranked side by side, then each source (a booking site) with its offices. */
export function insightsText(insights: Insights): string {
  const span = `${insights.first.slice(0, 16)} – ${insights.last.slice(0, 16)}`;
  const cityRows = insights.cities.map((c) => [
    String(c.rank),
    sanitize(c.city, 30),
    String(c.sources.length),
    String(c.locations),
    String(c.days),
    ...cells(c),
  ]);
  const sources = insights.cities.flatMap((c) => c.sources.map((s): [CityInsights, SourceInsights] => [c, s]));
  const sourceRows = sources.map(([c, s]) => {
    return [sanitize(c.city, 30), sanitize(s.sourceId, 40), String(s.locations), String(s.days), ...cells(s)];
  });
  const offices = insights.cities.reduce((sum, c) => sum + c.locations, 0);
  const what = [
    count(insights.cities.length, 'city', 'cities'),
    `${count(sources.length, 'source', 'sources')} (booking sites)`,
    count(offices, 'office', 'offices'),
  ];
  return [
    `Insights ${span} (Berlin): ${what.join(', ')}. Bookings and cancellations by office-watch's improved rules; `,
    '"published" = bookings by the published rules.\n',
    '\nCities, most bookings per day first\n',
    formatTable(['#', 'city', 'sources', 'offices', 'days', ...COLUMNS], cityRows, CITY_RIGHT),
    '\nSources\n',
    formatTable(['city', 'source', 'offices', 'days', ...COLUMNS], sourceRows, [false, false, true, true, ...RIGHT]),
  ].join('');
}

const CSV_HEADER = [
  'level',
  'city',
  'source',
  'rank',
  'days',
  'snapshots',
  'bookings',
  'cancellations',
  'bookings_per_day',
  'cancellations_per_day',
  'cancellation_rate',
  'lead_median_days',
  'popular_slot_hours',
  'popular_booking_hours',
  'free_slots_per_day',
  'published_bookings',
  'published_cancellations',
  'offices',
];

/** One row per city and per source (popular hours space-separated); offices: the locations seen. */
export function insightsCsv(insights: Insights): string {
  const row = (level: string, city: string, source: string, rank: string, f: Figures): string =>
    [
      level,
      city,
      source,
      rank,
      f.days,
      f.snapshots,
      f.bookings,
      f.cancellations,
      f.bookingsPerDay,
      f.cancellationsPerDay,
      f.cancellationRate ?? '',
      f.leadMedianDays ?? '',
      f.popularSlotHours.join(' '),
      f.popularBookingHours.join(' '),
      f.freeSlotsPerDay,
      f.published.bookings,
      f.published.cancellations,
      f.locations,
    ]
      .map((v) => csvField(String(v)))
      .join(',');
  const lines = [CSV_HEADER.join(',')];
  for (const c of insights.cities) {
    lines.push(row('city', c.city, '', String(c.rank), c));
    for (const s of c.sources) lines.push(row('source', c.city, s.sourceId, '', s));
  }
  return `${lines.join('\n')}\n`;
}
