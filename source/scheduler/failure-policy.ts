import type { FailureKind } from '../../scrapers/types.js';
import type { FailureAction } from './types.js';

/** A failure a second try a little later may not see. */
const TRANSIENT: ReadonlySet<FailureKind> = new Set(['down', 'timeout']);
/** Nothing changes until the code does. */
const PERMANENT: ReadonlySet<FailureKind> = new Set(['unsupported']);

/**
 * What to do after a failure of this kind, the `consecutive`-th in a row:
 * a first connection failure or timeout is retried soon; a second one, and every
 * answer the site gave but we could not use (status, captcha, maintenance, markup, size,
 * redirects), backs off; a variant we cannot read stops the site until a rescrape.
 */
export function failureAction(kind: FailureKind, consecutive: number): FailureAction {
  if (PERMANENT.has(kind)) return 'stop';
  if (TRANSIENT.has(kind) && consecutive <= 1) return 'retry';
  return 'backoff';
}

export interface PauseOptions {
  intervalMs: number;
  retryDelayMs: number;
  maxBackoffMs: number;
  jitter: number;
  random: () => number;
}

/**
 * The pause before the next attempt after a failure. Back-off doubles per failure from one
 * interval (the next round) up to maxBackoffMs, so a site down for a day costs a few requests,
 * not a hundred. Both get ±jitter so that sites failing together do not return together.
 */
export function pauseAfterFailure(
  action: FailureAction,
  consecutive: number,
  options: PauseOptions,
): number | undefined {
  if (action === 'stop') return undefined;
  const base =
    action === 'retry'
      ? options.retryDelayMs
      : Math.min(options.maxBackoffMs, options.intervalMs * 2 ** Math.max(0, consecutive - 1));
  const spread = 1 + options.jitter * (2 * options.random() - 1);
  return Math.round(base * spread);
}
