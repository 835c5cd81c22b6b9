import type { Site } from '../../../scrapers/types.js';
import type { OfficeStore, SnapshotSummary } from '../../../store/index.js';
import { sanitize } from '../../sanitize.js';
import { sourceInfoOf, type SourceInfo } from './city-index.js';

export type CatalogSite = Pick<Site, 'id' | 'name' | 'city'> & { locations?: { id: string; name?: string }[] };

/**
 * The sources the app lists (the sites given, plus the db's own sources it accepts), their names and cities,
 * location names, and a summary of each one's newest snapshot. Small and in memory.
 */
export class SourceCatalog {
  readonly #sites = new Map<string, CatalogSite>();
  readonly #infos = new Map<string, SourceInfo>();
  readonly #latest = new Map<string, SnapshotSummary>();
  readonly #locationNames = new Map<string, Map<string, string>>();

  constructor(
    private readonly store: OfficeStore,
    sites: readonly CatalogSite[],
    private readonly accept: (sourceId: string) => boolean = () => true,
    /** Sites that only name the db's sources (the registry with --no-scrape); not listed by themselves. */
    lookup: readonly CatalogSite[] = [],
  ) {
    for (const site of lookup) this.#sites.set(site.id, site);
    for (const site of sites) {
      this.#sites.set(site.id, site);
      this.#infos.set(site.id, sourceInfoOf(site.id, site));
    }
  }

  /** Add the db's sources (those accepted). */
  async loadSources(): Promise<void> {
    for (const sourceId of await this.store.listSources()) {
      if (!this.#infos.has(sourceId) && this.accept(sourceId))
        this.#infos.set(sourceId, sourceInfoOf(sourceId, this.#sites.get(sourceId)));
    }
  }

  sources(): SourceInfo[] {
    return [...this.#infos.values()];
  }

  has(sourceId: string): boolean {
    return this.#infos.has(sourceId);
  }

  info(sourceId: string): SourceInfo {
    return this.#infos.get(sourceId) ?? sourceInfoOf(sourceId);
  }

  inCity(city: string): SourceInfo[] {
    return this.sources().filter((source) => source.city === city);
  }

  latest(sourceId: string): SnapshotSummary | undefined {
    return this.#latest.get(sourceId);
  }

  /** Read the summary of a source's newest snapshot and remember it. */
  async refreshLatest(sourceId: string): Promise<SnapshotSummary | undefined> {
    const summary = await this.store.latestSummary(sourceId);
    if (summary) this.#latest.set(sourceId, summary);
    return summary;
  }

  /** Location id → display name (sanitized): the db's last name seen, else the registry's, else the id. */
  async locationNames(sourceId: string, refresh = false): Promise<Map<string, string>> {
    let names = this.#locationNames.get(sourceId);
    if (names && !refresh) return names;
    names = new Map();
    for (const known of this.#sites.get(sourceId)?.locations ?? [])
      names.set(known.id, sanitize(known.name ?? known.id, 80));
    for (const location of await this.store.listLocations(sourceId)) {
      names.set(
        location.locationId,
        sanitize(location.name ?? names.get(location.locationId) ?? location.locationId, 80),
      );
    }
    this.#locationNames.set(sourceId, names);
    return names;
  }
}
