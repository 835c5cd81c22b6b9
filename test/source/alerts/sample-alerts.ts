import type { Alert } from '../../../store/alerts.js';
import type { Watch } from '../../../store/watches.js';

/** A slot alert at Bonn's Meldewesen (overrides for other offices and kinds). */
export function slotAlert(slot: string, more: Partial<Alert> = {}): Alert {
  const base: Alert = {
    id: '',
    sourceId: 'bonn',
    locationId: 'meldewesen',
    office: 'Meldewesen',
    siteName: 'Stadt Bonn',
    city: 'Bonn',
    slot,
    kind: 'cancellation',
    url: 'https://termine.bonn.de/',
    takenAt: '2024-05-06 09:30:00',
    previousAt: '2024-05-06 09:15:00',
    watchIds: ['1'],
    ...more,
  };
  const summary = base.kind === 'free now' ? `|free now|${base.watchIds[0]}` : '';
  return { ...base, id: `${base.takenAt}|${base.sourceId}|${base.locationId}|${slot}${summary}` };
}

export const watches: Watch[] = [
  { id: '1', city: 'Bonn', withinDays: 14, createdAt: '2024-05-01T10:00:00.000Z' },
  { id: '2', office: 'melde', withinDays: 7, hours: { from: 8, to: 12 }, createdAt: '2024-05-01T10:00:00.000Z' },
];
