import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { HealthRow } from '../data/app-data.js';
import { fit } from '../fit.js';
import { paint, useTheme } from '../theme.js';
import { STATE_MARK } from './cities.js';
import { healthColumns } from './health-columns.js';

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

/** One line per scraper, of the columns that fit `width`: state, source, 24-hour success rate, last run, next… */
export function healthLine(row: HealthRow, width: number, marked: boolean): string {
  return healthColumns(width)
    .map((column) => column.cell(row, marked))
    .join('');
}

/** How the rows share the pane with the full errors of up to three failing scrapers below them. */
export function healthLayout(rows: readonly HealthRow[], height: number): { errors: HealthRow[]; visible: number } {
  const failing = rows.filter((row) => row.state === 'failing' && row.lastError);
  // The error column is narrow (or dropped): up to three failing scrapers' full errors go below the table.
  const errors = failing.slice(0, Math.min(3, Math.max(0, Math.floor((height - 4) / 3))));
  return { errors, visible: Math.max(1, height - 2 - (errors.length > 0 ? errors.length + 1 : 0)) };
}

/** The title, shorter where narrow (zero counts go first, then all but the failing), the scroll range kept. */
export function healthTitle(rows: readonly HealthRow[], start: number, visible: number, width: number): string {
  const count = (state: HealthRow['state']) => rows.filter((row) => row.state === state).length;
  const counts = (['ok', 'failing', 'stale'] as const).map((name) => ({ name, n: count(name) }));
  const range = rows.length > visible ? ` · ${start + 1}-${Math.min(rows.length, start + visible)} ↑↓` : '';
  const candidates = [counts, counts.filter((c) => c.n > 0), counts.filter((c) => c.n > 0 && c.name === 'failing'), []];
  const titles = candidates
    .map((parts) => [`Scrapers · ${rows.length}`, ...parts.map((c) => `${c.n} ${c.name}`)])
    .map((parts) => parts.join(' · ') + range);
  return titles.find((title) => [...title].length <= width) ?? titles.at(-1)!;
}

export function Health({ rows, offset, highlight, width, height, focused }: HealthProps) {
  const theme = useTheme();
  const { errors, visible } = healthLayout(rows, height);
  const start = Math.min(offset, Math.max(0, rows.length - visible));
  const shown = rows.slice(start, start + visible);
  const header = healthColumns(width)
    .map((column) => column.header)
    .join('');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && focused}>{fit(healthTitle(rows, start, visible, width), width)}</Text>
      <Text bold={theme.colour}>{fit(header, width)}</Text>
      {rows.length === 0 && <Text>{fit('no scrapers', width)}</Text>}
      {shown.map((row) => (
        <Text
          key={row.sourceId}
          color={paint(theme, STATE_MARK[row.state].colour === 'gray' ? 'white' : STATE_MARK[row.state].colour)}
        >
          {fit(healthLine(row, width, highlight.has(row.sourceId)), width)}
        </Text>
      ))}
      {errors.length > 0 && <Text bold={theme.colour}>{fit('Last errors', width)}</Text>}
      {errors.map((row) => (
        <Text key={row.sourceId}>
          {fit(`${sanitize(row.sourceId, 30)}: ${sanitize(row.lastError ?? '', 300)}`, width)}
        </Text>
      ))}
    </Box>
  );
}
