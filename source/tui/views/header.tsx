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

/** While the first round of scrapes runs: how far it is ("first round: 3/14 sources…", short: "first round 3/14…"). */
export function firstRoundText(overview: Overview, short = false): string | undefined {
  const round = overview.firstRound;
  if (!round) return undefined;
  return short ? `first round ${round.done}/${round.total}…` : `first round: ${round.done}/${round.total} sources…`;
}

/**
 * The top line: how much is watched, when the next round starts (or how far the first one is), how many scrapers
 * fail; when narrow, without the running count, then the name, then the offices, then the label (before each,
 * the first round's progress in short).
 */
export function headerText({ overview, label }: Omit<HeaderProps, 'width'>, width = 200): string {
  const sources = `${overview.sources} sources`;
  const offices = `${overview.offices} offices`;
  const nextAt = overview.nextRoundAt ? hhmm(overview.nextRoundAt) : '--:--';
  const next = overview.scraping ? `next scrape ${nextAt}` : 'not scraping';
  const whens = overview.firstRound ? [firstRoundText(overview)!, firstRoundText(overview, true)!] : [next];
  const counted = overview.failing === 0 ? 'none failing' : `${overview.failing} failing`;
  const failing = overview.networkDown ? 'network down' : counted;
  const running = overview.running > 0 && !overview.firstRound ? [`scraping ${overview.running}`] : [];
  const tag = label ? [sanitize(label, 20)] : [];
  const counts = [sources, offices];
  const layouts = [['office-watch', ...tag, ...counts], [...tag, ...counts], [...tag, sources], [sources]];
  const candidates = [
    [...layouts[0]!, whens[0]!, ...running, failing],
    ...layouts.flatMap((layout) => whens.map((when) => [...layout, when, failing])),
  ];
  const texts = candidates.map((parts) => ` ${parts.join(' · ')}`);
  return texts.find((text) => [...text].length <= width) ?? texts[texts.length - 1]!;
}

export const Header = memo(function Header(props: HeaderProps) {
  const theme = useTheme();
  const text = fit(headerText(props, props.width), props.width);
  if (!theme.colour) return <Text>{text}</Text>;
  const failing = props.overview.failing > 0 || props.overview.networkDown !== undefined;
  return (
    <Text inverse bold color={paint(theme, failing ? 'red' : 'cyan')}>
      {text}
    </Text>
  );
});
