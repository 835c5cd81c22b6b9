import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSitesFile, type RegistrySite } from '../scrapers/registry/registry.js';
import { UserError } from './user-error.js';

/** The user's own sites file: $XDG_CONFIG_HOME/office-watch/sites.json (default ~/.config/office-watch/sites.json). */
export function ownSitesPath(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(config, 'office-watch', 'sites.json');
}

/** The sites `office-watch sites add` saved, each marked own; none when there is no file (or it holds `[]`). */
export function loadOwnSites(path = ownSitesPath()): RegistrySite[] {
  if (!existsSync(path)) return [];
  try {
    return loadSitesFile(path).map((site) => ({ ...site, own: true }));
  } catch (error) {
    // An empty list is what `sites rm` leaves behind: no sites, not a broken file.
    if (error instanceof UserError && error.message.endsWith('lists no sites.')) return [];
    throw error;
  }
}

/** Write the own sites file whole (a temporary file renamed over it: a crash leaves the old or the new one). */
export function saveOwnSites(sites: readonly RegistrySite[], path = ownSitesPath()): void {
  const records = sites.map(({ own: _own, ...site }) => site);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(records, null, 2)}\n`);
    renameSync(temporary, path);
  } catch (error) {
    throw new UserError(`cannot write your sites file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** The built-in registry with the own sites on top: an own site replaces a built-in one of the same id. */
export function withOwnSites(registry: readonly RegistrySite[], own: readonly RegistrySite[]): RegistrySite[] {
  const mine = new Map(own.map((site) => [site.id, site]));
  const replaced = registry.map((site) => mine.get(site.id) ?? site);
  const added = own.filter((site) => !registry.some((known) => known.id === site.id));
  return [...replaced, ...added];
}
