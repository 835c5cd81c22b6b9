import type { Site } from '../types.js';
import type { SimOffice, SystemServer } from './types.js';

/** The site (as the registry writes one) that points a scraper at `office`, on `server` served at `origin`. */
export function siteOf(server: SystemServer, origin: string, office: SimOffice): Site {
  const params = server.siteParams?.(office);
  return {
    id: office.sourceId,
    system: office.system,
    name: office.name,
    city: office.city,
    url: server.siteUrl(origin, office),
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
  };
}
