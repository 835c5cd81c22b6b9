import type { ZmsCatalog } from './zms-parse.js';

/**
 * The services a new ZMS site reads when its URL names none: the `count` offered at the most bookable offices
 * (ties by id), so that one round shows the site's main offices without asking for every service.
 */
export function pickZmsServices(catalog: ZmsCatalog, count = 3): number[] {
  const bookable = new Set(
    catalog.offices.filter((office) => office.scope && !office.captcha).map((office) => office.id),
  );
  const offices = new Map<number, Set<number>>();
  for (const { officeId, serviceId, slots } of catalog.relations) {
    if (slots <= 0 || !bookable.has(officeId)) continue;
    if (!offices.has(serviceId)) offices.set(serviceId, new Set());
    offices.get(serviceId)!.add(officeId);
  }
  return [...offices]
    .sort(([a, x], [b, y]) => y.size - x.size || a - b)
    .slice(0, count)
    .map(([id]) => id);
}
