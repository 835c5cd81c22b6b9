import type { SystemName, WallTime } from '../../scrapers/types.js';
import type { SimLocation, SimOffice } from '../../scrapers/simulator/types.js';

/** A simulated office whose free slots are given outright: for parse and property tests. */
export function fixedOffice(options: {
  sourceId: string;
  system: SystemName;
  now: Date;
  locations: (SimLocation & { slots: WallTime[] })[];
}): SimOffice {
  const slots = new Map(options.locations.map((location) => [location.id, [...location.slots].sort()]));
  return {
    sourceId: options.sourceId,
    system: options.system,
    name: `Stadt ${options.sourceId}`,
    city: options.sourceId,
    locations: options.locations.map(({ id, name }) => ({ id, name })),
    freeSlots: (id) => slots.get(id) ?? [],
    now: () => options.now,
  };
}
