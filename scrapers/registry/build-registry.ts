/**
 * Turn the published metadata.json into scrapers/registry/sites.json.
 *   node dist/scrapers/registry/build-registry.js [METADATA] [OUT]
 * Defaults: ../shared/data/metadata.json beside the repo, and scrapers/registry/sites.json in it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cityFromName } from './city.js';
import { EXTRA_SITES } from './extra-sites.js';
import type { KnownLocation, RegistrySite } from './registry.js';

interface MetadataSource {
  name: string;
  scraper: string;
  url: string;
  locations?: Record<string, { name?: string | null } | null>;
}

/** Hosts whose TLS chain is known to be broken (protocols.md: Bonn's among them). */
const INSECURE_TLS_HOSTS = new Set(['onlinetermine.bonn.de']);

/** The Site record of one metadata.json source. */
export function toSite(id: string, source: MetadataSource): RegistrySite {
  const name = oneLine(source.name);
  const site: RegistrySite = { id, system: source.scraper, name, city: cityFromName(name), url: source.url.trim() };
  const url = new URL(site.url);
  if (source.scraper === 'netappoint') {
    // {base}/index.php?company=X[&extra] → url {base}, params { company, extra }
    const query = new URLSearchParams(url.search);
    const company = query.get('company');
    query.delete('company');
    site.url = `${url.origin}${url.pathname.replace(/\/index\.php$/, '').replace(/\/+$/, '')}`;
    site.params = company ? { company } : {};
    if ([...query.keys()].length > 0) site.params.extra = query.toString();
  } else if (source.scraper === 'tevis') {
    site.url = site.url.replace(/\/+$/, '');
  }
  if (INSECURE_TLS_HOSTS.has(url.hostname)) site.insecureTls = true;
  const locations = Object.entries(source.locations ?? {}).map(([locationId, location]): KnownLocation => {
    const locationName = location?.name ? oneLine(location.name) : '';
    return locationName ? { id: locationId, name: locationName } : { id: locationId };
  });
  if (locations.length > 0) site.locations = locations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return site;
}

/** Every source of a metadata.json document and the extra ones (EXTRA_SITES), sorted by id. */
export function buildRegistry(metadata: Record<string, MetadataSource>): RegistrySite[] {
  const sites = Object.keys(metadata).map((id) => toSite(id, metadata[id]!));
  const extra = EXTRA_SITES.filter((site) => !Object.hasOwn(metadata, site.id)).map((site) => structuredClone(site));
  return [...sites, ...extra].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root');
    dir = parent;
  }
  return dir;
}

function main(argv: string[]): void {
  const root = repoRoot();
  const input = resolve(argv[0] ?? join(root, '../shared/data/metadata.json'));
  const output = resolve(argv[1] ?? join(root, 'scrapers/registry/sites.json'));
  const sites = buildRegistry(JSON.parse(readFileSync(input, 'utf8')) as Record<string, MetadataSource>);
  // One site per line: small diffs when a source changes.
  writeFileSync(output, `[\n${sites.map((site) => JSON.stringify(site)).join(',\n')}\n]\n`);
  const bySystem = new Map<string, number>();
  for (const site of sites) bySystem.set(site.system, (bySystem.get(site.system) ?? 0) + 1);
  const counts = [...bySystem].map(([system, n]) => `${system} ${n}`).join(', ');
  process.stdout.write(`wrote ${sites.length} sites (${counts}) to ${output}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
