import type { Alert, Watch } from '../../store/index.js';
import { watchSummary } from './watch-text.js';

/** What one watch is told after one round: its baseline summaries and the slots that newly came free. */
export interface AlertMessage {
  /** The newest snapshot time of its alerts and the watch: "2026-11-25 07:30:12|watch 1". */
  id: string;
  watchId: string;
  /** The watch in words (watch list's), or "removed" when it went meanwhile. */
  watch: string;
  takenAt: string;
  /** 'free now' alerts (the watch's first look at these offices, or the first after a gap), earliest first. */
  freeNow: Alert[];
  /** Slots that were not free in the previous snapshot, by slot time. */
  fresh: Alert[];
}

const bySlot = (a: Alert, b: Alert) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : a.office.localeCompare(b.office));

/** Pure: one message per watch named by the alerts of a round (an alert several watches wanted is in each). */
export function composeMessages(alerts: readonly Alert[], watches: readonly Watch[]): AlertMessage[] {
  const byWatch = new Map<string, Alert[]>();
  for (const alert of alerts) for (const id of alert.watchIds) byWatch.set(id, [...(byWatch.get(id) ?? []), alert]);
  return [...byWatch]
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([watchId, own]) => {
      const watch = watches.find((w) => w.id === watchId);
      const takenAt = own.reduce((max, a) => (a.takenAt > max ? a.takenAt : max), '');
      return {
        id: `${takenAt}|watch ${watchId}`,
        watchId,
        watch: watch ? watchSummary(watch) : 'removed',
        takenAt,
        freeNow: own.filter((a) => a.kind === 'free now').sort(bySlot),
        fresh: own.filter((a) => a.kind !== 'free now').sort(bySlot),
      };
    });
}

/** The slots a message stands for: each new one, and what the summaries count. */
export const messageSlots = (m: AlertMessage): number =>
  m.fresh.length + m.freeNow.reduce((sum, a) => sum + (a.count ?? 1), 0);

/**
 * The one alert that stands for a message where only one fits (the app's banner): the first new slot, counting the
 * others; else the earliest free-now summary, counting all.
 */
export function headlineAlert(m: AlertMessage): Alert {
  if (m.fresh.length > 0) return { ...m.fresh[0]!, ...(m.fresh.length > 1 ? { count: m.fresh.length } : {}) };
  return { ...m.freeNow[0]!, count: messageSlots(m) };
}
