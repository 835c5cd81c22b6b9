import { Box, Text } from 'ink';
import type { Alert } from '../../../store/index.js';
import { slotLabel } from '../../alerts/index.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { shortStamp, weekday } from '../format-time.js';
import { shortUrl } from '../short-url.js';
import { paint, useTheme } from '../theme.js';
import { windowStart } from './cities.js';

export interface AlertsProps {
  /** Oldest first (shown newest first). */
  alerts: readonly Alert[];
  /** Delivery and notification failures, oldest first. */
  problems: readonly string[];
  /** The selected alert (of the newest-first list): Enter opens it. */
  selected: number;
  /** False when the app has no watches (no store behind it). */
  available: boolean;
  width: number;
  height: number;
  focused: boolean;
}

const LINES = 3;

/** How many alerts fit (three lines each) beside the title and up to two problems (two lines each), their heading. */
export function alertsVisible(height: number, problems: number): number {
  return Math.max(1, Math.floor((height - 1 - (problems > 0 ? Math.min(2, problems) * 2 + 1 : 0)) / LINES));
}

/** A long line as up to two lines of `width`. */
function twoLines(text: string, width: number): string[] {
  const chars = [...text];
  return chars.length <= width ? [text] : [chars.slice(0, width).join(''), fit(chars.slice(width).join(''), width)];
}

/** The slot, how it arose, when it was seen; where narrow the slot's year goes, then when it was seen. */
function whatLine(alert: Alert, width: number): string {
  const short = `${weekday(alert.slot)} ${alert.slot.slice(5, 16)}`;
  const seen = ` · seen ${shortStamp(alert.takenAt)}`;
  const kind = ` · ${alert.kind}`;
  const lines = [`${slotLabel(alert.slot)}${kind}${seen}`, `${short}${kind}${seen}`, `${short}${kind}`];
  return lines.find((line) => [...line].length <= width) ?? lines.at(-1)!;
}

/** An alert in three lines of `width`: the slot, how it arose, when seen; where; the booking link (sanitized). */
export function alertLines(alert: Alert, width = 200): [string, string, string] {
  return [
    whatLine(alert, width),
    `  ${sanitize(alert.city, 40)} · ${sanitize(alert.office, 60)} · ${sanitize(alert.siteName, 60)}`,
    `  ${shortUrl(alert.url, width - 2)}`,
  ];
}

/** "Alerts · 12 of the last day, newest first · 1-3 ↑↓", shorter where narrow (the range kept). */
function alertsTitle(count: number, range: string, width: number): string {
  const counts = [`${count} of the last day, newest first`, `${count}, newest first`, `${count}`];
  const titles = counts.map((what) => `Alerts · ${what}${range}`);
  return titles.find((title) => [...title].length <= width) ?? titles.at(-1)!;
}

/** Every alert of the last day and of this session, newest first; failed deliveries below. */
export function Alerts({ alerts, problems, selected, available, width, height, focused }: AlertsProps) {
  const theme = useTheme();
  const visible = alertsVisible(height, problems.length);
  const newest = [...alerts].reverse();
  const chosen = Math.max(0, Math.min(selected, newest.length - 1));
  const start = windowStart(chosen, newest.length, visible);
  const range = newest.length > visible ? ` · ${start + 1}-${Math.min(newest.length, start + visible)} ↑↓` : '';
  const shownProblems = problems.slice(-2);
  const empty = available
    ? 'no alerts yet: w on a city adds a watch (office-watch watch add does more)'
    : 'alerts need the database (not available here)';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && focused}>{fit(alertsTitle(alerts.length, range, width), width)}</Text>
      {newest.length === 0 && <Text>{fit(empty, width)}</Text>}
      {newest.slice(start, start + visible).flatMap((alert, i) => {
        // Focused, the list marks the alert Enter opens.
        const mark = !focused ? '' : start + i === chosen ? '▸ ' : '  ';
        const [what, where, link] = alertLines(alert, width - mark.length);
        return [
          <Text
            key={`${alert.id}|1`}
            color={paint(theme, alert.kind === 'cancellation' ? 'green' : 'cyan')}
            inverse={theme.colour && mark === '▸ '}
          >
            {fit(mark + what, width)}
          </Text>,
          <Text key={`${alert.id}|2`}>{fit(where, width)}</Text>,
          <Text key={`${alert.id}|3`} dimColor={theme.colour}>
            {fit(link, width)}
          </Text>,
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
