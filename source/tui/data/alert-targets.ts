import type { Alert } from '../../../store/index.js';
import type { AlertTarget } from '../state/app-state.js';
import type { CitySummary } from './app-data.js';

/** Where Enter on each alert leads (newest first, as listed): its source's city, the slot's day, the snapshot. */
export function alertTargets(alerts: readonly Alert[], cities: readonly CitySummary[]): AlertTarget[] {
  const cityOf = new Map(cities.flatMap((city) => city.sources.map((source) => [source.sourceId, city.name] as const)));
  return [...alerts].reverse().map((alert) => ({
    id: alert.id,
    city: cityOf.get(alert.sourceId),
    day: alert.slot.slice(0, 10),
    at: alert.takenAt,
  }));
}
