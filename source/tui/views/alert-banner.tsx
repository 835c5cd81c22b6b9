import { Text } from 'ink';
import type { Alert } from '../../../store/index.js';
import { alertWhat, slotLabel } from '../../alerts/index.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { viewKey } from '../keys.js';
import { paint, useTheme } from '../theme.js';

export interface AlertBannerProps {
  alert: Alert;
  /** Other messages (watches) that arrived with it. */
  more: number;
  width: number;
}

/** A message's headline alert: what (new slots, or how many are free now), where, where to see the rest. */
export function bannerText({ alert, more }: Omit<AlertBannerProps, 'width'>): string {
  const others = more > 0 ? ` (+${more} more)` : '';
  const count = alert.count ?? 1;
  const several = alert.kind !== 'free now' && count > 1;
  const what = several ? `${count} new slots, first ${slotLabel(alert.slot)}` : alertWhat(alert);
  const where = `${sanitize(alert.office, 50)} (${sanitize(alert.city, 30)})`;
  return ` ALERT ${where} · ${what}${others} · ${viewKey('alerts')} lists them`;
}

/** One line under the header while alerts are new; inverse when colours are on, the word ALERT always. */
export function AlertBanner(props: AlertBannerProps) {
  const theme = useTheme();
  const text = fit(bannerText(props), props.width);
  if (!theme.colour) return <Text>{text}</Text>;
  return (
    <Text inverse bold color={paint(theme, 'yellow')}>
      {text}
    </Text>
  );
}
