import type { FailureKind, ScrapeRun } from '../../scrapers/types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A site that answers "no such name", 404 or 410 this long is gone. */
export const GONE_AFTER_MS = 3 * DAY_MS;
/** Runs a status needs: those since the last success, which this window nearly always holds. */
export const STATUS_WINDOW_MS = 14 * DAY_MS;

/** What a site's scrapes say of it. Times are ISO UTC instants of runs. */
export type SiteStatus =
  | { state: 'new' }
  | { state: 'ok'; since: string; lastRunAt: string }
  | { state: 'failing'; since: string; lastRunAt: string; kind: FailureKind; how: string }
  | { state: 'moved'; since: string; lastRunAt: string; to: string; how: string }
  | { state: 'gone'; since: string; lastRunAt: string; how: string };

export type SiteState = SiteStatus['state'];

/** No such host, or the page is not (404) or no more (410) there. */
function goneLike(run: ScrapeRun): boolean {
  const error = run.error;
  if (run.ok || !error) return false;
  if (error.kind === 'down') return error.code === 'ENOTFOUND';
  return error.kind === 'http-status' && (error.status === 404 || error.status === 410);
}

/** The status from a site's runs (ascending; at least those since its last success), at `now`. Pure. */
export function siteStatus(runs: readonly ScrapeRun[], now: Date): SiteStatus {
  const last = runs.at(-1);
  if (!last) return { state: 'new' };
  const lastRunAt = last.startedAt;
  let lastOk = runs.length - 1;
  while (lastOk >= 0 && !runs[lastOk]!.ok) lastOk--;
  if (last.ok) {
    let first = lastOk;
    while (first > 0 && runs[first - 1]!.ok) first--;
    return { state: 'ok', since: runs[first]!.startedAt, lastRunAt };
  }
  const failures = runs.slice(lastOk + 1);
  const since = failures[0]!.startedAt;
  const error = last.error ?? { kind: 'markup' as const, message: 'failed' };
  const how = `${error.kind}: ${error.message}`;
  if (error.kind === 'moved' && error.location) return { state: 'moved', since, lastRunAt, to: error.location, how };
  let gone = failures.length;
  while (gone > 0 && goneLike(failures[gone - 1]!)) gone--;
  const goneSince = failures[gone]?.startedAt;
  if (goneSince !== undefined && now.getTime() - Date.parse(goneSince) >= GONE_AFTER_MS) {
    return { state: 'gone', since: goneSince, lastRunAt, how };
  }
  return { state: 'failing', since, lastRunAt, kind: error.kind, how };
}

/**
 * Politeness to sites that do not work: one failing for over a day is tried at most every 6 hours, one gone (or
 * moved away for over a day) once a day. 0: no pause beyond the usual ones.
 */
export function politePauseMs(status: SiteStatus, now: Date): number {
  if (status.state === 'gone') return DAY_MS;
  if (status.state !== 'failing' && status.state !== 'moved') return 0;
  const failingFor = now.getTime() - Date.parse(status.since);
  if (failingFor <= DAY_MS) return 0;
  return status.state === 'moved' ? DAY_MS : 6 * HOUR_MS;
}

/** When the site may be tried again under politePauseMs (undefined: now). */
export function politeUntil(status: SiteStatus, now: Date): Date | undefined {
  const pause = politePauseMs(status, now);
  if (pause === 0 || status.state === 'new') return undefined;
  const at = Date.parse(status.lastRunAt) + pause;
  return at > now.getTime() ? new Date(at) : undefined;
}

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** One line for a terminal (the caller sanitizes): "failing since 2026-12-01 10:00 UTC (down: …)". */
export function statusText(status: SiteStatus): string {
  switch (status.state) {
    case 'new':
      return 'not scraped yet';
    case 'ok':
      return `ok since ${minute(status.since)}`;
    case 'failing':
      return `failing since ${minute(status.since)} (${status.how})`;
    case 'moved':
      return `${status.how.replace(/^moved: /, '')}; to follow it: office-watch sites add '${status.to}'`;
    case 'gone':
      return `gone since ${minute(status.since)} (${status.how})`;
  }
}
