import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYSTEMS, type Site } from '../types.js';
import { cityFromName } from './city.js';
import { SitesFileError } from './sites-file-error.js';

export { cityFromName };

/** A location of a source as metadata.json names it (for display before the first scrape). */
export interface KnownLocation {
  id: string;
  name?: string;
}

/** A registry entry: a Site plus the locations the published data knows. */
export interface RegistrySite extends Site {
  locations?: KnownLocation[];
  /** From the user's own sites file (office-watch sites add), not the built-in registry. */
  own?: true;
}

/** True when office-watch has a scraper for the site's system. */
export function isSupported(site: Pick<Site, 'system'>): boolean {
  return (SYSTEMS as readonly string[]).includes(site.system);
}

/** The city to group a site by: its own `city`, else one derived from its name. */
export function cityOf(site: Pick<Site, 'name'> & { city?: string | undefined }): string {
  return site.city?.trim() || cityFromName(site.name);
}

// From source (scrapers/registry/) the file sits beside this module; from dist/scrapers/registry/ it is three
// folders up, from the bundle (dist/bundle/) two.
const CANDIDATES = ['./sites.json', '../../../scrapers/registry/sites.json', '../../scrapers/registry/sites.json'];
let registry: RegistrySite[] | undefined;

/** The sources office-watch knows (scrapers/registry/sites.json: the 221 published ones and EXTRA_SITES). */
export function loadRegistry(): RegistrySite[] {
  if (!registry) {
    const path = CANDIDATES.map((candidate) => fileURLToPath(new URL(candidate, import.meta.url))).find((p) =>
      existsSync(p),
    );
    if (!path) throw new Error('scrapers/registry/sites.json is missing from the installation');
    registry = parseSites(readFileSync(path, 'utf8'), path);
  }
  return registry.map((site) => ({ ...site }));
}

/**
 * A user's own list of sites (the format of sites.json). Bad input → one SitesFileError naming the file and the
 * problem.
 */
export function loadSitesFile(path: string): RegistrySite[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? 'error'})`;
    throw new SitesFileError('SITES_FILE_UNREADABLE', `the sites file ${path} ${reason}.`);
  }
  return parseSites(text, path);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Parse and validate a sites list; the first problem found becomes one sentence. */
export function parseSites(text: string, path: string): RegistrySite[] {
  const fail = (problem: string): never => {
    throw new SitesFileError('SITES_FILE_INVALID', `the sites file ${path} ${problem}.`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) return fail('must hold a JSON array of sites');
  if (json.length === 0) return fail('lists no sites');
  const seen = new Set<string>();
  return json.map((entry: unknown, index): RegistrySite => {
    const where = `entry ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail(`has ${where} that is not an object`);
    const raw = entry as Record<string, unknown>;
    const id = raw.id;
    if (typeof id !== 'string' || !ID.test(id))
      return fail(`has ${where} without a valid "id" (letters, digits, ".", "_", "-"; at most 64)`);
    const label = `${where} ("${id}")`;
    if (seen.has(id)) return fail(`lists the id "${id}" twice`);
    seen.add(id);
    for (const field of ['system', 'name', 'url'] as const) {
      if (typeof raw[field] !== 'string' || !(raw[field] as string).trim()) fail(`has ${label} without a "${field}"`);
    }
    const url = raw.url as string;
    if (!/^https?:$/.test(safeProtocol(url))) fail(`has ${label} whose url is not an http(s) URL`);
    if (raw.city !== undefined && typeof raw.city !== 'string') fail(`has ${label} whose "city" is not a string`);
    if (raw.insecureTls !== undefined && typeof raw.insecureTls !== 'boolean')
      fail(`has ${label} whose "insecureTls" is not true or false`);
    const minutes = raw.minIntervalMinutes;
    if (minutes !== undefined && (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0))
      fail(`has ${label} whose "minIntervalMinutes" is not a non-negative number`);
    const params = raw.params;
    if (
      params !== undefined &&
      (!params ||
        typeof params !== 'object' ||
        Array.isArray(params) ||
        Object.values(params).some((v) => typeof v !== 'string'))
    )
      fail(`has ${label} whose "params" is not an object of strings`);
    const locations = raw.locations;
    if (
      locations !== undefined &&
      (!Array.isArray(locations) ||
        locations.some((l) => !l || typeof l !== 'object' || typeof (l as KnownLocation).id !== 'string'))
    )
      fail(`has ${label} whose "locations" is not a list of { "id": … }`);
    const site: RegistrySite = {
      id,
      system: (raw.system as string).trim(),
      name: (raw.name as string).trim(),
      city: '',
      url,
    };
    site.city = cityOf({ name: site.name, city: raw.city as string | undefined });
    if (params) site.params = { ...(params as Record<string, string>) };
    if (raw.insecureTls === true) site.insecureTls = true;
    if (minutes !== undefined) site.minIntervalMinutes = minutes as number;
    if (locations)
      site.locations = (locations as KnownLocation[]).map((l) =>
        typeof l.name === 'string' ? { id: l.id, name: l.name } : { id: l.id },
      );
    return site;
  });
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}
