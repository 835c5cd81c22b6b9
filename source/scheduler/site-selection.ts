import type { Site } from '../../scrapers/types.js';
import { patternMatcher, sameText } from '../../store/index.js';

/**
 * A user's pattern against a site's id, city or name (the one matcher: wildcards match the whole text, plain text any
 * part, umlauts folded). Plain text that is a site's whole id matches whole ids and cities only (`-i frankfurt`:
 * the site frankfurt and those of the city Frankfurt, not also `frankfurt-kfz` of Frankfurt (Oder)): pass the ids.
 */
export function sitePattern(
  pattern: string,
  exactIds?: ReadonlySet<string>,
): (site: Pick<Site, 'id' | 'city'> & { name?: string }) => boolean {
  const plain = pattern.trim().toLowerCase();
  if (!/[*?]/.test(plain) && exactIds?.has(plain))
    return (site) => site.id.toLowerCase() === plain || sameText(site.city, plain);
  const match = patternMatcher(pattern);
  return (site) => match(site.id) || match(site.city) || (site.name !== undefined && match(site.name));
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
  const ids = new Set(sites.map((site) => site.id.toLowerCase()));
  const include = (selection.include ?? []).map((pattern) => ({
    pattern,
    test: sitePattern(pattern, ids),
    hit: false,
  }));
  const exclude = (selection.exclude ?? []).map((pattern) => sitePattern(pattern, ids));
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
