import type { SiteState } from './site-state.js';
import type { SkipReason } from './types.js';

export interface DueContext {
  now: number;
  minIntervalMs: number;
  /** Back-off pauses ending this soon after `now` count as over (rounds are not exactly periodic). */
  slackMs: number;
  /** Sites queued or in flight. */
  busy: ReadonlySet<string>;
  /** A rescrape on request: failure pauses are forgotten, but the minimum interval still holds. */
  requested?: boolean;
}

/** Why a site cannot be scraped now, or undefined when it can. */
export function skipReason(state: SiteState, context: DueContext): SkipReason | undefined {
  if (context.busy.has(state.site.id)) return 'running';
  if (!context.requested) {
    if (state.action === 'stop') return 'stopped';
    if (state.action === 'backoff' && state.notBefore !== undefined && state.notBefore > context.now + context.slackMs)
      return 'backoff';
  }
  if (state.allowedAt(context.minIntervalMs) > context.now) return 'min-interval';
  return undefined;
}

/** Split sites into those to scrape now and those skipped (with the reason). */
export function dueSites(
  states: Iterable<SiteState>,
  context: DueContext,
): { due: SiteState[]; skipped: { sourceId: string; reason: SkipReason }[] } {
  const due: SiteState[] = [];
  const skipped: { sourceId: string; reason: SkipReason }[] = [];
  for (const state of states) {
    const reason = skipReason(state, context);
    if (reason) skipped.push({ sourceId: state.site.id, reason });
    else due.push(state);
  }
  return { due, skipped };
}
