import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { TimelineScope } from '../data/app-data.js';
import type { TimelineSeries } from '../data/timeline-series.js';
import { fit } from '../fit.js';
import { shortStamp } from '../format-time.js';
import { paint, useTheme } from '../theme.js';
import { CHART_INDENT, chartLines } from './timeline-chart.js';

export interface TimelineProps {
  city?: string;
  scope?: TimelineScope;
  scopeIndex: number;
  scopes: number;
  series?: TimelineSeries;
  /** The end of the 7 days shown. */
  end?: string;
  width: number;
  height: number;
  focused: boolean;
  loading?: boolean;
  error?: string;
}

/** How many buckets the chart can draw in a pane this wide. */
export const chartPoints = (width: number): number => Math.max(8, width - CHART_INDENT - 1);

/** Bookings and cancellations per hour over the last 7 days, for a city or one of its departments (asciichart). */
export function Timeline(props: TimelineProps) {
  const theme = useTheme();
  const { series, width, height } = props;
  const scopeLabel = props.scope ? sanitize(props.scope.label, 50) : sanitize(props.city ?? '', 40);
  const title = `${scopeLabel}${props.scopes > 1 ? ` (${props.scopeIndex + 1}/${props.scopes} ↑↓)` : ''} · last 7 days${props.end ? ` to ${shortStamp(props.end)}` : ''}`;
  const lines: string[] = [];
  if (props.error) lines.push(`could not read the counts: ${sanitize(props.error, 200)}`);
  else if (!series) lines.push(props.city ? 'loading…' : 'select a city');
  else if (series.totalBookings === 0 && series.totalCancellations === 0) lines.push('no bookings or cancellations inferred in these 7 days yet', '(they need two snapshots less than 16 minutes apart)');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && props.focused}>{fit(title, width)}</Text>
      {lines.map((line) => (
        <Text key={line}>{fit(line, width)}</Text>
      ))}
      {series && lines.length === 0 && (
        <>
          {chartLines(series, height - 3, theme.colour).map((line, i) => (
            <Text key={i} wrap="truncate">
              {line}
            </Text>
          ))}
          <Text>
            <Text color={paint(theme, 'red')}>▲ bookings {series.totalBookings}</Text>
            {'  '}
            <Text color={paint(theme, 'green')}>▼ cancellations {series.totalCancellations}</Text>
            {fit(`  per ${series.bucketHours} h`, Math.max(0, width - 36))}
          </Text>
        </>
      )}
    </Box>
  );
}
