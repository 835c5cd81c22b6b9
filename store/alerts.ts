import { appearedSlots, type AlertKind } from './alert-diff.js';
import { watchCovers, watchWantsSlot } from './alert-match.js';
import { cleanId, key, lastPart, range } from './keys.js';
import type { LevelStore } from './level-store.js';
import type { StoredSnapshot, WallTime } from './types.js';
import { listWatches, type Watch } from './watches.js';

export type { AlertKind };

/** The site facts an alert names (a Site has them all). */
export interface AlertSite {
  id: string;
  name: string;
  city: string;
  /** The booking page. */
  url: string;
}

/** A free slot a watch wanted that was not free in the previous snapshot of its location. */
export interface Alert {
  /** Stable: the same slot appearing in the same snapshot is the same alert. */
  id: string;
  sourceId: string;
  locationId: string;
  /** The location's name (its id when the site gave none). */
  office: string;
  siteName: string;
  city: string;
  /** The slot's start, Berlin wall clock. */
  slot: WallTime;
  kind: AlertKind;
  url: string;
  /** The snapshot that showed it. */
  takenAt: WallTime;
  /** The previous snapshot of the source, if any. */
  previousAt?: WallTime;
  /** The watches that wanted it. */
  watchIds: string[];
}

/** Pure: the alerts a snapshot raises against its predecessor (undefined: none before, every slot is new). */
export function alertsBetween(previous: StoredSnapshot | undefined, current: StoredSnapshot, watches: readonly Watch[], site: AlertSite, names: ReadonlyMap<string, string> = new Map()): Alert[] {
  const alerts: Alert[] = [];
  const before = new Map(previous?.locations.map((l) => [l.locationId, l.slots]) ?? []);
  for (const location of current.locations) {
    const place = { sourceId: current.sourceId, locationId: location.locationId, locationName: names.get(location.locationId), city: site.city };
    const covering = watches.filter((watch) => watchCovers(watch, place));
    if (covering.length === 0) continue;
    for (const { slot, kind } of appearedSlots(before.get(location.locationId) ?? [], location.slots)) {
      const watchIds = covering.filter((watch) => watchWantsSlot(watch, slot, current.takenAt)).map((watch) => watch.id);
      if (watchIds.length === 0) continue;
      const alert: Alert = {
        id: [current.takenAt, current.sourceId, location.locationId, slot].join('|'),
        sourceId: current.sourceId,
        locationId: location.locationId,
        office: place.locationName ?? location.locationId,
        siteName: site.name,
        city: site.city,
        slot,
        kind,
        url: site.url,
        takenAt: current.takenAt,
        watchIds,
      };
      if (previous) alert.previousAt = previous.takenAt;
      alerts.push(alert);
    }
  }
  return alerts;
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const alertKey = (a: Alert): string => key('a', a.takenAt, a.sourceId, a.locationId, a.slot);

/** The snapshot time of a source just before `takenAt`, if any. */
async function previousTime(store: LevelStore, sourceId: string, takenAt: WallTime): Promise<WallTime | undefined> {
  const { gte } = range(['m', sourceId]);
  for await (const k of store.db.keys({ gte, lt: key('m', sourceId, takenAt), reverse: true, limit: 1 })) return lastPart(k);
  return undefined;
}

/**
 * Right after recordSnapshot: compare the snapshot of `site` taken at `takenAt` with the one before, keep the
 * alerts it raises (key a TAKEN SOURCE LOCATION SLOT) and return those not kept before (so a repeated call
 * returns nothing). No watches: nothing read, nothing written.
 */
export async function detectAlerts(store: LevelStore, site: AlertSite, takenAt: WallTime): Promise<Alert[]> {
  const sourceId = cleanId(site.id);
  const watches = await listWatches(store);
  if (watches.length === 0) return [];
  return store.serialize(`\u0000alerts\u0000${sourceId}`, async () => {
    const current = await store.snapshotAt(sourceId, takenAt);
    if (!current) return [];
    const before = await previousTime(store, sourceId, takenAt);
    const previous = before === undefined ? undefined : await store.snapshotAt(sourceId, before);
    const names = new Map((await store.listLocations(sourceId)).flatMap((l) => (l.name === undefined ? [] : [[l.locationId, l.name] as const])));
    const alerts = alertsBetween(previous, current, watches, { ...site, id: sourceId }, names);
    if (alerts.length === 0) return [];
    const keys = alerts.map(alertKey);
    const known = await store.db.getMany(keys);
    const fresh = alerts.filter((_, i) => known[i] === undefined);
    await store.db.batch(fresh.map((a) => ({ type: 'put' as const, key: alertKey(a), value: Buffer.from(JSON.stringify(a)) })));
    return fresh;
  });
}

/** Kept alerts whose snapshot was taken at or after `since` (Berlin wall clock), oldest first. */
export async function listAlerts(store: LevelStore, options: { since?: WallTime } = {}): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for await (const value of store.db.values(range(['a'], options.since))) alerts.push(JSON.parse(text(value)) as Alert);
  return alerts;
}
