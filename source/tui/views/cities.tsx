import { memo } from 'react';
import { Box, Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { CitySummary, HealthState } from '../data/app-data.js';
import { fit } from '../fit.js';
import { paint, useTheme } from '../theme.js';

export interface CitiesProps {
  /** The cities the filter lets through, in order. */
  cities: CitySummary[];
  selected?: string;
  filter: string;
  filtering: boolean;
  focused: boolean;
  width: number;
  height: number;
}

/** A state as a mark and a letter, readable without colour. */
export const STATE_MARK: Record<HealthState, { mark: string; colour: string }> = {
  ok: { mark: '✓O', colour: 'green' },
  failing: { mark: '✗F', colour: 'red' },
  stale: { mark: '~S', colour: 'yellow' },
  idle: { mark: '··', colour: 'gray' },
};

/** First row to show so that the selected one stays in view (centred when it can be). */
export function windowStart(selected: number, count: number, visible: number): number {
  if (count <= visible || selected < 0) return 0;
  return Math.max(0, Math.min(count - visible, selected - Math.floor(visible / 2)));
}

/** The left pane: every city with its state and free slots; the filter prompt on top. */
export const Cities = memo(function Cities({
  cities,
  selected,
  filter,
  filtering,
  focused,
  width,
  height,
}: CitiesProps) {
  const theme = useTheme();
  const listHeight = Math.max(1, height - 1);
  const index = cities.findIndex((city) => city.name === selected);
  const start = windowStart(index, cities.length, listHeight);
  const freeWidth = 5;
  const nameWidth = Math.max(4, width - 2 - 3 - freeWidth);
  const title =
    filtering || filter
      ? fit(`/${sanitize(filter, 40)}${filtering ? '▏' : ''}`, width)
      : `${fit('Cities', width - freeWidth)}${fit('free', freeWidth, 'right')}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour && focused} color={filtering ? paint(theme, 'yellow') : undefined}>
        {title}
      </Text>
      {cities.length === 0 && <Text>{fit(filter ? 'no city matches' : 'no sources yet', width)}</Text>}
      {cities.slice(start, start + listHeight).map((city) => {
        const isSelected = city.name === selected;
        const state = STATE_MARK[city.state];
        const free = city.free === undefined ? '–' : String(city.free);
        return (
          <Text key={city.name} inverse={theme.colour && isSelected && focused} bold={theme.colour && isSelected}>
            {isSelected ? '▸ ' : '  '}
            {fit(sanitize(city.name, 60), nameWidth)} <Text color={paint(theme, state.colour)}>{state.mark}</Text>
            {fit(free, freeWidth, 'right')}
          </Text>
        );
      })}
    </Box>
  );
});

/** The right pane when the filter lets no city through: says so, instead of the last city's view. */
export function NoCityMatch({ filter, width, height }: { filter: string; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text>{fit(`no city matches “${sanitize(filter, 40)}”`, width)}</Text>
      <Text>{fit('Esc clears the filter', width)}</Text>
    </Box>
  );
}
