import type { CityInsights } from '../../../store/index.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { hbar } from './bar-chart.js';

/** A city in the app's ranking: by bookings per day per office, so that a source with 77 offices is one of many. */
export interface RankedCity {
  city: string;
  rank: number;
  perOffice: number;
}

export const perOffice = (c: CityInsights): number => c.bookingsPerDay / Math.max(1, c.locations);

/** Most bookings per day per office first; ties by name. */
export function rankCities(cities: readonly CityInsights[]): RankedCity[] {
  return cities
    .map((c) => ({ city: c.city, rank: 0, perOffice: perOffice(c) }))
    .sort((a, b) => b.perOffice - a.perOffice || a.city.localeCompare(b.city))
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

/**
 * The value a full bar stands for: the largest, unless the largest are outliers, each more than twice the next
 * (at most a quarter of the list, at least one, is passed over this way). Their bars are cut, marked ».
 */
export function barScale(values: readonly number[]): number {
  const sorted = values.filter((v) => v > 0).sort((a, b) => b - a);
  const skippable = Math.max(1, Math.floor(sorted.length / 4));
  let i = 0;
  while (i < skippable && i + 1 < sorted.length && sorted[i]! > 2 * sorted[i + 1]!) i++;
  return sorted[i] ?? 0;
}

const one = (value: number) => value.toFixed(1);

/**
 * The ranking's lines, a window of `rows` around the selected city: mark, rank, name, bar, bookings per day per
 * office. The figures are never cut (the name and the bar give way first).
 */
export function rankingLines(ranked: readonly RankedCity[], selected: string | undefined, width: number, rows: number) {
  const at = Math.max(
    0,
    ranked.findIndex((c) => c.city === selected),
  );
  const start = Math.max(0, Math.min(at - Math.floor(rows / 2), ranked.length - rows));
  const cap = barScale(ranked.map((c) => c.perOffice));
  const rankWidth = String(ranked.length).length;
  const numberWidth = Math.max(...ranked.map((c) => one(c.perOffice).length));
  const room = Math.max(0, width - 1 - rankWidth - numberWidth - 3);
  const nameWidth = Math.min(18, Math.max(4, Math.floor(room / 2)), room);
  const barWidth = Math.max(0, room - nameWidth);
  return ranked.slice(start, start + rows).map((c) => {
    const mine = c.city === selected;
    const bar = c.perOffice > cap && barWidth > 1 ? `${'█'.repeat(barWidth - 1)}»` : hbar(c.perOffice, cap, barWidth);
    const name = fit(sanitize(c.city, 60), nameWidth);
    const figure = one(c.perOffice).padStart(numberWidth);
    const text = `${mine ? '▸' : ' '}${String(c.rank).padStart(rankWidth)} ${name} ${fit(bar, barWidth)} ${figure}`;
    return { city: c.city, mine, text };
  });
}
