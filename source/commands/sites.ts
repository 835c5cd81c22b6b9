import { loadRegistry, type RegistrySite } from '../../scrapers/registry/registry.js';
import { loadOwnSites, ownSitesPath, saveOwnSites, withOwnSites } from '../own-sites.js';
import { sanitize } from '../sanitize.js';
import { terminalJson } from '../terminal-json.js';
import { UserError } from '../user-error.js';
import type { Command, CommandContext } from './command.js';
import { formatTable, loadSites } from './list.js';
import type { AddedSite } from './sites-add.js';
import { checkSites } from './sites-check.js';

const MAX_OFFICES_SHOWN = 30;

/** `office-watch sites add|list|show|rm`: the user's own sites, on top of the built-in registry. */
export const sitesCommand: Command = {
  name: 'sites',
  summary: 'add your city by its booking page URL; list, show or remove sites',
  subcommands: ['add', 'check', 'list', 'show', 'rm'],
  help: `
  Usage
    $ office-watch sites add URL [--id ID] [--name NAME] [--city CITY] [--weeks N]
    $ office-watch sites check [PATTERN…] [--json] [--weeks N] [--sites FILE]
    $ office-watch sites list [--json]
    $ office-watch sites show ID
    $ office-watch sites rm ID

  add   fetches the page (any step of a booking flow: tevis, netappoint, etermin, tempus,
        ZMS), recognises the system, makes the site record, scrapes it once, shows what it
        found and saves it in your own sites file. Every command and the app read that file
        on top of the built-in registry; an own site replaces a built-in one of the same id.
  check one polite round over the sites (all, or those matching PATTERN), then each one's
        status: ok; failing since T (and how); moved (with the sites add to run); gone
        (no such name, 404 or 410 for 3 days). Sites failing for over a day are tried at
        most every 6 hours, gone ones once a day: those show their last status.
  list  the built-in and your own sites (yours marked *)
  show  one site's record
  rm    removes one of your own sites

  Your sites file: ${ownSitesPath()}
  ($XDG_CONFIG_HOME/office-watch/sites.json, default ~/.config/office-watch/sites.json)

  Flags
    --id ID      the id to save the site as (default: made of the city)
    --name NAME  the site's name (default: from the page's title)
    --city CITY  the city to group it by (default: from the name)
    --weeks N    weeks ahead add's first scrape (and check's round) reads (default 2)
    --json       check, list: JSON
    --sites FILE check: the sites of FILE instead (e.g. simulate --sites-out)

  Examples
    $ office-watch sites add 'https://terminvergabe.muelheim-ruhr.de/select2?md=5'
    $ office-watch sites rm muelheim-an-der-ruhr
`,
  flags: {
    id: { type: 'string' },
    name: { type: 'string' },
    city: { type: 'string' },
    weeks: { type: 'number', default: 2 },
    json: { type: 'boolean', default: false },
    sites: { type: 'string' },
  },
  async run(context) {
    const [sub, ...args] = context.input;
    if (sub === 'list') return list(context);
    if (sub === 'check') {
      const sites = context.flags.sites === undefined ? all() : loadSites(context.flags.sites);
      return checkSites(context, sites, args, weeksOf(context.flags.weeks));
    }
    const arg = args[0];
    if (args.length !== 1 || !arg?.trim())
      throw new UserError(`sites ${sub} needs exactly one ${sub === 'add' ? 'URL' : 'site id'}.`, 2);
    if (sub === 'add') return add(context, arg);
    if (sub === 'show') return show(context, arg);
    return remove(context, arg);
  },
};

function weeksOf(weeks: unknown): number {
  if (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 1 || weeks > 26)
    throw new UserError('--weeks needs a whole number from 1 to 26.', 2);
  return weeks;
}

function all(): RegistrySite[] {
  return withOwnSites(loadRegistry(), loadOwnSites());
}

async function add({ flags, stdout, stderr }: CommandContext, url: string): Promise<number> {
  if (!/^https?:\/\/[^\s/]+/i.test(url))
    throw new UserError(`sites add needs an http(s) URL of a booking page; got "${sanitize(url, 80)}".`, 2);
  const weeks = weeksOf(flags.weeks);
  const id = flags.id;
  if (id !== undefined && (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id))) {
    throw new UserError('--id needs letters, digits, ".", "_" or "-" (at most 64).', 2);
  }
  stderr.write(`reading ${sanitize(url, 200)} …\n`);
  const named: { name?: string; city?: string } = {};
  for (const key of ['name', 'city'] as const) {
    const value = flags[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !value.trim()) throw new UserError(`--${key} needs a text.`, 2);
    named[key] = value.trim();
  }
  // Loaded when used: the scrapers (got, cheerio) would cost every other command's start-up.
  const { addSite } = await import('./sites-add.js');
  const added = await addSite(url, all(), { weeks, ...named, ...(typeof id === 'string' ? { id } : {}) });
  stdout.write(describe(added));
  const own = loadOwnSites().filter((site) => site.id !== added.site.id);
  const path = ownSitesPath();
  saveOwnSites([...own, added.site], path);
  const replaced = loadRegistry().some((site) => site.id === added.site.id) ? ' (in place of the built-in one)' : '';
  stdout.write(
    `saved as ${added.site.id}${replaced} in ${path}; office-watch snapshot ${added.site.id} reads it now.\n`,
  );
  return 0;
}

/** What the first scrape found: the site, then each office with its free slots. */
export function describe({ site, flow, result, requests }: AddedSite): string {
  const locations = result.snapshot.locations;
  const free = locations.reduce((sum, location) => sum + location.slots.length, 0);
  const system = `${site.system}${flow && flow !== 'start' ? ` (${flow === 'classic' ? 'older flow' : flow})` : ''}`;
  const lines = [
    `${sanitize(site.name, 120)} — ${system}, city ${sanitize(site.city, 60)}`,
    `  ${sanitize(site.url, 200)}${Object.entries(site.params ?? {})
      .map(([k, v]) => ` ${sanitize(k, 20)}=${sanitize(v, 80)}`)
      .join('')}`,
    `  ${locations.length} offices, ${free} free slots (${requests} requests)`,
  ];
  const width = Math.min(60, Math.max(8, ...locations.map((location) => sanitize(location.name, 60).length)));
  // Offices with free times first: with many services the few that have some would otherwise scroll away.
  const shown = [...locations].sort((a, b) => Number(b.slots.length > 0) - Number(a.slots.length > 0));
  for (const location of shown.slice(0, MAX_OFFICES_SHOWN)) {
    const next = location.slots[0] ? `  next ${location.slots[0].slice(0, 16)}` : '';
    lines.push(
      `    ${sanitize(location.name, 60).padEnd(width)}  ${String(location.slots.length).padStart(4)} free${next}`,
    );
  }
  if (locations.length > MAX_OFFICES_SHOWN) lines.push(`    … and ${locations.length - MAX_OFFICES_SHOWN} more`);
  return `${lines.join('\n')}\n`;
}

function list({ flags, stdout }: CommandContext): number {
  const sites = all();
  if (flags.json) {
    stdout.write(`${terminalJson(sites)}\n`);
    return 0;
  }
  const [head = '', ...rows] = formatTable(sites, stdout.isTTY ? (stdout.columns ?? 80) - 2 : undefined)
    .trimEnd()
    .split('\n');
  stdout.write(`${[`  ${head}`, ...rows.map((row, i) => `${sites[i]!.own ? '*' : ' '} ${row}`)].join('\n')}\n`);
  const own = sites.filter((site) => site.own).length;
  stdout.write(`${sites.length} sites: ${sites.length - own} built in, ${own} your own (* , in ${ownSitesPath()})\n`);
  return 0;
}

function find(id: string): RegistrySite {
  const site = all().find((candidate) => candidate.id === id);
  if (!site) throw new UserError(`no site has the id "${sanitize(id, 64)}"; office-watch sites list shows them.`);
  return site;
}

function show({ stdout }: CommandContext, id: string): number {
  const site = find(id);
  stdout.write(`${terminalJson({ ...site, own: site.own === true })}\n`);
  return 0;
}

function remove({ stdout }: CommandContext, id: string): number {
  const own = loadOwnSites();
  if (!own.some((site) => site.id === id)) {
    find(id);
    throw new UserError(
      `${sanitize(id, 64)} is built in, not one of your own sites; only those (marked * in sites list) can be removed.`,
    );
  }
  saveOwnSites(own.filter((site) => site.id !== id));
  const builtIn = loadRegistry().some((site) => site.id === id) ? '; the built-in site of that id is back' : '';
  stdout.write(`removed ${sanitize(id, 64)} from ${ownSitesPath()}${builtIn}.\n`);
  return 0;
}
