import type { RegistrySite } from '../../scrapers/registry/registry.js';
import { sanitize } from '../sanitize.js';
import { createScheduler, selectSites, statusText, type SiteStatus } from '../scheduler/index.js';
import { politeSkips, statusesOf } from '../site-statuses.js';
import { terminalJson } from '../terminal-json.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import type { CommandContext } from './command.js';

/** One site's line of `sites check` (and its --json record). */
export interface CheckedSite {
  sourceId: string;
  system: string;
  status: SiteStatus;
  /** Why this round left it out (politeness). */
  skipped?: string;
}

/**
 * `office-watch sites check [PATTERN…]`: one polite round over the sites (all, or those matching), recorded as any
 * round is, then each site's status as its runs now tell it.
 */
export async function checkSites(
  context: CommandContext,
  all: readonly RegistrySite[],
  patterns: string[],
  weeks: number,
): Promise<number> {
  const { sites, unmatched } = selectSites([...all], { include: patterns });
  if (unmatched.length > 0)
    throw new UserError(`no site matches "${sanitize(unmatched[0]!, 60)}"; office-watch sites list shows them.`);
  const { stdout, stderr, flags } = context;
  const checked = await withStore(flags.db, {}, async (store) => {
    const skips = await politeSkips(store, sites);
    const due = sites.filter((site) => !skips.has(site.id));
    if (due.length > 0) {
      const { scraperFor } = await import('../../scrapers/index.js');
      const scheduler = createScheduler({
        sites: due,
        store,
        scraperFor,
        weeks,
        parallel: 8,
        minIntervalMinutes: 0,
        network: {},
      });
      let done = 0;
      scheduler.onRun(() => void (stderr.isTTY && stderr.write(`\rchecked ${++done}/${due.length}`)));
      try {
        const round = await scheduler.runRound();
        if (stderr.isTTY) stderr.write('\r\u001b[K');
        if (round.networkDown)
          throw new UserError(`the network looks down (${sanitize(round.networkDown, 200)}); no site was checked.`);
      } finally {
        await scheduler.stop();
      }
    }
    const statuses = await statusesOf(
      store,
      sites.map((site) => site.id),
    );
    return sites.map((site): CheckedSite => {
      const skipped = skips.get(site.id);
      return {
        sourceId: site.id,
        system: site.system,
        status: statuses.get(site.id)!,
        ...(skipped ? { skipped } : {}),
      };
    });
  });
  if (flags.json) {
    stdout.write(`${terminalJson(checked)}\n`);
    return 0;
  }
  const width = Math.min(32, Math.max(...checked.map((c) => sanitize(c.sourceId, 64).length)));
  for (const site of checked) {
    const skipped = site.skipped ? `  (not tried now: ${site.skipped})` : '';
    const text = sanitize(`${statusText(site.status)}${skipped}`, 400);
    stdout.write(`${site.status.state.padEnd(8)}${sanitize(site.sourceId, 64).padEnd(width)}  ${text}\n`);
  }
  const count = (state: string) => checked.filter((c) => c.status.state === state).length;
  stdout.write(
    `${checked.length} sites: ${count('ok')} ok, ${count('failing')} failing,` +
      ` ${count('moved')} moved, ${count('gone')} gone\n`,
  );
  return 0;
}
