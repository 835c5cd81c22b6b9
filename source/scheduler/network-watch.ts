import type { ScrapeRun } from '../../scrapers/types.js';

/** What name lookups answer on a machine without network (ENOTFOUND too: some resolvers say so offline). */
const LOOKUP_FAILED: ReadonlySet<string> = new Set(['EAI_AGAIN', 'ENOTFOUND', 'EAI_FAIL']);
/** What a connection gets when there is no route out. */
const NO_ROUTE: ReadonlySet<string> = new Set(['ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

/** Hosts that must all fail the same way before the network is called down: one dead domain is a site's problem. */
export const NETWORK_DOWN_HOSTS = 3;

/**
 * Tells a machine without network from sites that fail, over one round: name lookups and scrapes report
 * to it; the network looks down when several distinct hosts failed the way an offline machine fails and
 * nothing got through: no scrape succeeded, no server answered at all, and (unless there is no route) no
 * lookup resolved. Pure: it keeps what it is told and judges.
 */
export class NetworkWatch {
  /** Host → the code it failed with. */
  readonly #failed = new Map<string, string>();
  #resolved = false;
  #reached = false;

  /** A name lookup of `host` resolved (no `error`) or failed. */
  lookedUp(host: string, error?: unknown): void {
    if (error === undefined) this.#resolved = true;
    else this.#fail(host, (error as NodeJS.ErrnoException).code);
  }

  /** A scrape of a site on `host` ended. */
  ran(host: string, run: ScrapeRun): void {
    if (run.ok) this.#reached = true;
    else if (run.error?.kind === 'down') this.#fail(host, run.error.code);
    // A server answered (a status, a page we could not use): the network works. A timeout or a site we
    // have no scraper for (no request made) tells nothing.
    else if (run.error?.kind !== 'timeout' && run.requests > 0) this.#reached = true;
  }

  /** Something got through (a lookup resolved, a server answered): not an offline machine. */
  get sawNetwork(): boolean {
    return this.#resolved || this.#reached;
  }

  /** Why the network looks down ("EAI_AGAIN for 3 hosts: a.de, b.de, …"), or undefined. */
  verdict(): string | undefined {
    if (this.#reached || this.#failed.size < NETWORK_DOWN_HOSTS) return undefined;
    const noRoute = [...this.#failed.values()].filter((code) => NO_ROUTE.has(code)).length;
    // Names resolve, so DNS works: only a missing route still makes the network down.
    if (this.#resolved && noRoute < NETWORK_DOWN_HOSTS) return undefined;
    const codes = [...new Set(this.#failed.values())].join(', ');
    const hosts = [...this.#failed.keys()];
    return `${codes} for ${hosts.length} hosts: ${hosts.slice(0, 2).join(', ')}${hosts.length > 2 ? ', …' : ''}`;
  }

  #fail(host: string, code: string | undefined): void {
    if (code !== undefined && (LOOKUP_FAILED.has(code) || NO_ROUTE.has(code))) this.#failed.set(host, code);
    // Refused, reset, a TLS error: a host answered.
    else if (code !== undefined) this.#reached = true;
  }
}
