import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { CityFrame } from '../data/app-data.js';
import type { CellMark, SlotGrid } from '../data/slot-grid.js';
import { LruCache } from '../data/lru-cache.js';
import { columnLabels } from '../column-labels.js';
import { fit } from '../fit.js';
import { hhmm, shortStamp, weekday } from '../format-time.js';
import type { SlotsState } from '../state/slots-state.js';
import { paint, useTheme } from '../theme.js';
import { slotsLayout, TIME_WIDTH } from './slots-layout.js';
import { CELL, legend } from './slots-legend.js';

export interface SlotsProps {
  /** The selected city: named in the title while its frame loads. */
  city?: string | undefined;
  frame?: CityFrame;
  grid: SlotGrid;
  state: SlotsState;
  /** Position of the shown snapshot among the city's recent ones (1-based), when known. */
  history?: { index: number; total: number };
  /** The city's snapshot times (its time line), to say where its history starts. */
  times?: readonly string[];
  /** Whether new snapshots come in (false with --no-scrape): the newest one is then history, not live. */
  scraping?: boolean;
  width: number;
  height: number;
  focused: boolean;
  loading?: boolean;
  error?: string;
  /** What a city without snapshots waits for ("first round: 3/14 sources…"), under "no snapshot of … yet". */
  pending?: string | undefined;
}

type TitleProps = 'city' | 'frame' | 'grid' | 'state' | 'history' | 'scraping';

/**
 * The title line: city, day, and which snapshot is shown: "Bonn · Tue 08-10 (1/25) · snapshot 12:00 · live", or
 * "… · history 3/40 11:15" a step back, or at the newest when nothing is scraped. When narrow the day's index goes
 * first, then the city name shrinks.
 */
export function slotsTitle(props: Pick<SlotsProps, TitleProps>, width = 80): string {
  const { frame, grid, state, history } = props;
  const stamp = frame?.at ? (frame.at.startsWith(grid.day ?? '-') ? hhmm(frame.at) : shortStamp(frame.at)) : undefined;
  const live = state.cursor === undefined && props.scraping !== false;
  const position = history ? `${history.index}/${history.total} ` : '';
  const when = live ? `${stamp ? `snapshot ${stamp} · ` : ''}live` : `history ${position}${stamp ?? ''}`.trim();
  const day = grid.day ? `${weekday(grid.day)} ${grid.day.slice(5)}` : undefined;
  const index = grid.day ? ` (${grid.days.indexOf(grid.day) + 1}/${grid.days.length})` : '';
  const city = sanitize(frame?.city ?? props.city ?? '', 40);
  // Narrower and narrower: without the day's index, without the word "snapshot", without the snapshot's time.
  const shorter = live ? [`${stamp ? `${stamp} · ` : ''}live`, 'live'] : [when];
  const choices = [[day && day + index, when], [day, when], ...shorter.map((short) => [day, short])];
  const rests = choices.map((parts) => ` · ${parts.filter(Boolean).join(' · ')}`);
  for (const rest of rests) if ([...city].length + rest.length <= width) return city + rest;
  const rest = rests.find((choice) => 4 + choice.length <= width) ?? rests.at(-1)!;
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
  const first = props.times?.[0];
  if (frame.at === undefined && state.cursor !== undefined && first !== undefined && first > state.cursor) {
    const city = sanitize(frame.city, 40);
    const starts = `its history starts ${shortStamp(first)}: ] goes there`;
    return message(`no snapshot of ${city} by ${shortStamp(state.cursor)}`, starts);
  }
  if (frame.columns.length === 0 || frame.at === undefined) {
    return message(`no snapshot of ${sanitize(frame.city, 40)} yet`, props.pending ?? 'waiting for the first scrape');
  }
  const layout = slotsLayout(width, height, frame.columns.length);
  const firstColumn = Math.min(state.column, Math.max(0, frame.columns.length - layout.visibleColumns));
  const shown = frame.columns.slice(firstColumn, firstColumn + layout.visibleColumns);
  const labels = headers(frame, layout.columnWidth - 1).slice(firstColumn, firstColumn + layout.visibleColumns);
  const rowStart = Math.min(state.row, Math.max(0, grid.rows.length - layout.visibleRows));
  const rows = grid.rows.slice(rowStart, rowStart + layout.visibleRows);
  const cell = (text: string) => fit(text, layout.columnWidth, 'center');
  const cellsShown = (marks: readonly CellMark[]) => marks.slice(firstColumn, firstColumn + layout.visibleColumns);
  const counts = legend(grid, firstColumn, shown.length, frame.columns.length, rowStart, rows.length, width);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      <Text bold={theme.colour}>
        {fit('', TIME_WIDTH)}
        {labels.map(cell).join('')}
      </Text>
      {grid.day === undefined && <Text>{fit('no free slot and no change in this snapshot', width)}</Text>}
      {rows.map((row) => (
        <Text key={row.time}>
          {fit(row.time, TIME_WIDTH)}
          {segments(cellsShown(row.cells), cell, theme.colour).map(({ text, colour }, i) =>
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
      <Text dimColor={theme.colour}>{fit(counts, width)}</Text>
    </Box>
  );
}

/** Cells merged into runs of one colour: a handful of text nodes per row instead of one per cell. */
function segments(
  marks: readonly CellMark[],
  cell: (text: string) => string,
  colour: boolean,
): { text: string; colour?: string }[] {
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

/** Column headers that tell the offices apart, worked out once per frame and width. */
function headers(frame: CityFrame, width: number): string[] {
  const key = `${width}\u0000${frame.columns.map((c) => `${c.locationId}\u0001${c.name}`).join('\u0000')}`;
  let found = labelCache.get(key);
  if (found) return found;
  const columns = frame.columns.map((c) => ({ name: sanitize(c.name, 80), id: sanitize(c.locationId, 40) }));
  found = columnLabels(columns, width);
  labelCache.set(key, found);
  return found;
}

const labelCache = new LruCache<string[]>(64);
