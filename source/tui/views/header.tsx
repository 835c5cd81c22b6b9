import { memo } from 'react';
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

/** The top line: how much is watched, when the next round starts, how many scrapers fail; when narrow, without the running count, then without the name. */
export function headerText({ overview, label }: Omit<HeaderProps, 'width'>, width = 200): string {
  const essential = [`${overview.sources} sources`, `${overview.offices} offices`];
  essential.push(overview.scraping ? `next scrape ${overview.nextRoundAt ? hhmm(overview.nextRoundAt) : '--:--'}` : 'not scraping');
  const failing = overview.failing === 0 ? 'none failing' : `${overview.failing} failing`;
  const running = overview.running > 0 ? [`scraping ${overview.running}`] : [];
  const tag = label ? [sanitize(label, 20)] : [];
  const candidates = [
    ['office-watch', ...tag, ...essential, ...running, failing],
    ['office-watch', ...tag, ...essential, failing],
    [...tag, ...essential, failing],
  ];
  const texts = candidates.map((parts) => ` ${parts.join(' · ')}`);
  return texts.find((text) => [...text].length <= width) ?? texts[texts.length - 1]!;
}

export const Header = memo(function Header(props: HeaderProps) {
  const theme = useTheme();
  const text = fit(headerText(props, props.width), props.width);
  if (!theme.colour) return <Text>{text}</Text>;
  const failing = props.overview.failing > 0;
  return (
    <Text inverse bold color={paint(theme, failing ? 'red' : 'cyan')}>
      {text}
    </Text>
  );
});
