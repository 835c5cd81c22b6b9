import { cityOf } from '../../scrapers/registry/registry.js';
import { addWatch, listWatches, removeWatch, type Watch } from '../../store/watches.js';
import type { LevelStore } from '../../store/index.js';
import { idMatcher } from '../id-pattern.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';
import { loadSites } from './list.js';
import { parseWatchFlags, type WatchCandidates } from './watch-input.js';

const DAYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** One line describing a watch. */
export function describeWatch(w: Watch): string {
  const where = [w.city !== undefined ? `city ${sanitize(w.city, 40)}` : '', w.office !== undefined ? `office ${sanitize(w.office, 60)}` : ''].filter(Boolean).join(', ');
  const when = [
    w.before !== undefined ? `before ${w.before}` : '',
    w.withinDays !== undefined ? `within ${w.withinDays} days` : '',
    w.weekdays ? w.weekdays.map((d) => DAYS[d]).join(',') : '',
    w.hours ? `${String(w.hours.from).padStart(2, '0')}-${String(w.hours.to).padStart(2, '0')} h` : '',
  ].filter(Boolean).join(', ');
  return `${w.id.padStart(3)}  ${where} · ${when}`;
}

/** Cities and offices the patterns may name: the sites (registry or --sites; with --demo the simulated ones) and the db. */
async function candidates(store: LevelStore, flags: Record<string, unknown>): Promise<WatchCandidates> {
  const sites: { id: string; name: string; city?: string; locations?: { id: string; name?: string }[] }[] = [...loadSites(flags.sites)];
  if (flags.demo) {
    const { DEMO_OFFICES } = await import('../../scrapers/simulator/demo-offices.js');
    sites.push(...DEMO_OFFICES.map((o) => ({ id: o.sourceId, name: o.name, city: o.city, locations: o.locations })));
  }
  const offices = sites.flatMap((site) => (site.locations ?? []).map((l) => ({ id: `${site.id}/${l.id}`, name: l.name })));
  for (const sourceId of await store.listSources()) {
    for (const l of await store.listLocations(sourceId)) offices.push({ id: `${sourceId}/${l.locationId}`, name: l.name });
  }
  return { cities: [...new Set(sites.map((site) => cityOf(site)))], offices };
}

/** `office-watch watch add|list|rm`: the slots a user waits for. */
export const watchCommand: Command = {
  name: 'watch',
  summary: 'watch offices for free slots you want (add, list, rm)',
  subcommands: ['add', 'list', 'rm'],
  help: `
  Usage
    $ office-watch watch add [--city PATTERN] [--office PATTERN] [--before DATE] [--within DAYS] [--weekdays mon,tue] [--hours 08-12]
    $ office-watch watch list [--json]
    $ office-watch watch rm ID

  A watch needs a place (--city and/or --office) and a time (--before and/or --within).
  --office matches "source/location" ids or office names (* and ? wildcards, else any part; case-insensitive).
  Alerts are raised when a snapshot (office-watch snapshot, or the app) shows a wanted slot that was not free
  before; office-watch alerts lists them. office-watch never books.

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
      return withStore(flags.db, {}, async (store) => {
        const spec = parseWatchFlags(flags, await candidates(store, flags), idMatcher);
        const watch = await addWatch(store, spec);
        stdout.write(flags.json ? `${JSON.stringify(watch, null, 2)}\n` : `added watch ${describeWatch(watch).trim()}\n`);
        return 0;
      });
    }
    if (action === 'list') {
      return withStore(flags.db, { readOnly: true }, async (store) => {
        const watches = await listWatches(store);
        if (flags.json) stdout.write(`${JSON.stringify(watches, null, 2)}\n`);
        else stdout.write(watches.length === 0 ? 'no watches; office-watch watch add --help shows how to add one.\n' : `${watches.map(describeWatch).join('\n')}\n`);
        return 0;
      });
    }
    if (action === 'rm') {
      if (rest.length !== 1) throw new UserError('watch rm needs one watch id (office-watch watch list shows them).', 2);
      return withStore(flags.db, {}, async (store) => {
        if (!(await removeWatch(store, rest[0]!))) throw new UserError(`there is no watch "${sanitize(rest[0]!, 20)}"; office-watch watch list shows them.`);
        stdout.write(`removed watch ${sanitize(rest[0]!, 20)}\n`);
        return 0;
      });
    }
    throw new UserError(`watch takes add, list or rm; got "${sanitize(action ?? '', 40)}".`, 2);
  },
};
