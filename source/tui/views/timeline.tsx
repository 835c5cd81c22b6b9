import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { TimelineScope } from '../data/app-data.js';
import { bucketLabel, TIMELINE_SPANS, type TimelineSeries } from '../data/timeline-series.js';
import { fit } from '../fit.js';
import { shortStamp } from '../format-time.js';
import { paint, useTheme, type ColourName } from '../theme.js';
import { AXIS_RESERVE, chartRows, type ChartRow } from './timeline-chart.js';

export interface TimelineProps {
  city?: string;
  scope?: TimelineScope;
  scopeIndex: number;
  scopes: number;
  series?: TimelineSeries;
  /** The end of the span shown. */
  end?: string;
  width: number;
  height: number;
  focused: boolean;
  loading?: boolean;
  error?: string;
}

/** How many buckets the chart can draw in a pane this wide. */
export const chartPoints = (width: number): number => Math.max(8, width - AXIS_RESERVE);

/** Bookings red and cancellations green, as the grid's booked `-` and freed `+`; the axes in the text colour. */
const COLOUR: Partial<Record<ChartRow['kind'], ColourName>> = { bookings: 'red', cancellations: 'green' };

/** "last 7 days", "last 4 weeks", "last 52 weeks" (the series' own span, so a chart and its title agree). */
export const spanText = (series: TimelineSeries | undefined, fallback = TIMELINE_SPANS[0]!.hours): string =>
  `last ${TIMELINE_SPANS.find((span) => span.hours === (series?.spanHours ?? fallback))?.label ?? `${fallback} h`}`;

/** Bookings (up) and cancellations (down) per bucket over the chosen span, for a city or one of its offices. */
export function Timeline(props: TimelineProps) {
  const theme = useTheme();
  const { series, width, height } = props;
  const scopeLabel = props.scope ? sanitize(props.scope.label, 50) : sanitize(props.city ?? '', 40);
  const scopes = props.scopes > 1 ? ` (${props.scopeIndex + 1}/${props.scopes} ↑↓)` : '';
  // When narrow, the end goes first, then the scope's place among the city's.
  const end = props.end ? ` to ${shortStamp(props.end)}` : '';
  const titles = [`${scopeLabel}${scopes} · ${spanText(series)}${end}`, `${scopeLabel}${scopes} · ${spanText(series)}`];
  const title = titles.find((text) => [...text].length <= width) ?? `${scopeLabel} · ${spanText(series)}`;
  const lines: string[] = [];
  if (props.error) lines.push(`could not read the counts: ${sanitize(props.error, 200)}`);
  else if (!series) lines.push(props.city ? 'loading…' : 'select a city');
  else if (series.totalBookings === 0 && series.totalCancellations === 0) {
    lines.push(`no bookings or cancellations inferred in the ${spanText(series)} yet`);
    lines.push('(they need two snapshots less than 16 minutes apart)');
  }
  const legend = series ? legendLines(series, width) : [];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && props.focused}>{fit(title, width)}</Text>
      {lines.map((line) => (
        <Text key={line}>{fit(line, width)}</Text>
      ))}
      {series && lines.length === 0 && (
        <>
          {chartRows(series, width, height - 2 - legend.length).map((row, i) => (
            <Text key={i} wrap="truncate">
              {row.label}
              <Text color={row.kind in COLOUR ? paint(theme, COLOUR[row.kind]!) : undefined}>{row.bars}</Text>
            </Text>
          ))}
          <Box flexGrow={1} />
          {legend.map((parts, i) => (
            <Text key={`legend${i}`}>
              {parts.map(({ text, colour }, j) => (
                <Text key={j} color={colour && paint(theme, colour)}>
                  {text}
                </Text>
              ))}
            </Text>
          ))}
        </>
      )}
    </Box>
  );
}

type LegendPart = { text: string; colour?: ColourName };

/** The legend, its parts (the totals in their series' colours, what a bar counts) on as few lines as fit. */
export function legendLines(series: TimelineSeries, width: number): LegendPart[][] {
  const parts: LegendPart[] = [
    { text: `▲ bookings ${series.totalBookings}`, colour: 'red' },
    { text: `▼ cancellations ${series.totalCancellations}`, colour: 'green' },
    { text: `bars: ${bucketLabel(series.bucketHours)}` },
  ];
  const lines: LegendPart[][] = [];
  let used = 0;
  for (const part of parts) {
    const length = [...part.text].length;
    const last = lines.at(-1);
    if (last && used + 2 + length <= width) {
      last.push({ text: '  ' }, part);
      used += 2 + length;
    } else {
      lines.push([{ ...part, text: fit(part.text, width).trimEnd() }]);
      used = length;
    }
  }
  return lines;
}
