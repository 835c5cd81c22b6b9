import { Text } from 'ink';
import { sanitize } from '../../sanitize.js';
import type { Overview } from '../data/app-data.js';
import { fit } from '../fit.js';
import { hhmm } from '../format-time.js';
import { paint, useTheme } from '../theme.js';

export interface HeaderProps {
  overview: Overview;
  label?: string;
  width: number;
}

/** The top line: how much is watched, when the next round starts, how many scrapers fail. */
export function headerText({ overview, label }: Omit<HeaderProps, 'width'>): string {
  const parts = ['office-watch'];
  if (label) parts.push(sanitize(label, 20));
  parts.push(`${overview.sources} sources`, `${overview.offices} offices`);
  parts.push(overview.scraping ? `next scrape ${overview.nextRoundAt ? hhmm(overview.nextRoundAt) : '--:--'}` : 'not scraping');
  if (overview.running > 0) parts.push(`scraping ${overview.running}`);
  parts.push(overview.failing === 0 ? 'none failing' : `${overview.failing} failing`);
  return ` ${parts.join(' · ')}`;
}

export function Header(props: HeaderProps) {
  const theme = useTheme();
  const text = fit(headerText(props), props.width);
  if (!theme.colour) return <Text>{text}</Text>;
  const failing = props.overview.failing > 0;
  return (
    <Text inverse bold color={failing ? 'red' : paint(theme, 'cyan')}>
      {text}
    </Text>
  );
}
