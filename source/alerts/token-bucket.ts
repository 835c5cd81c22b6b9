/** Spacing for one delivery channel: `burst` sends at once, then one per `everyMs`; back-off can hold it. */
export class TokenBucket {
  #tokens: number;
  #last: number;
  #heldUntil = 0;

  constructor(
    readonly burst: number,
    readonly everyMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.#tokens = burst;
    this.#last = now();
  }

  /** Milliseconds until the next send may go (0: now). */
  waitMs(): number {
    this.#refill();
    const held = this.#heldUntil - this.now();
    const empty = this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) * this.everyMs);
    return Math.max(0, held, empty);
  }

  /** A send goes now (after waitMs() said 0). */
  take(): void {
    this.#refill();
    this.#tokens = Math.max(0, this.#tokens - 1);
  }

  /** Nothing goes before `instant` (back-off after a failure, a receiver's Retry-After). */
  holdUntil(instant: number): void {
    this.#heldUntil = Math.max(this.#heldUntil, instant);
  }

  #refill(): void {
    const now = this.now();
    this.#tokens = Math.min(this.burst, this.#tokens + (now - this.#last) / this.everyMs);
    this.#last = now;
  }
}
