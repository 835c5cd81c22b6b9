import { sanitize } from '../../sanitize.js';
import type { CitySummary, HealthState, SourceSummary } from './app-data.js';

/** A source as the app knows it: from the registry (or the demo), or only from the db. */
export interface SourceInfo {
  sourceId: string;
  name: string;
  city: string;
  /** Locations the registry knows (before the first snapshot). */
  knownLocations?: number;
}

const RANK: Record<HealthState, number> = { failing: 3, stale: 2, ok: 1, idle: 0 };

/** The state a city shows: its worst source (failing, stale, ok; idle when none ran). */
export function worstState(states: readonly HealthState[]): HealthState {
  let worst: HealthState = 'idle';
  for (const state of states) if (RANK[state] > RANK[worst]) worst = state;
  return worst;
}

/** Sources with no registry entry group under their own id (sanitized: it may come from an imported file). */
export function sourceInfoOf(
  sourceId: string,
  site?: { name: string; city: string; locations?: unknown[] },
): SourceInfo {
  if (!site) return { sourceId, name: sanitize(sourceId, 64), city: sanitize(sourceId, 64) };
  const info: SourceInfo = {
    sourceId,
    name: sanitize(site.name, 120),
    city: sanitize(site.city, 60) || sanitize(sourceId, 64),
  };
  if (site.locations) info.knownLocations = site.locations.length;
  return info;
}

const collator = new Intl.Collator('de', { sensitivity: 'base' });

/** Cities sorted by name (German collation), each with its sources and the sum of their free slots. */
export function groupCities(sources: readonly SourceSummary[], cityOf: (sourceId: string) => string): CitySummary[] {
  const byCity = new Map<string, SourceSummary[]>();
  for (const source of sources) {
    const city = cityOf(source.sourceId);
    const list = byCity.get(city);
    if (list) list.push(source);
    else byCity.set(city, [source]);
  }
  return [...byCity.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, list]) => {
      const known = list.filter((s) => s.free !== undefined);
      const city: CitySummary = { name, sources: list, state: worstState(list.map((s) => s.state)) };
      if (known.length > 0) city.free = known.reduce((sum, s) => sum + (s.free ?? 0), 0);
      return city;
    });
}

/** Cities whose name contains the filter (case- and accent-insensitive). */
export function filterCities<T extends { name: string }>(cities: readonly T[], filter: string): T[] {
  const needle = fold(filter.trim());
  return needle ? cities.filter((city) => fold(city.name).includes(needle)) : [...cities];
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
