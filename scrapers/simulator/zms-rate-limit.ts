import { isIP } from 'node:net';
import type { SimRequest } from './types.js';

/** The headers zmsslim's ClientIp reads, in its order, before REMOTE_ADDR. */
const IP_HEADERS = ['client-ip', 'x-forwarded-for', 'x-forwarded', 'x-cluster-client-ip', 'forwarded-for', 'forwarded'];

/** The client a request is counted for: the first valid IP of the forwarding headers, else the peer's address. */
export function clientIp(request: Pick<SimRequest, 'headers' | 'remoteAddress'>): string {
  for (const name of IP_HEADERS) {
    const value = request.headers[name];
    for (const part of (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',')) {
      const candidate = part.trim().replace(/^for=/i, '').replace(/^"|"$/g, '');
      if (isIP(candidate)) return candidate;
    }
  }
  return request.remoteAddress ?? '127.0.0.1';
}

export type RateDecision = { ok: true; headers: Record<string, string> } | { ok: false };

interface Counter {
  count: number;
  expiresAt: number;
}

/**
 * RateLimitingMiddleware (zmscitizenapi @H): per client `max` requests; each accepted request rewrites the counter
 * with a fresh `windowMs`, so it restarts only after `windowMs` with no accepted request; a refused one neither
 * counts nor extends it. Passed requests carry X-RateLimit-Limit, -Remaining (limit − count − 1, one less than is
 * left) and -Reset (Unix seconds: last accepted + window); refusals carry none and no Retry-After.
 */
export class RateLimiter {
  readonly #counters = new Map<string, Counter>();
  #refusals = 0;
  #accepted = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  hit(client: string): RateDecision {
    const now = this.now();
    const counter = this.#live(client, now);
    if (counter && counter.count >= this.max) {
      this.#refusals++;
      return { ok: false };
    }
    const count = (counter?.count ?? 0) + 1;
    this.#counters.set(client, { count, expiresAt: now + this.windowMs });
    this.#accepted++;
    if (this.#counters.size > 1_000) this.#sweep(now);
    const headers = {
      'x-ratelimit-limit': String(this.max),
      'x-ratelimit-remaining': String(this.max - count - 1),
      'x-ratelimit-reset': String(Math.floor((now + this.windowMs) / 1000)),
    };
    return { ok: true, headers };
  }

  /** Another client behind the same address used up the allowance, its last request accepted at `lastAt`. */
  occupy(client: string, lastAt: number): void {
    this.#counters.set(client, { count: this.max, expiresAt: lastAt + this.windowMs });
  }

  /** Requests refused with 429 so far. */
  get refusals(): number {
    return this.#refusals;
  }

  get accepted(): number {
    return this.#accepted;
  }

  #live(client: string, now: number): Counter | undefined {
    const counter = this.#counters.get(client);
    return counter && now < counter.expiresAt ? counter : undefined;
  }

  #sweep(now: number): void {
    for (const [client, counter] of this.#counters) if (now >= counter.expiresAt) this.#counters.delete(client);
  }
}
