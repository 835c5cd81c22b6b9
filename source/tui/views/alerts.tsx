import { Box, Text } from 'ink';
import type { Alert } from '../../../store/alerts.js';
import { slotLabel } from '../../alerts/index.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { shortStamp } from '../format-time.js';
import { paint, useTheme } from '../theme.js';

export interface AlertsProps {
  /** Oldest first (shown newest first). */
  alerts: readonly Alert[];
  /** Delivery and notification failures, oldest first. */
  problems: readonly string[];
  /** First row shown (of the newest-first list). */
  offset: number;
  /** False when the app has no watches (no store behind it). */
  available: boolean;
  width: number;
  height: number;
  focused: boolean;
}

/** How many alerts fit (two lines each) beside the title and up to two problems (two lines each) with their heading. */
export function alertsVisible(height: number, problems: number): number {
  return Math.max(1, Math.floor((height - 1 - (problems > 0 ? Math.min(2, problems) * 2 + 1 : 0)) / 2));
}

/** A long line as up to two lines of `width`. */
function twoLines(text: string, width: number): string[] {
  const chars = [...text];
  return chars.length <= width ? [text] : [chars.slice(0, width).join(''), fit(chars.slice(width).join(''), width)];
}

/** One alert in two lines: the slot, how it arose, when it was seen; then where. Site text is sanitized. */
export function alertLines(alert: Alert): [string, string] {
  return [`${slotLabel(alert.slot)} · ${alert.kind} · seen ${shortStamp(alert.takenAt)}`, `  ${sanitize(alert.city, 40)} · ${sanitize(alert.office, 60)} · ${sanitize(alert.siteName, 60)}`];
}

/** Every alert of the last day and of this session, newest first; failed deliveries below. */
export function Alerts({ alerts, problems, offset, available, width, height, focused }: AlertsProps) {
  const theme = useTheme();
  const visible = alertsVisible(height, problems.length);
  const newest = [...alerts].reverse();
  const start = Math.min(offset, Math.max(0, newest.length - visible));
  const range = newest.length > visible ? ` · ${start + 1}-${Math.min(newest.length, start + visible)} ↑↓` : '';
  const shownProblems = problems.slice(-2);
  const empty = available ? 'no alerts yet: w on a city adds a watch (office-watch watch add does more)' : 'alerts need the database (not available here)';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && focused}>{fit(`Alerts · ${alerts.length} of the last day, newest first${range}`, width)}</Text>
      {newest.length === 0 && <Text>{fit(empty, width)}</Text>}
      {newest.slice(start, start + visible).flatMap((alert) => {
        const [what, where] = alertLines(alert);
        return [
          <Text key={`${alert.id}|1`} color={paint(theme, alert.kind === 'cancellation' ? 'green' : 'cyan')}>
            {fit(what, width)}
          </Text>,
          <Text key={`${alert.id}|2`}>{fit(where, width)}</Text>,
        ];
      })}
      {shownProblems.length > 0 && <Text bold={theme.colour}>{fit('Problems', width)}</Text>}
      {shownProblems.flatMap((line, i) =>
        twoLines(sanitize(line, 300), width).map((part, j) => (
          <Text key={`${i}|${j}`} color={paint(theme, 'red')}>
            {part}
          </Text>
        )),
      )}
    </Box>
  );
}
