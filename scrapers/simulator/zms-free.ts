import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { WallTime } from '../types.js';
import type { ZmsSimCatalog } from './zms-catalog.js';
import type { SimOffice } from './types.js';

export interface FreeQuery {
  officeIds: number[];
  serviceIds: number[];
  /** Days, both included. */
  from: string;
  to: string;
}

/**
 * The free start times per office, as the backend finds them: public and in the future only, free for every
 * service asked (a bundle), within the days asked. Offices sharing bookings (sharedBookingOfficeIds) asked
 * together: a time free at several of them shows under the first one asked only (the round-robin's winner).
 */
export function freeTimes(office: SimOffice, catalog: ZmsSimCatalog, query: FreeQuery): Map<number, WallTime[]> {
  const now = toBerlinWallTime(office.now());
  const free = new Map<number, WallTime[]>();
  for (const officeId of query.officeIds) {
    let times: WallTime[] | undefined;
    for (const serviceId of query.serviceIds) {
      const slots = office.freeSlots(`${officeId}-${serviceId}`);
      const within = slots.filter((t) => t > now && t.slice(0, 10) >= query.from && t.slice(0, 10) <= query.to);
      times = times === undefined ? within : times.filter((t) => within.includes(t));
    }
    free.set(officeId, times ?? []);
  }
  const peers = (a: number, b: number) =>
    [
      [a, b],
      [b, a],
    ].some(([x, y]) => catalog.offices.find((o) => o.id === x)?.sharedBookingOfficeIds?.includes(y!));
  query.officeIds.forEach((officeId, index) => {
    const earlier = query.officeIds.slice(0, index).filter((other) => peers(officeId, other));
    if (earlier.length === 0) return;
    const taken = new Set(earlier.flatMap((other) => free.get(other) ?? []));
    free.set(
      officeId,
      free.get(officeId)!.filter((t) => !taken.has(t)),
    );
  });
  return free;
}
