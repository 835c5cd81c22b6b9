import { appearedSlots, type AlertKind } from './alert-diff.js';
import { watchCovers, watchWantsSlot } from './alert-match.js';
import { MAX_GAP_SECONDS } from './improved-inference.js';
import type { StoredSnapshot, WallTime } from './types.js';
import { parseWallTime } from '../core/wall-clock.js';
import type { Watch } from './watches.js';

/** The site facts an alert names (a Site has them all). */
export interface AlertSite {
  id: string;
  name: string;
  city: string;
  /** The booking page. */
  url: string;
}

/**
 * A free slot a watch wanted that was not free in the previous snapshot of its location; or (kind 'free now') a
 * watch's baseline at a location: how many slots it wants are free there, and the earliest.
 */
export interface Alert {
  /** Stable: the same slot appearing in the same snapshot is the same alert. */
  id: string;
  sourceId: string;
  locationId: string;
  /** The location's name (its id when the site gave none). */
  office: string;
  siteName: string;
  city: string;
  /** The slot's start, Berlin wall clock ('free now': the earliest wanted slot). */
  slot: WallTime;
  kind: AlertKind;
  url: string;
  /** The snapshot that showed it. */
  takenAt: WallTime;
  /** The previous snapshot of the source, if any. */
  previousAt?: WallTime;
  /** The watches that wanted it ('free now': the one watch). */
  watchIds: string[];
  /** How many slots the alert stands for: 'free now' the wanted slots free; absent for one slot. */
  count?: number;
}

/** What one snapshot raises: the alerts, and per watch the locations whose baseline the snapshot is. */
export interface SnapshotAlerts {
  alerts: Alert[];
  baselines: Map<string, string[]>;
}

/**
 * Whether `takenAt` is the watch's baseline at a location: its first look there, the location new (or missing from
 * the previous snapshot), or a gap in scraping the inference does not count across either.
 */
function isBaseline(
  watch: Watch,
  current: StoredSnapshot,
  locationId: string,
  previous: StoredSnapshot | undefined,
  before: WallTime[] | undefined,
): boolean {
  const { sourceId, takenAt } = current;
  const since = watch.baselines?.[sourceId]?.[locationId];
  if (since === undefined || !previous || !before || previous.takenAt < since) return true;
  return parseWallTime(takenAt) - parseWallTime(previous.takenAt) >= MAX_GAP_SECONDS;
}

/** Pure: the alerts a snapshot raises against its predecessor (undefined: none before). */
export function alertsBetween(
  previous: StoredSnapshot | undefined,
  current: StoredSnapshot,
  watches: readonly Watch[],
  site: AlertSite,
  names: ReadonlyMap<string, string> = new Map(),
): SnapshotAlerts {
  const alerts: Alert[] = [];
  const baselines = new Map<string, string[]>();
  const before = new Map(previous?.locations.map((l) => [l.locationId, l.slots]) ?? []);
  const { sourceId, takenAt } = current;
  for (const location of current.locations) {
    const { locationId } = location;
    const place = { sourceId, locationId, locationName: names.get(locationId), city: site.city };
    const slotsBefore = before.get(locationId);
    const alert = (slot: WallTime, kind: AlertKind, watchIds: string[]): Alert => ({
      id: [takenAt, sourceId, locationId, slot].join('|'),
      sourceId,
      locationId,
      office: place.locationName ?? locationId,
      siteName: site.name,
      city: site.city,
      slot,
      kind,
      url: site.url,
      takenAt,
      ...(previous ? { previousAt: previous.takenAt } : {}),
      watchIds,
    });
    const diffing: Watch[] = [];
    for (const watch of watches.filter((w) => watchCovers(w, place))) {
      if (!isBaseline(watch, current, locationId, previous, slotsBefore)) {
        diffing.push(watch);
        continue;
      }
      baselines.set(watch.id, [...(baselines.get(watch.id) ?? []), locationId]);
      const wanted = location.slots.filter((slot) => watchWantsSlot(watch, slot, takenAt));
      if (wanted.length === 0) continue;
      const summary = alert(wanted[0]!, 'free now', [watch.id]);
      alerts.push({ ...summary, id: `${summary.id}|free now|${watch.id}`, count: wanted.length });
    }
    if (diffing.length === 0) continue;
    for (const { slot, kind } of appearedSlots(slotsBefore ?? [], location.slots)) {
      const watchIds = diffing.filter((watch) => watchWantsSlot(watch, slot, takenAt)).map((watch) => watch.id);
      if (watchIds.length > 0) alerts.push(alert(slot, kind, watchIds));
    }
  }
  return { alerts, baselines };
}
