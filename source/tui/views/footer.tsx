import { memo } from 'react';
import { Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { viewKey, type ViewName } from '../keys.js';
import type { AppState, Focus } from '../state/app-state.js';
import { paint, useTheme } from '../theme.js';
import { DEFAULT_WITHIN_DAYS } from '../watch-prompt.js';

export interface FooterProps {
  width: number;
  focus: Focus;
  /** The view shown (help and a focused alerts list have keys of their own; the timeline's span joins the hints). */
  view?: ViewName;
  filtering: boolean;
  /** A passing message (rescrape result, errors); shown instead of the hints. */
  status?: string | undefined;
  /** The open prompt (watch, go to); shown instead of everything else. */
  prompt?: AppState['prompt'];
}

/** Hints and their rank: the highest ranks go first when the line is too narrow. */
const VIEWS: [string, number][] = [
  [`${viewKey('insights')} insights`, 1],
  [`${viewKey('alerts')} alerts`, 4],
];
const END: [string, number][] = [
  ['w watch', 1],
  ['? help', 0],
  ['q quit', 0],
];
const DAYS: [string, number][] = [
  ['←→ day', 2],
  ['[ ] history', 4],
  ['Tab view', 3],
];
const CITIES: [string, number][] = [['↑↓ city', 0], ...DAYS, ['/ filter', 2], ['r rescrape', 5], ...VIEWS, ...END];
const VIEW: [string, number][] = [['↑↓ scroll', 0], ['Esc back', 1], ...DAYS, ['r rescrape', 5], ...VIEWS, ...END];
const ALERTS: [string, number][] = [['↑↓ alert', 0], ['Enter open', 0], ['Esc back', 1], ['g G first/last', 3], ...END];
const HELP: [string, number][] = [
  ['↑↓ PgUp PgDn scroll', 0],
  ['g G top/end', 1],
  ['Esc close', 0],
  ['q quit', 0],
];

const TIMELINE_SPAN: [string, number] = ['s 7d/4w/1y', 0];

/** The keys that matter now, as many as fit `width` (the least needed left out first). */
export function footerHints(props: Pick<FooterProps, 'focus' | 'view' | 'filtering'>, width = 200): string {
  const { focus, view, filtering } = props;
  if (filtering) return 'type a city name · Enter accept · Esc clear · ↑↓ select';
  let hints = view === 'help' ? HELP : focus === 'cities' ? CITIES : view === 'alerts' ? ALERTS : VIEW;
  if (view === 'timeline') hints = [...hints.slice(0, 2), TIMELINE_SPAN, ...hints.slice(2)];
  const text = () => hints.map(([hint]) => hint).join('  ');
  for (let rank = 5; rank > 0 && [...text()].length > width - 1; rank--) hints = hints.filter(([, r]) => r < rank);
  return text();
}

export function promptText(prompt: NonNullable<AppState['prompt']>): string {
  if (prompt.kind === 'goto') return ` Go to (HH:MM or YYYY-MM-DD [HH:MM]): ${prompt.text}▏  Enter go · Esc cancel`;
  // The end of a long URL is what is being typed: shown, its start cut.
  if (prompt.kind === 'site') {
    const typed = [...sanitize(prompt.text, 500)].slice(-40).join('');
    return ` Add a site, its booking page URL: ${typed}▏  Enter add · Esc cancel`;
  }
  return (
    ` Watch ${sanitize(prompt.city, 30)} within days [${DEFAULT_WITHIN_DAYS}]: ${prompt.text}▏` +
    '  e.g. 7 08-12 mon,fri Meldewesen · Enter add · Esc cancel'
  );
}

/** The bottom line: the watch prompt, or a status message, or the keys that matter now. */
export const Footer = memo(function Footer(props: FooterProps) {
  const theme = useTheme();
  if (props.prompt) return <Text color={paint(theme, 'cyan')}>{fit(promptText(props.prompt), props.width)}</Text>;
  if (props.status) return <Text color={paint(theme, 'yellow')}>{fit(` ${props.status}`, props.width)}</Text>;
  return <Text dimColor={theme.colour}>{fit(` ${footerHints(props, props.width)}`, props.width)}</Text>;
});
