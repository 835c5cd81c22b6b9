import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { HealthRow } from '../data/app-data.js';
import { fit } from '../fit.js';
import { duration, hhmm } from '../format-time.js';
import { paint, useTheme } from '../theme.js';
import { STATE_MARK } from './cities.js';

export interface HealthProps {
  rows: HealthRow[];
  /** First row shown. */
  offset: number;
  /** Sources of the selected city (marked ▸). */
  highlight: ReadonlySet<string>;
  width: number;
  height: number;
  focused: boolean;
}

const COLUMNS = [
  ['', 3],
  ['SOURCE', 16],
  ['LAST', 6],
  ['TOOK', 8],
  ['NEXT', 6],
  ['24H', 5],
] as const;

const percent = (rate: number | undefined) => (rate === undefined ? '–' : `${Math.round(rate * 100)}%`);

/** One line per scraper: state, last run, duration, next run, 24-hour success rate, last error. */
export function healthLine(row: HealthRow, width: number, marked: boolean): string {
  const fixed = COLUMNS.reduce((sum, [, w]) => sum + w, 0);
  const error = row.lastError && row.state === 'failing' ? sanitize(row.lastError, 300) : row.running ? 'scraping…' : '';
  return [
    fit(`${marked ? '▸' : ' '}${STATE_MARK[row.state].mark}`, 3),
    fit(sanitize(row.sourceId, 64), 15) + ' ',
    fit(row.lastRun ? hhmm(row.lastRun) : '–', 6),
    fit(duration(row.durationMs), 7, 'right') + ' ',
    fit(row.nextRun ? hhmm(row.nextRun) : '–', 6),
    fit(percent(row.successRate), 4, 'right') + ' ',
    fit(error, Math.max(0, width - fixed)),
  ].join('');
}

export function Health({ rows, offset, highlight, width, height, focused }: HealthProps) {
  const theme = useTheme();
  const failing = rows.filter((row) => row.state === 'failing' && row.lastError);
  // The error column is narrow: up to three failing scrapers' full errors go below the table.
  const errorLines = Math.min(failing.length, 3, Math.max(0, Math.floor((height - 4) / 3)));
  const errors = errorLines > 0 ? failing.slice(0, errorLines) : [];
  const visible = Math.max(1, height - 2 - (errors.length > 0 ? errors.length + 1 : 0));
  const start = Math.min(offset, Math.max(0, rows.length - visible));
  const shown = rows.slice(start, start + visible);
  const count = (state: HealthRow['state']) => rows.filter((row) => row.state === state).length;
  const title = `Scrapers · ${rows.length} · ${count('ok')} ok · ${count('failing')} failing · ${count('stale')} stale${rows.length > visible ? ` · ${start + 1}-${Math.min(rows.length, start + visible)} ↑↓` : ''}`;
  const header = COLUMNS.map(([name, w]) => fit(name, w)).join('') + 'LAST ERROR';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && focused}>{fit(title, width)}</Text>
      <Text bold={theme.colour}>{fit(header, width)}</Text>
      {rows.length === 0 && <Text>{fit('no scrapers', width)}</Text>}
      {shown.map((row) => (
        <Text key={row.sourceId} color={paint(theme, STATE_MARK[row.state].colour === 'gray' ? 'white' : STATE_MARK[row.state].colour)}>
          {healthLine(row, width, highlight.has(row.sourceId))}
        </Text>
      ))}
      {errors.length > 0 && <Text bold={theme.colour}>{fit('Last errors', width)}</Text>}
      {errors.map((row) => (
        <Text key={row.sourceId}>{fit(`${sanitize(row.sourceId, 30)}: ${sanitize(row.lastError ?? '', 300)}`, width)}</Text>
      ))}
    </Box>
  );
}
