import { memo } from 'react';
import { Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import type { ViewName } from '../keys.js';
import type { AppState, Focus } from '../state/app-state.js';
import { paint, useTheme } from '../theme.js';
import { DEFAULT_WITHIN_DAYS } from '../watch-prompt.js';

export interface FooterProps {
  width: number;
  focus: Focus;
  filtering: boolean;
  /** A passing message (rescrape result, errors); shown instead of the hints. */
  status?: string | undefined;
  /** The open prompt (watch, go to); shown instead of everything else. */
  prompt?: AppState['prompt'];
  /** The view shown: its own keys join the hints. */
  view?: ViewName;
}

/** Hints and their rank: the highest ranks go first when the line is too narrow. */
const CITIES: [string, number][] = [['↑↓ city', 0], ['←→ day', 2], ['[ ] history', 4], ['Tab view', 3], ['/ filter', 2], ['r rescrape', 5], ['5 insights', 1], ['6 alerts', 4], ['w watch', 1], ['? help', 0], ['q quit', 0]];
const VIEW: [string, number][] = [['↑↓ scroll', 0], ['Esc back', 1], ['←→ day', 2], ['[ ] history', 4], ['Tab view', 3], ['r rescrape', 5], ['5 insights', 1], ['6 alerts', 4], ['w watch', 1], ['? help', 0], ['q quit', 0]];

const TIMELINE_SPAN: [string, number] = ['s 7d/4w/1y', 0];

/** The keys that matter now, as many as fit `width` (the least needed left out first). */
export function footerHints(
  { focus, filtering, view }: Pick<FooterProps, 'focus' | 'filtering' | 'view'>,
  width = 200,
): string {
  if (filtering) return 'type a city name · Enter accept · Esc clear · ↑↓ select';
  let hints = focus === 'view' ? VIEW : CITIES;
  if (view === 'timeline') hints = [...hints.slice(0, 2), TIMELINE_SPAN, ...hints.slice(2)];
  const text = () => hints.map(([hint]) => hint).join('  ');
  for (let rank = 5; rank > 0 && [...text()].length > width - 1; rank--) hints = hints.filter(([, r]) => r < rank);
  return text();
}

export function promptText(prompt: NonNullable<AppState['prompt']>): string {
  if (prompt.kind === 'goto') return ` Go to (YYYY-MM-DD [HH:MM]): ${prompt.text}▏  Enter go · Esc cancel`;
  return ` Watch ${sanitize(prompt.city, 30)} within days [${DEFAULT_WITHIN_DAYS}]: ${prompt.text}▏  e.g. 7 08-12 mon,fri Meldewesen · Enter add · Esc cancel`;
}

/** The bottom line: the watch prompt, or a status message, or the keys that matter now. */
export const Footer = memo(function Footer(props: FooterProps) {
  const theme = useTheme();
  if (props.prompt) return <Text color={paint(theme, 'cyan')}>{fit(promptText(props.prompt), props.width)}</Text>;
  if (props.status) return <Text color={paint(theme, 'yellow')}>{fit(` ${props.status}`, props.width)}</Text>;
  return <Text dimColor={theme.colour}>{fit(` ${footerHints(props, props.width)}`, props.width)}</Text>;
});
