import { Box, Text } from 'ink';
import { useMemo, type ReactElement } from 'react';
import type { Insights } from '../../../store/index.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { paint, useTheme } from '../theme.js';
import { rankCities, rankingLines } from './city-ranking.js';
import { cityFigureLines } from './insights-figures.js';

export interface InsightsProps {
  insights?: Insights | undefined;
  city?: string | undefined;
  loading: boolean;
  error?: string | undefined;
  width: number;
  height: number;
  focused: boolean;
}

/** The ranking keeps this many lines (its title and three cities) before the city's charts take room. */
const RANKING_LINES = 4;

/** The selected city's figures and charts, then the cities ranked by bookings per day per office. */
export function InsightsView({ insights, city, loading, error, width, height, focused }: InsightsProps) {
  const theme = useTheme();
  const name = sanitize(city ?? '', 40);
  const found = insights?.cities.find((c) => c.city === city);
  const ranked = useMemo(() => rankCities(insights?.cities ?? []), [insights]);
  const span = insights ? ` · ${insights.first.slice(0, 10)} – ${insights.last.slice(0, 10)}` : '';
  const lines: ReactElement[] = [
    <Text key="title" bold={theme.colour && focused}>
      {fit(`Insights · ${name || 'no city'}${span}${loading && !insights ? ' · computing…' : ''}`, width)}
    </Text>,
  ];
  const note = (key: string, text: string) => <Text key={key}>{fit(text, width)}</Text>;
  if (error) lines.push(note('error', `insights failed: ${sanitize(error, 200)}`));
  else if (!insights)
    lines.push(note('none', loading ? 'computing the insights from the store…' : 'no snapshots in the database yet'));
  else if (!found) lines.push(note('none', `no snapshots of ${name || 'this city'} yet`));
  else {
    const rank = ranked.find((c) => c.city === city)?.rank ?? 0;
    const [figures, ...charts] = cityFigureLines(found, rank, ranked.length, width);
    const keep = Math.min(RANKING_LINES, ranked.length + 1);
    let shown = [...figures!];
    // The charts that fit above the ranking, in order; the hours go first when the pane is short.
    for (const chart of charts) if (1 + shown.length + chart.length + keep <= height) shown = [...shown, ...chart];
    shown.forEach((line, i) =>
      lines.push(
        <Text key={`c${i}`} color={line.chart ? paint(theme, 'cyan') : undefined}>
          {fit(line.text, width)}
        </Text>,
      ),
    );
  }
  if (insights && insights.cities.length > 0 && height - lines.length >= 2) {
    lines.push(
      <Text key="ranking" bold={theme.colour}>
        {fit(`Cities by bookings per day per office${width >= 54 ? ' (improved rules)' : ''}`, width)}
      </Text>,
    );
    for (const row of rankingLines(ranked, city, width, height - lines.length)) {
      lines.push(
        <Text key={row.city} bold={theme.colour && row.mine} color={row.mine ? paint(theme, 'cyan') : undefined}>
          {fit(row.text, width)}
        </Text>,
      );
    }
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(0, height)}
    </Box>
  );
}
