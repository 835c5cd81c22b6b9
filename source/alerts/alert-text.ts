import type { Alert } from '../../store/index.js';
import { sanitize } from '../sanitize.js';
import { messageSlots, type AlertMessage } from './alert-message.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Slots listed one by one in a message; the rest are counted ("+N more"). */
export const LISTED_SLOTS = 8;

/** "Tue 2024-06-11 08:30" of a wall time. */
export function slotLabel(slot: string): string {
  const weekday = WEEKDAYS[new Date(`${slot.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${slot.slice(0, 16)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const office = (a: Alert) => sanitize(a.office, 60);
const site = (a: Alert) => sanitize(a.siteName, 60);
const url = (a: Alert) => sanitize(a.url, 300);

/** What an alert says: the slot and how it arose, or (free now) how many are free and the earliest. */
export function alertWhat(alert: Alert): string {
  if (alert.kind !== 'free now') return `${slotLabel(alert.slot)} · ${alert.kind}`;
  return `${plural(alert.count ?? 1, 'slot')} free now, earliest ${slotLabel(alert.slot)}`;
}

/** One terminal line naming office, slot, how it arose and the booking page (`office-watch alerts`). */
export function alertLine(alert: Alert): string {
  const word = alert.kind === 'free now' ? 'FREE ' : 'ALERT';
  return `${word}  ${site(alert)} · ${office(alert)} · ${alertWhat(alert)} · ${url(alert)}`;
}

/** A short title naming what and where: "Free slot: Meldewesen (Bonn)", "12 slots free now: 3 offices (Bonn)". */
export function messageTitle(m: AlertMessage): string {
  const all = [...m.fresh, ...m.freeNow];
  const fresh = m.fresh.length === 1 ? 'Free slot' : `${m.fresh.length} free slots`;
  const what = m.fresh.length > 0 ? fresh : `${plural(messageSlots(m), 'slot')} free now`;
  const offices = new Set(all.map((a) => `${a.sourceId}/${a.locationId}`));
  const cities = [...new Set(all.map((a) => sanitize(a.city, 40)))].join(', ');
  return `${what}: ${offices.size === 1 ? office(all[0]!) : `${offices.size} offices`} (${cities})`;
}

/** The message in one line: "3 new slots, first Tue …; 12 slots free now at 2 offices, earliest …". */
export function messageHeadline(m: AlertMessage): string {
  const parts: string[] = [];
  if (m.fresh.length > 0) parts.push(`${plural(m.fresh.length, 'new slot')}, first ${slotLabel(m.fresh[0]!.slot)}`);
  if (m.freeNow.length > 0) {
    const free = m.freeNow.reduce((sum, a) => sum + (a.count ?? 1), 0);
    const at = m.freeNow.length > 1 ? ` at ${m.freeNow.length} offices` : '';
    const earliest = m.freeNow.reduce((min, a) => (a.slot < min.slot ? a : min));
    parts.push(`${plural(free, 'slot')} free now${at}, earliest ${slotLabel(earliest.slot)}`);
  }
  return parts.join('; ');
}

/** One line per alert of the message (new slots first), up to `limit`, then "+N more". */
export function messageLines(m: AlertMessage, limit = LISTED_SLOTS, withUrl = true): string[] {
  const all = [...m.fresh, ...m.freeNow];
  const line = (a: Alert) => `${alertWhat(a)} · ${site(a)} · ${office(a)}${withUrl ? ` · ${url(a)}` : ''}`;
  const lines = all.slice(0, limit).map(line);
  return all.length > limit ? [...lines, `+${all.length - limit} more`] : lines;
}

/** What the terminal shows: an ALERT line per watch, its alerts indented below. */
export function messageTerminalText(m: AlertMessage, limit = LISTED_SLOTS): string {
  const head = `ALERT  watch ${m.watchId} (${m.watch}) · ${messageHeadline(m)}`;
  const more = m.fresh.length + m.freeNow.length > limit ? ' (office-watch alerts lists them)' : '';
  const lines = messageLines(m, limit).map((line) => `       ${line}`);
  if (more) lines[lines.length - 1] += more;
  return `${[head, ...lines].join('\n')}\n`;
}

/** The message as text for a notification: the headline, the listed alerts, the booking pages. */
export function messageText(m: AlertMessage, limit = LISTED_SLOTS): string {
  const pages = [...new Set([...m.fresh, ...m.freeNow].map(url))].slice(0, 3);
  const head = `${messageHeadline(m)} (watch ${m.watchId}: ${m.watch})`;
  return [head, ...messageLines(m, limit, false), ...pages.map((p) => `Book: ${p}`)].join('\n');
}
