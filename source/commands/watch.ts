import { cityOf } from '../../scrapers/registry/registry.js';
import {
  addWatch,
  listWatches,
  removeWatch,
  WatchExistsError,
  type LevelStore,
  type Watch,
} from '../../store/index.js';
import { watchSummary } from '../alerts/watch-text.js';
import { idMatcher } from '../id-pattern.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';
import { loadSites } from './list.js';
import { parseWatchFlags, type WatchCandidates } from './watch-input.js';

/** One line describing a watch. */
export const describeWatch = (w: Watch): string => `${w.id.padStart(3)}  ${watchSummary(w)}`;

/** The spec stored as a new watch; an identical watch (same normalised spec) is refused in one sentence, exit 1. */
async function addNew(store: LevelStore, spec: Parameters<typeof addWatch>[1]): Promise<Watch> {
  try {
    return await addWatch(store, spec);
  } catch (error) {
    if (!(error instanceof WatchExistsError)) throw error;
    const existing = `watch ${error.existing.id} already watches that (${watchSummary(error.existing)})`;
    throw new UserError(`${existing}; office-watch watch list shows it.`);
  }
}

/**
 * Cities and offices the patterns may name: the sites (registry or --sites; with --demo the simulated ones) and the db.
 */
async function candidates(
  store: LevelStore,
  flags: { sites?: string | undefined; demo?: boolean | undefined },
): Promise<WatchCandidates> {
  const sites: { id: string; name: string; city?: string; locations?: { id: string; name?: string }[] }[] = [
    ...loadSites(flags.sites),
  ];
  if (flags.demo) {
    const { DEMO_OFFICES } = await import('../../scrapers/simulator/demo-offices.js');
    sites.push(...DEMO_OFFICES.map((o) => ({ id: o.sourceId, name: o.name, city: o.city, locations: o.locations })));
  }
  const offices = sites.flatMap((site) =>
    (site.locations ?? []).map((l) => ({ id: `${site.id}/${l.id}`, name: l.name })),
  );
  for (const sourceId of await store.listSources()) {
    for (const l of await store.listLocations(sourceId))
      offices.push({ id: `${sourceId}/${l.locationId}`, name: l.name });
  }
  return { cities: [...new Set(sites.map((site) => cityOf(site)))], offices };
}

/** `office-watch watch add|list|rm`: the slots a user waits for. */
export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'watch offices for free slots you want (add, list, rm)',
  subcommands: ['add', 'list', 'rm'],
  // The usage is one line per subcommand (the usage printed on a missing subcommand relies on it).
  help:
    `
  Usage
    $ office-watch watch add [--city PATTERN] [--office PATTERN] [--before DATE] [--within DAYS]` +
    ` [--weekdays mon,tue] [--hours 08-12]
    $ office-watch watch list [--json]
    $ office-watch watch rm ID

  A watch needs a place (--city and/or --office) and a time (--before and/or --within); a second watch
  with the same place and time is refused.
  --office matches "source/location" ids or office names (* and ? wildcards, else any part; case-insensitive).
  The first snapshot after a watch was added (or after a gap in scraping) is its baseline: one alert says how
  many wanted slots are free then and the earliest. After that, a snapshot (office-watch snapshot, or the app)
  alerts each wanted slot that was not free before, one message per watch per round; office-watch alerts
  lists them. office-watch never books.

  Flags
    --city PATTERN     the city (office-watch list shows them)
    --office PATTERN   the office, e.g. 'bonn/*' or 'Meldewesen'
    --before DATE      slots on days before DATE (YYYY-MM-DD, in the future)
    --within DAYS      slots at most DAYS days ahead
    --weekdays LIST    only these days: mon,tue,wed,thu,fri,sat,sun
    --hours FROM-TO    only slots starting in these hours, e.g. 08-12
    --demo             the demo database and the simulated offices
    --sites FILE       your own sites file (for checking the patterns)
    --json             watch list as JSON
    --db PATH          the database folder

  Examples
    $ office-watch watch add --city Bonn --office Meldewesen --within 14 --hours 08-12
    $ office-watch watch rm 2
`,
  flags: {
    city: { type: 'string' },
    office: { type: 'string' },
    before: { type: 'string' },
    within: { type: 'number' },
    weekdays: { type: 'string' },
    hours: { type: 'string' },
    demo: { type: 'boolean', default: false },
    sites: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ input, flags, stdout }) {
    const [action, ...rest] = input;
    if (action === 'add') {
      if (rest.length > 0) throw new UserError(`watch add takes flags only ("${sanitize(rest[0]!, 40)}").`, 2);
      return withStore(flags.db, { sharedWrites: true }, async (store) => {
        const spec = parseWatchFlags(flags, await candidates(store, flags), idMatcher);
        const watch = await addNew(store, spec);
        stdout.write(
          flags.json ? `${JSON.stringify(watch, null, 2)}\n` : `added watch ${describeWatch(watch).trim()}\n`,
        );
        return 0;
      });
    }
    if (action === 'list') {
      return withStore(flags.db, { readOnly: true }, async (store) => {
        const watches = await listWatches(store);
        if (flags.json) stdout.write(`${JSON.stringify(watches, null, 2)}\n`);
        else
          stdout.write(
            watches.length === 0
              ? 'no watches; office-watch watch add --help shows how to add one.\n'
              : `${watches.map(describeWatch).join('\n')}\n`,
          );
        return 0;
      });
    }
    if (action === 'rm') {
      if (rest.length !== 1)
        throw new UserError('watch rm needs one watch id (office-watch watch list shows them).', 2);
      return withStore(flags.db, { sharedWrites: true }, async (store) => {
        if (!(await removeWatch(store, rest[0]!)))
          throw new UserError(`there is no watch "${sanitize(rest[0]!, 20)}"; office-watch watch list shows them.`);
        stdout.write(`removed watch ${sanitize(rest[0]!, 20)}\n`);
        return 0;
      });
    }
    throw new UserError(`watch takes add, list or rm; got "${sanitize(action ?? '', 40)}".`, 2);
  },
});
