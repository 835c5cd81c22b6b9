import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { CityFrame } from '../data/app-data.js';
import type { CellMark, SlotGrid } from '../data/slot-grid.js';
import { columnLabels, fit } from '../fit.js';
import { hhmm, shortStamp, weekday } from '../format-time.js';
import type { SlotsState } from '../state/slots-state.js';
import { paint, useTheme } from '../theme.js';
import { slotsLayout, TIME_WIDTH } from './slots-layout.js';

export interface SlotsProps {
  /** The selected city: named in the title while its frame loads. */
  city?: string | undefined;
  frame?: CityFrame;
  grid: SlotGrid;
  state: SlotsState;
  /** Position of the shown snapshot among the city's recent ones (1-based), when known. */
  history?: { index: number; total: number };
  width: number;
  height: number;
  focused: boolean;
  loading?: boolean;
  error?: string;
  /** What a city without snapshots waits for ("first round: 3/14 sources…"), under "no snapshot of … yet". */
  pending?: string | undefined;
}

export const CELL: Record<CellMark, { text: string; colour?: string }> = {
  free: { text: 'X' },
  freed: { text: '+', colour: 'green' },
  booked: { text: '-', colour: 'red' },
  none: { text: ' ' },
};

/**
 * The title line: city, day, and which snapshot is shown: "Bonn · Tue 08-10 (1/25) · snapshot 12:00 · live", or
 * "… · history 3/40 11:15" a step back. When narrow the day's index goes first, then the city name shrinks.
 */
export function slotsTitle(props: Pick<SlotsProps, 'city' | 'frame' | 'grid' | 'state' | 'history'>, width = 80): string {
  const { frame, grid, state, history } = props;
  const stamp = frame?.at ? (frame.at.startsWith(grid.day ?? '-') ? hhmm(frame.at) : shortStamp(frame.at)) : undefined;
  const when = state.cursor === undefined ? `${stamp ? `snapshot ${stamp} · ` : ''}live` : `history ${history ? `${history.index}/${history.total} ` : ''}${stamp ?? ''}`.trim();
  const day = grid.day ? `${weekday(grid.day)} ${grid.day.slice(5)}` : undefined;
  const index = grid.day ? ` (${grid.days.indexOf(grid.day) + 1}/${grid.days.length})` : '';
  const city = sanitize(frame?.city ?? props.city ?? '', 40);
  const rests = [[day && day + index, when], [day, when]].map((parts) => ` · ${parts.filter(Boolean).join(' · ')}`);
  for (const rest of rests) if ([...city].length + rest.length <= width) return city + rest;
  const rest = rests[1]!;
  return `${fit(city, Math.max(4, width - rest.length)).trimEnd()}${rest}`;
}

/** The Bonn-like table of one city and day: rows are slot times, columns its departments. */
export function Slots(props: SlotsProps) {
  const theme = useTheme();
  const { frame, grid, state, width, height } = props;
  const title = <Text bold={theme.colour && props.focused}>{fit(slotsTitle(props, width), width)}</Text>;
  const message = (...lines: string[]) => (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {lines.map((line) => (
        <Text key={line}>{fit(line, width)}</Text>
      ))}
    </Box>
  );
  if (props.error) return message(`could not read the snapshots: ${sanitize(props.error, 200)}`);
  if (!frame) return message(props.loading ? 'loading…' : 'select a city');
  if (frame.columns.length === 0 || frame.at === undefined) {
    return message(`no snapshot of ${sanitize(frame.city, 40)} yet`, props.pending ?? 'waiting for the first scrape');
  }
  const layout = slotsLayout(width, height, frame.columns.length);
  const first = Math.min(state.column, Math.max(0, frame.columns.length - layout.visibleColumns));
  const shown = frame.columns.slice(first, first + layout.visibleColumns);
  const rowStart = Math.min(state.row, Math.max(0, grid.rows.length - layout.visibleRows));
  const rows = grid.rows.slice(rowStart, rowStart + layout.visibleRows);
  const cell = (text: string) => fit(text, layout.columnWidth, 'center');
  const labels = columnLabels(frame.columns.map((column) => sanitize(column.name, 80)), layout.columnWidth - 1);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      <Text bold={theme.colour}>
        {fit('', TIME_WIDTH)}
        {labels.slice(first, first + layout.visibleColumns).map(cell).join('')}
      </Text>
      {grid.day === undefined && <Text>{fit('no free slot and no change in this snapshot', width)}</Text>}
      {rows.map((row) => (
        <Text key={row.time}>
          {fit(row.time, TIME_WIDTH)}
          {segments(row.cells.slice(first, first + layout.visibleColumns), cell, theme.colour).map(({ text, colour }, i) =>
            colour ? (
              <Text key={i} color={paint(theme, colour)} bold>
                {text}
              </Text>
            ) : (
              text
            ),
          )}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text dimColor={theme.colour}>{fit(legend(grid, first, shown.length, frame.columns.length, rowStart, rows.length), width)}</Text>
    </Box>
  );
}

/** Cells merged into runs of one colour: a handful of text nodes per row instead of one per cell. */
function segments(marks: readonly CellMark[], cell: (text: string) => string, colour: boolean): { text: string; colour?: string }[] {
  const runs: { text: string; colour?: string }[] = [];
  for (const mark of marks) {
    const { text, colour: wanted } = CELL[mark];
    const paint = colour ? wanted : undefined;
    const last = runs[runs.length - 1];
    if (last && last.colour === paint) last.text += cell(text);
    else runs.push(paint ? { text: cell(text), colour: paint } : { text: cell(text) });
  }
  return runs;
}

function legend(grid: SlotGrid, first: number, shown: number, total: number, rowStart: number, rows: number): string {
  const parts = [`X ${grid.free} free`, `+ ${grid.freed} freed`, `- ${grid.booked} booked`];
  if (shown < total) parts.push(`cols ${first + 1}-${first + shown}/${total} <>`);
  if (rows < grid.rows.length) parts.push(`rows ${rowStart + 1}-${rowStart + rows}/${grid.rows.length}`);
  return parts.join(' · ');
}
