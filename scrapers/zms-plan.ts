import type { ZmsCatalog, ZmsOffice } from './zms-parse.js';

/** One location of a ZMS site: an office × a service. */
export interface ZmsPair {
  officeId: number;
  serviceId: number;
  /** `{officeId}-{serviceId}`. */
  locationId: string;
  /** "office / service". */
  name: string;
}

/** Offices asked about one service in one request: every one offers it, and no two share their bookings. */
export interface ZmsGroup {
  serviceId: number;
  officeIds: number[];
}

export interface ZmsPlan {
  /** The locations to read, by office (in the catalog's order), then service (in the site's order). */
  pairs: ZmsPair[];
  /** Offices whose scope requires a captcha: never read (office-watch does not solve captchas). */
  gated: ZmsOffice[];
  groups: ZmsGroup[];
}

export const locationIdOf = (officeId: number, serviceId: number): string => `${officeId}-${serviceId}`;

/**
 * What to read for the site's services (protocols-zms.md §2.3): the relations of those services at offices with a
 * scope and a slot need of at least 1, intersected with the listed offices and services (relations may name
 * others). One request per service asks all its offices at once, as the booking page does, except that offices
 * sharing bookings go into different requests (asked together, a shared time shows under one of them only).
 */
export function planScrape(catalog: ZmsCatalog, serviceIds: readonly number[]): ZmsPlan {
  const offices = new Map(catalog.offices.map((office) => [office.id, office]));
  const services = new Map(catalog.services.map((service) => [service.id, service]));
  const wanted = [...new Set(serviceIds)].filter((id) => services.has(id));
  const offered = new Set(
    catalog.relations.filter((r) => r.slots >= 1).map((r) => locationIdOf(r.officeId, r.serviceId)),
  );
  const pairs: ZmsPair[] = [];
  const gated = new Set<ZmsOffice>();
  const groups: ZmsGroup[] = [];
  const peers = peerSets(catalog.offices);
  for (const serviceId of wanted) {
    const readable: number[] = [];
    for (const office of catalog.offices) {
      if (!office.scope || !offered.has(locationIdOf(office.id, serviceId))) continue;
      if (office.captcha) gated.add(office);
      else readable.push(office.id);
    }
    for (const officeIds of splitPeers(readable, peers)) groups.push({ serviceId, officeIds });
    for (const officeId of readable) {
      const name = `${offices.get(officeId)?.name} / ${services.get(serviceId)?.name}`;
      pairs.push({ officeId, serviceId, locationId: locationIdOf(officeId, serviceId), name });
    }
  }
  const order = new Map(catalog.offices.map((office, index) => [office.id, index]));
  const rank = new Map(wanted.map((id, index) => [id, index]));
  pairs.sort(
    (a, b) => order.get(a.officeId)! - order.get(b.officeId)! || rank.get(a.serviceId)! - rank.get(b.serviceId)!,
  );
  return { pairs, gated: [...gated], groups };
}

/** Sharing is symmetric whichever office names the other. */
function peerSets(offices: readonly ZmsOffice[]): Map<number, Set<number>> {
  const sets = new Map<number, Set<number>>();
  const link = (a: number, b: number) => (sets.get(a) ?? sets.set(a, new Set()).get(a)!).add(b);
  for (const office of offices) {
    for (const peer of office.peers) {
      link(office.id, peer);
      link(peer, office.id);
    }
  }
  return sets;
}

/** Greedy: each office into the first request holding none of its peers. */
function splitPeers(officeIds: number[], peers: Map<number, Set<number>>): number[][] {
  const groups: number[][] = [];
  for (const id of officeIds) {
    const group = groups.find((members) => !members.some((member) => peers.get(id)?.has(member)));
    if (group) group.push(id);
    else groups.push([id]);
  }
  return groups;
}
