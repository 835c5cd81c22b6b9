import { cityOf, loadRegistry } from '../scrapers/registry/registry.js';

/** The city of a source id: the registry's city (its `city`, else one from its name), else the id itself. */
export function registryCityOf(
  extra: readonly { id: string; city?: string; name: string }[] = [],
): (sourceId: string) => string {
  const cities = new Map<string, string>();
  try {
    for (const site of loadRegistry()) cities.set(site.id, cityOf(site));
  } catch {
    // No registry in this installation: fall back to the ids.
  }
  for (const site of extra) cities.set(site.id, cityOf(site));
  return (sourceId) => cities.get(sourceId) ?? sourceId;
}
