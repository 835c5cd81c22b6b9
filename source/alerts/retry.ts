/** How often and how patiently a delivery is tried. */
export interface RetryPolicy {
  /** Attempts in all (default 4). */
  attempts?: number;
  /** Pause before the second attempt; doubled each time (default 2 s). */
  baseDelayMs?: number;
  /** Longest pause (default 60 s). */
  maxDelayMs?: number;
}

/** Every attempt failed: the last error, and how many there were. */
export class DeliveryError extends Error {
  readonly code = 'DELIVERY_FAILED';

  constructor(readonly target: string, readonly attempts: number, readonly lastError: unknown) {
    super(`${target} failed ${attempts} times (last: ${lastError instanceof Error ? lastError.message : String(lastError)})`);
    this.name = 'DeliveryError';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Run `task` until it succeeds, with exponential back-off; reports each failure; rejects with a DeliveryError at the end. */
export async function withRetry(target: string, task: () => Promise<void>, policy: RetryPolicy = {}, onFailure?: (attempt: number, error: unknown) => void): Promise<void> {
  const attempts = Math.max(1, policy.attempts ?? 4);
  let delay = policy.baseDelayMs ?? 2000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      onFailure?.(attempt, error);
      if (attempt >= attempts) throw new DeliveryError(target, attempts, error);
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs ?? 60_000);
    }
  }
}
