import type { ScrapeRun, Site } from '../../scrapers/types.js';
import { hostName, probeHosts, probeNetwork, systemLookup, type Lookup } from './network-probe.js';
import { NetworkWatch } from './network-watch.js';

/**
 * A round's view of the network: what the probe and its scrapes told. `signal` ends the round's scrapes once the
 * network looks down, or when `stop` (the scheduler's) aborts.
 */
export interface RoundNetwork {
  readonly watch: NetworkWatch;
  readonly signal: AbortSignal;
  /** Tell it how a scrape of the round ended. */
  observe(site: Site, run: ScrapeRun): void;
  /** The round is over: let go of `stop`. */
  close(): void;
}

export interface RoundNetworkOptions {
  lookup?: Lookup;
  probeTimeoutMs?: number;
}

/** Before a round: look a few of its hosts up, then judge its scrapes as they end. */
export async function watchRoundNetwork(
  sites: readonly Site[],
  options: RoundNetworkOptions,
  stop: AbortSignal,
): Promise<RoundNetwork> {
  const watch = new NetworkWatch();
  const round = new AbortController();
  const end = () => round.abort();
  stop.addEventListener('abort', end, { once: true });
  await probeNetwork(probeHosts(sites), options.lookup ?? systemLookup, watch, options.probeTimeoutMs ?? 3000);
  if (watch.verdict()) end();
  return {
    watch,
    signal: round.signal,
    observe(site, run) {
      watch.ran(hostName(site), run);
      if (watch.verdict()) end();
    },
    close: () => stop.removeEventListener('abort', end),
  };
}
