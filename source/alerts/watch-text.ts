import type { WatchSpec } from '../../store/index.js';
import { sanitize } from '../sanitize.js';

const DAYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const two = (hour: number) => String(hour).padStart(2, '0');

/** A watch in words: "city Bonn, office Meldewesen · within 14 days, 08-12 h". Patterns are the user's, sanitized. */
export function watchSummary(w: WatchSpec): string {
  const where = [
    w.city !== undefined ? `city ${sanitize(w.city, 40)}` : '',
    w.office !== undefined ? `office ${sanitize(w.office, 60)}` : '',
  ];
  const when = [
    w.before !== undefined ? `before ${w.before}` : '',
    w.withinDays !== undefined ? `within ${w.withinDays} days` : '',
    w.weekdays ? w.weekdays.map((d) => DAYS[d]).join(',') : '',
    w.hours ? `${two(w.hours.from)}-${two(w.hours.to)} h` : '',
  ];
  return `${where.filter(Boolean).join(', ')} · ${when.filter(Boolean).join(', ')}`;
}
