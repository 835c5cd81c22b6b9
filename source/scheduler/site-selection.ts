import type { Site } from '../../scrapers/types.js';

/** A glob (`*`, `?`), case-insensitive, matched against the whole id or the whole city. */
export function sitePattern(pattern: string): (site: Pick<Site, 'id' | 'city'>) => boolean {
  const source = [...pattern.trim()]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^(?:${source})$`, 'iu');
  return (site) => regex.test(site.id) || regex.test(site.city);
}

export interface SiteSelection {
  /** Keep sites matching any of these (all when empty). */
  include?: readonly string[];
  /** Then drop sites matching any of these. */
  exclude?: readonly string[];
  /** Only this system. */
  system?: string | undefined;
}

/** The sites a selection keeps, and the include patterns that matched no site at all (usually a typo). */
export function selectSites<S extends Site>(
  sites: readonly S[],
  selection: SiteSelection,
): { sites: S[]; unmatched: string[] } {
  const include = (selection.include ?? []).map((pattern) => ({ pattern, test: sitePattern(pattern), hit: false }));
  const exclude = (selection.exclude ?? []).map(sitePattern);
  const kept = sites.filter((site) => {
    if (selection.system !== undefined && site.system !== selection.system) return false;
    if (include.length > 0) {
      let any = false;
      for (const rule of include) if (rule.test(site)) any = rule.hit = true;
      if (!any) return false;
    }
    return !exclude.some((test) => test(site));
  });
  return { sites: kept, unmatched: include.filter((rule) => !rule.hit).map((rule) => rule.pattern) };
}
