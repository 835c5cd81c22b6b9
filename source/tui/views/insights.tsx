import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { LEAD_BINS, type CityInsights, type Insights } from '../../../store/insights.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { paint, useTheme, type Theme } from '../theme.js';
import { axisLine, barRows, hbar, squeeze } from './bar-chart.js';

export interface InsightsProps {
  insights?: Insights | undefined;
  city?: string | undefined;
  loading: boolean;
  error?: string | undefined;
  width: number;
  height: number;
  focused: boolean;
}

const BAR_ROWS = 3;
const one = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const hours = (list: number[]) => (list.length ? list.map((h) => `${String(h).padStart(2, '0')}h`).join(' ') : '–');

/** A histogram with its title and axis, fitted to `width`: the lines, top first. */
function histogram(title: string, values: readonly number[], width: number, ticks: readonly (readonly [number, string])[]): string[] {
  const { values: columns, per } = squeeze(values, width);
  return [title, ...barRows(columns, BAR_ROWS), axisLine(ticks.map(([bin, text]) => [Math.floor(bin / per), text] as const), width)];
}

type Ticks = (readonly [number, string])[];
const hourTicks: Ticks = [0, 6, 12, 18].map((h) => [h, `${h}`]);
const leadTicks: Ticks = [...[0, 7, 14, 21, 28, 35].map((d): readonly [number, string] => [d, `${d}`]), [LEAD_BINS - 1, `${LEAD_BINS - 1}+`]];

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

/** The figures and charts of one city, as `office-watch insights` reports them (improved rules). */
function cityLines(c: CityInsights, cities: number, width: number): { text: string; chart?: boolean }[] {
  const figures = [`bookings ${one(c.bookingsPerDay)}/day`, `cancellations ${one(c.cancellationsPerDay)}/day`, `cancel rate ${percent(c.cancellationRate)}`, `free slots ${one(c.freeSlotsPerDay)}/day`, `#${c.rank} of ${cities} cities`, `${c.offices.length} ${c.offices.length === 1 ? 'office' : 'offices'}`];
  const lines = wrap(figures, width).map((text): { text: string; chart?: boolean } => ({ text }));
  const lead = histogram(`Lead time: bookings by days ahead (median ${c.leadMedianDays ?? '–'} d)`, c.leadDays, width, leadTicks);
  lines.push(...lead.map((text, i) => ({ text, chart: i > 0 && i <= BAR_ROWS })));
  const half = Math.floor((width - 2) / 2);
  const slot = histogram(`Slot hours: ${hours(c.popularSlotHours)}`, c.slotHours, half >= 24 ? half : width, hourTicks);
  const booked = histogram(`Booking hours: ${hours(c.popularBookingHours)}`, c.bookingHours, half >= 24 ? half : width, hourTicks);
  // Side by side when both fit at an hour a column; else one under the other, squeezed.
  if (half >= 24) lines.push(...slot.map((text, i) => ({ text: `${fit(text, half)}  ${booked[i]!}`, chart: i > 0 && i <= BAR_ROWS })));
  else lines.push(...[...slot, ...booked].map((text, i) => ({ text, chart: i % (BAR_ROWS + 2) > 0 && i % (BAR_ROWS + 2) <= BAR_ROWS })));
  return lines;
}

/** The ranking, a window of `rows` lines around the selected city: rank, name, bar, bookings per day. */
function rankingLines(insights: Insights, city: string | undefined, width: number, rows: number, theme: Theme): ReactElement[] {
  const list = insights.cities;
  const at = Math.max(0, list.findIndex((c) => c.city === city));
  const start = Math.max(0, Math.min(at - Math.floor(rows / 2), list.length - rows));
  const max = Math.max(0, ...list.map((c) => c.bookingsPerDay));
  const nameWidth = Math.min(18, Math.max(6, Math.floor(width / 4)));
  const barWidth = Math.max(0, width - nameWidth - 13);
  return list.slice(start, start + rows).map((c) => {
    const mine = c.city === city;
    const text = `${mine ? '▸' : ' '}${String(c.rank).padStart(3)} ${fit(sanitize(c.city, 60), nameWidth)} ${fit(hbar(c.bookingsPerDay, max, barWidth), barWidth)} ${one(c.bookingsPerDay).padStart(6)}`;
    return (
      <Text key={c.city} bold={theme.colour && mine} color={paint(theme, mine ? 'cyan' : 'white')}>
        {fit(text, width)}
      </Text>
    );
  });
}

export function InsightsView({ insights, city, loading, error, width, height, focused }: InsightsProps) {
  const theme = useTheme();
  const name = sanitize(city ?? '', 40);
  const found = insights?.cities.find((c) => c.city === city);
  const span = insights ? ` · ${insights.first.slice(0, 10)} – ${insights.last.slice(0, 10)}` : '';
  const lines: ReactElement[] = [
    <Text key="title" bold={theme.colour && focused}>
      {fit(`Insights · ${name || 'no city'}${span}${loading && !insights ? ' · computing…' : ''}`, width)}
    </Text>,
  ];
  const note = (key: string, text: string) => <Text key={key}>{fit(text, width)}</Text>;
  if (error) lines.push(note('error', `insights failed: ${sanitize(error, 200)}`));
  else if (!insights) lines.push(note('none', loading ? 'computing the insights from the store…' : 'no snapshots in the database yet'));
  else if (!found) lines.push(note('none', `no snapshots of ${name || 'this city'} yet`));
  else {
    for (const [i, line] of cityLines(found, insights.cities.length, width).entries()) {
      lines.push(
        <Text key={`c${i}`} color={line.chart ? paint(theme, 'cyan') : undefined}>
          {fit(line.text, width)}
        </Text>,
      );
    }
  }
  if (insights && insights.cities.length > 0 && height - lines.length >= 3) {
    lines.push(<Text key="ranking" bold={theme.colour}>{fit('Cities by bookings per day (improved rules)', width)}</Text>);
    lines.push(...rankingLines(insights, city, width, height - lines.length, theme));
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(0, height)}
    </Box>
  );
}
