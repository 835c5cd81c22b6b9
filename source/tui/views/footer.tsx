import { Text } from 'ink';
import { fit } from '../fit.js';
import type { Focus } from '../state/app-state.js';
import { paint, useTheme } from '../theme.js';

export interface FooterProps {
  width: number;
  focus: Focus;
  filtering: boolean;
  /** A passing message (rescrape result, errors); shown instead of the hints. */
  status?: string;
}

export function footerHints({ focus, filtering }: Pick<FooterProps, 'focus' | 'filtering'>): string {
  if (filtering) return 'type a city name · Enter accept · Esc clear · ↑↓ select';
  if (focus === 'view') return '↑↓ scroll  Esc back  ←→ day  [ ] history  Tab view  r rescrape  ? help  q quit';
  return '↑↓ city  ←→ day  [ ] history  Tab view  / filter  r rescrape  ? help  q quit';
}

/** The bottom line: the keys that matter now, or a status message. */
export function Footer(props: FooterProps) {
  const theme = useTheme();
  if (props.status) return <Text color={paint(theme, 'yellow')}>{fit(` ${props.status}`, props.width)}</Text>;
  return <Text dimColor={theme.colour}>{fit(` ${footerHints(props)}`, props.width)}</Text>;
}
