import { alertsBetween, type Alert, type AlertSite } from './alert-rules.js';
import { cleanId, key, lastPart, range, PREFIX } from './keys.js';
import type { LevelStore } from './level-store.js';
import type { WallTime } from './types.js';
import { listWatches, watchKey, type Watch } from './watches.js';

export type { AlertKind } from './alert-diff.js';
export { alertsBetween, type Alert, type AlertSite, type SnapshotAlerts } from './alert-rules.js';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
/** a TAKEN SOURCE LOCATION SLOT; a 'free now' summary is one per watch, after the slot's own alert. */
const alertKey = (a: Alert): string =>
  key(
    PREFIX.alert,
    a.takenAt,
    a.sourceId,
    a.locationId,
    a.kind === 'free now' ? `${a.slot} free now ${a.watchIds[0]}` : a.slot,
  );

/** The snapshot time of a source just before `takenAt`, if any. */
async function previousTime(store: LevelStore, sourceId: string, takenAt: WallTime): Promise<WallTime | undefined> {
  const { gte } = range([PREFIX.snapshot, sourceId]);
  for await (const k of store.db.keys({ gte, lt: key(PREFIX.snapshot, sourceId, takenAt), reverse: true, limit: 1 }))
    return lastPart(k);
  return undefined;
}

/** The watches whose baselines moved to `takenAt` at these locations of `sourceId`, as stored records. */
function movedBaselines(watches: readonly Watch[], moved: Map<string, string[]>, sourceId: string, takenAt: WallTime) {
  const puts: { type: 'put'; key: string; value: Buffer }[] = [];
  for (const watch of watches) {
    const locations = moved.get(watch.id)?.filter((id) => watch.baselines?.[sourceId]?.[id] !== takenAt) ?? [];
    if (locations.length === 0) continue;
    const own = { ...watch.baselines?.[sourceId], ...Object.fromEntries(locations.map((id) => [id, takenAt])) };
    const updated: Watch = { ...watch, baselines: { ...watch.baselines, [sourceId]: own } };
    puts.push({ type: 'put', key: watchKey(watch.id), value: json(updated) });
  }
  return puts;
}

/**
 * Right after recordSnapshot: compare the snapshot of `site` taken at `takenAt` with the one before, keep the
 * alerts it raises (key a TAKEN SOURCE LOCATION SLOT) and the watches' new baselines, in one batch, and return the
 * alerts not kept before (so a repeated call returns nothing). No watches: nothing read, nothing written.
 */
export async function detectAlerts(store: LevelStore, site: AlertSite, takenAt: WallTime): Promise<Alert[]> {
  const sourceId = cleanId(site.id);
  if ((await listWatches(store)).length === 0) return [];
  return store.serialize(`\u0000alerts\u0000${sourceId}`, async () => {
    const current = await store.snapshotAt(sourceId, takenAt);
    if (!current) return [];
    const before = await previousTime(store, sourceId, takenAt);
    const previous = before === undefined ? undefined : await store.snapshotAt(sourceId, before);
    const locations = await store.listLocations(sourceId);
    const names = new Map(locations.flatMap((l) => (l.name === undefined ? [] : [[l.locationId, l.name] as const])));
    // The watches are read (with their baselines) and written under their own lock: other sources move theirs too.
    return store.serialize('\u0000watches', async () => {
      const watches = await listWatches(store);
      const { alerts, baselines } = alertsBetween(previous, current, watches, { ...site, id: sourceId }, names);
      const known = alerts.length === 0 ? [] : await store.db.getMany(alerts.map(alertKey));
      const fresh = alerts.filter((_, i) => known[i] === undefined);
      const puts = fresh.map((a) => ({ type: 'put' as const, key: alertKey(a), value: json(a) }));
      const ops = [...puts, ...movedBaselines(watches, baselines, sourceId, takenAt)];
      if (ops.length > 0) await store.db.batch(ops);
      return fresh;
    });
  });
}

/** Kept alerts whose snapshot was taken at or after `since` (Berlin wall clock), oldest first. */
export async function listAlerts(store: LevelStore, options: { since?: WallTime } = {}): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for await (const value of store.db.values(range([PREFIX.alert], options.since)))
    alerts.push(JSON.parse(text(value)) as Alert);
  return alerts;
}
