import { berlinWallTimeToDate, toBerlinWallTime } from '../../core/berlin-time.js';
import { DEMO_TEVIS_FLOWS } from '../../scrapers/simulator/demo-offices.js';
import { startDemo } from '../../scrapers/simulator/demo.js';
import { defaultVariant } from '../../scrapers/simulator/tevis-variant.js';
import type { GroundTruthEvent } from '../../scrapers/simulator/office.js';
import type { Alert } from '../../store/alerts.js';
import { openStore } from '../../store/index.js';
import { readMetadata } from '../../store/metadata.js';
import { tevisSimIds } from './tevis-expected.js';

const QUARTER = 15 * 60_000;
const floorQuarter = (ms: number) => Math.floor(ms / QUARTER) * QUARTER;

/**
 * The alerts of a demo db that its simulated world never had: every slot alert of an office whose site shows the
 * truth at once (regular publishers) must be a true cancellation of that slot since the snapshot before (up to
 * 30 simulated minutes after its own, as a scrape reads its pages), or lie on a day beyond the previous horizon.
 * The world is rebuilt from the db's epoch (or, for a db from before epochs, the quarter of its first snapshot).
 */
export async function untrueAlerts(db: string, alerts: readonly Alert[]): Promise<Alert[]> {
  const store = await openStore(db, { readOnly: true });
  let epoch: number;
  let latest = 0;
  const horizons = new Map<string, string>();
  try {
    const kept = await readMetadata(store, 'demo-epoch');
    let first = Infinity;
    for (const sourceId of await store.listSources()) {
      const times = await store.snapshotTimes(sourceId);
      if (times.length === 0) continue;
      first = Math.min(first, berlinWallTimeToDate(times[0]!).getTime());
      latest = Math.max(latest, berlinWallTimeToDate(times.at(-1)!).getTime());
    }
    epoch = kept ? Date.parse(kept) : floorQuarter(first);
    for (const alert of alerts) {
      const previous = await store.snapshotAt(alert.sourceId, alert.previousAt!);
      const before = previous?.locations.find((l) => l.locationId === alert.locationId)?.slots ?? [];
      horizons.set(alert.id, before.reduce((max, slot) => (slot > max ? slot : max), '').slice(0, 10));
    }
  } finally {
    await store.close();
  }
  const start = new Date(floorQuarter(latest) + 4 * QUARTER);
  const world = await startDemo({ epoch: new Date(epoch), start, speed: 0 });
  try {
    return alerts.filter((alert) => {
      const office = world.offices.find((o) => o.sourceId === alert.sourceId);
      const regular = (office?.spec.publisher ?? { kind: 'regular' }).kind === 'regular';
      if (!office || !regular || alert.kind === 'free now') return false;
      if (alert.slot.slice(0, 10) > horizons.get(alert.id)!) return false;
      // tevis ids are made of names; the simulated office keeps its truth under its own ids.
      const tevis =
        office.spec.system === 'tevis'
          ? tevisSimIds(office, defaultVariant(office, DEMO_TEVIS_FLOWS[office.sourceId]))
          : undefined;
      const locationId = tevis?.get(alert.locationId) ?? alert.locationId;
      const until = toBerlinWallTime(new Date(berlinWallTimeToDate(alert.takenAt).getTime() + 2 * QUARTER));
      const same = (e: GroundTruthEvent) =>
        e.kind === 'cancellation' && e.locationId === locationId && e.slot === alert.slot;
      return !office.groundTruth().some((e) => same(e) && e.at > alert.previousAt! && e.at <= until);
    });
  } finally {
    await world.close();
  }
}
