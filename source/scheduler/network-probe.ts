import dns from 'node:dns';
import { isIP } from 'node:net';
import type { Site } from '../../scrapers/types.js';
import type { NetworkWatch } from './network-watch.js';

/** Resolve a host name (rejecting with node's error, its `code` EAI_AGAIN, ENOTFOUND…). */
export type Lookup = (hostname: string) => Promise<unknown>;

/** Node's resolver, as the HTTP client uses it (dns.lookup, looked up at each call). */
export const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => {
    dns.lookup(hostname, (error, address) => (error ? reject(error) : resolve(address)));
  });

/** The host name of a site, as its URL has it. */
export const hostName = (site: Site): string => {
  try {
    return new URL(site.url).hostname;
  } catch {
    return site.url;
  }
};

const isLocal = (host: string) =>
  isIP(host.replace(/^\[|\]$/g, '')) !== 0 || host === 'localhost' || host.endsWith('.localhost');

/**
 * The names worth looking up before a round: those most sites share first (the hosted booking systems, the
 * least likely to be gone), no addresses or loopback names (they prove nothing about the network).
 */
export function probeHosts(sites: readonly Site[], max = 6): string[] {
  const counts = new Map<string, number>();
  for (const site of sites) {
    const host = hostName(site);
    if (!isLocal(host)) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([host]) => host);
}

/**
 * Look the hosts up at once and tell `watch`; done at the first that resolves (the network works), when
 * all have answered, or after `timeoutMs` (a resolver that does not answer: the scrapes will tell).
 */
export async function probeNetwork(
  hosts: readonly string[],
  lookup: Lookup,
  watch: NetworkWatch,
  timeoutMs: number,
): Promise<void> {
  if (hosts.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  let pending = hosts.length;
  const answered = new Promise<void>((resolve) => {
    for (const host of hosts) {
      lookup(host).then(
        () => (watch.lookedUp(host), resolve()),
        (error: unknown) => (watch.lookedUp(host, error), --pending === 0 && resolve()),
      );
    }
  });
  try {
    await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
