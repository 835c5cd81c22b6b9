import { SYSTEMS } from '../../scrapers/types.js';
import { isSupported, loadRegistry, loadSitesFile, type RegistrySite } from '../../scrapers/registry/registry.js';
import { refuseDevice } from '../input-file.js';
import { sanitize } from '../sanitize.js';
import { terminalJson } from '../terminal-json.js';
import { selectSites } from '../scheduler/index.js';
import { UserError } from '../user-error.js';
import { defineCommand } from './command.js';

/** The sites of --sites FILE, or the registry. */
export function loadSites(file: unknown): RegistrySite[] {
  if (file === undefined) return loadRegistry();
  if (typeof file !== 'string' || file.trim() === '')
    throw new UserError('--sites needs the path of a sites file (JSON, the format of office-watch list --json).', 2);
  refuseDevice(file, 'the sites file');
  return loadSitesFile(file);
}

/** --system S, checked against the systems office-watch knows and those the sites use. */
export function systemFlag(value: unknown, sites: readonly RegistrySite[]): string | undefined {
  if (value === undefined) return undefined;
  const known = [...new Set<string>([...SYSTEMS, ...sites.map((site) => site.system)])];
  if (typeof value !== 'string' || !known.includes(value)) {
    throw new UserError(`--system must be one of ${known.join(', ')}; got "${sanitize(String(value ?? ''), 40)}".`, 2);
  }
  return value;
}

const COLUMNS = ['ID', 'SYSTEM', 'CITY', 'NAME', 'LOCATIONS', 'SUPPORTED'] as const;

/** Rows as aligned columns; with a terminal width the NAME column is shortened to fit. */
export function formatTable(sites: readonly RegistrySite[], width?: number): string {
  const rows = sites.map((site) => [
    sanitize(site.id, 64),
    sanitize(site.system, 20),
    sanitize(site.city, 40),
    sanitize(site.name, 120),
    site.locations ? String(site.locations.length) : '?',
    isSupported(site) ? 'yes' : 'no',
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  // Too wide for the terminal: shorten NAME, then CITY, then ID, each down to a floor.
  for (const [column, floor] of [
    [3, 12],
    [2, 10],
    [0, 12],
  ] as const) {
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
    if (!width || total < width) break;
    widths[column] = Math.max(floor, widths[column]! - (total - width + 1));
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const fitted = cell.length > widths[i]! ? `${cell.slice(0, widths[i]! - 1)}…` : cell;
        return i === 4 ? fitted.padStart(widths[i]!) : fitted.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return `${[line(COLUMNS), ...rows.map(line)].join('\n')}\n`;
}

/** `office-watch list`: the sources office-watch knows. */
export const listCommand = defineCommand({
  name: 'list',
  summary: 'the sources (sites) office-watch knows',
  help: `
  Usage
    $ office-watch list [PATTERN…] [flags]

  PATTERN matches a source id or city (case-insensitive; * and ? as wildcards).

  Flags
    --system S      only sources on booking system S (tevis, netappoint, etermin, tempus, zms)
    --json          the site records as JSON
    --sites FILE    your own sites file instead of the built-in registry

  Examples
    $ office-watch list bonn
    $ office-watch list 'bochum*' --system netappoint
`,
  flags: {
    system: { type: 'string' },
    json: { type: 'boolean', default: false },
    sites: { type: 'string' },
  },
  async run({ input, flags, stdout }) {
    const all = loadSites(flags.sites);
    const system = systemFlag(flags.system, all);
    const { sites, unmatched } = selectSites(all, { include: input, system });
    if (unmatched.length > 0)
      throw new UserError(`no source matches "${sanitize(unmatched[0]!, 60)}"; office-watch list shows them all.`);
    if (flags.json) {
      stdout.write(`${terminalJson(sites)}\n`);
      return 0;
    }
    stdout.write(formatTable(sites, stdout.isTTY ? stdout.columns : undefined));
    const supported = sites.filter(isSupported).length;
    if (stdout.isTTY) stdout.write(`${sites.length} sources, ${supported} supported\n`);
    return 0;
  },
});
