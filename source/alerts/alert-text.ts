import type { Alert } from '../../store/alerts.js';
import { sanitize } from '../sanitize.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 2024-06-11 08:30" of a wall time. */
export function slotLabel(slot: string): string {
  const weekday = WEEKDAYS[new Date(`${slot.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${slot.slice(0, 16)}`;
}

/** A short title: the office and the city. Site text is sanitized. */
export function alertTitle(alert: Alert): string {
  return `Free slot: ${sanitize(alert.office, 60)} (${sanitize(alert.city, 40)})`;
}

/** One terminal line naming office, slot, how it arose and the booking page. */
export function alertLine(alert: Alert): string {
  return `ALERT  ${sanitize(alert.siteName, 60)} · ${sanitize(alert.office, 60)} · ${slotLabel(alert.slot)} · ${alert.kind} · ${sanitize(alert.url, 300)}`;
}

/** The JSON a webhook receives: ntfy/Gotify-style fields first, the whole alert under `alert`. */
export function webhookBody(alert: Alert): Record<string, unknown> {
  return {
    title: alertTitle(alert),
    message: `${slotLabel(alert.slot)} at ${sanitize(alert.siteName, 60)} · ${sanitize(alert.office, 60)} (${alert.kind}). Book: ${sanitize(alert.url, 300)}`,
    priority: 4,
    tags: ['calendar', alert.kind === 'cancellation' ? 'cancellation' : 'new-day'],
    click: alert.url,
    alert,
  };
}
