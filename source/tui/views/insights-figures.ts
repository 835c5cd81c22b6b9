import { LEAD_BINS, type CityInsights } from '../../../store/index.js';
import { fit } from '../fit.js';
import { axisLine, barRows, squeeze } from './bar-chart.js';

/** A line of the insights view; chart lines are the bars of a histogram. */
export interface FigureLine {
  text: string;
  chart?: boolean;
}

const BAR_ROWS = 3;
export const one = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const hours = (list: number[]) => (list.length ? list.map((h) => `${String(h).padStart(2, '0')}h`).join(' ') : '–');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

type Ticks = readonly (readonly [number, string])[];
const hourTicks: Ticks = [0, 6, 12, 18].map((h) => [h, `${h}`]);
const leadTicks: Ticks = [
  ...[0, 7, 14, 21, 28, 35].map((d): readonly [number, string] => [d, `${d}`]),
  [LEAD_BINS - 1, `${LEAD_BINS - 1}+`],
];

/** A histogram with its title and axis, fitted to `width`: the lines, top first. */
function histogram(title: string, values: readonly number[], width: number, ticks: Ticks): FigureLine[] {
  const { values: columns, per } = squeeze(values, width);
  const axis = axisLine(
    ticks.map(([bin, text]) => [Math.floor(bin / per), text] as const),
    width,
  );
  return [{ text: title }, ...barRows(columns, BAR_ROWS).map((text) => ({ text, chart: true })), { text: axis }];
}

/** Parts joined with ' · ' into as few lines of `width` as they fill. */
function wrap(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && [...`${last} · ${part}`].length <= width) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines;
}

/**
 * One city's figures and charts, as `office-watch insights` reports them (improved rules), in the groups the
 * view drops from the end when the pane is short: the figures, the lead times, the hours. A source is a booking
 * site; its offices are the columns of its grid.
 */
export function cityFigureLines(c: CityInsights, rank: number, cities: number, width: number): FigureLine[][] {
  const figures = [
    `bookings ${one(c.bookingsPerDay)}/day`,
    `cancellations ${one(c.cancellationsPerDay)}/day`,
    `cancel rate ${percent(c.cancellationRate)}`,
    `free slots ${one(c.freeSlotsPerDay)}/day`,
    `#${rank} of ${cities} cities`,
    `${plural(c.sources.length, 'source')} · ${plural(c.locations, 'office')}`,
  ];
  const leadTitle = `Lead time: bookings by days ahead (median ${c.leadMedianDays ?? '–'} d)`;
  const lead = histogram(leadTitle, c.leadDays, width, leadTicks);
  const half = Math.floor((width - 2) / 2);
  const columns = half >= 24 ? half : width;
  const slot = histogram(`Slot hours: ${hours(c.popularSlotHours)}`, c.slotHours, columns, hourTicks);
  const booked = histogram(`Booking hours: ${hours(c.popularBookingHours)}`, c.bookingHours, columns, hourTicks);
  // Side by side when both fit at an hour a column; else one under the other, squeezed.
  const beside = () => slot.map((line, i) => ({ ...line, text: `${fit(line.text, half)}  ${booked[i]!.text}` }));
  const both = half >= 24 ? beside() : [...slot, ...booked];
  return [wrap(figures, width).map((text) => ({ text })), lead, both];
}
