import { Text } from 'ink';
import type { Alert } from '../../../store/alerts.js';
import { slotLabel } from '../../alerts/index.js';
import { sanitize } from '../../sanitize.js';
import { fit } from '../fit.js';
import { paint, useTheme } from '../theme.js';

export interface AlertBannerProps {
  alert: Alert;
  /** Other alerts that arrived with it. */
  more: number;
  width: number;
}

/** The banner text: office, slot, how it arose, where to see the rest. */
export function bannerText({ alert, more }: Omit<AlertBannerProps, 'width'>): string {
  const others = more > 0 ? ` (+${more} more)` : '';
  return ` ALERT ${sanitize(alert.office, 50)} (${sanitize(alert.city, 30)}) · ${slotLabel(alert.slot)} · ${alert.kind}${others} · 6 lists them`;
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
