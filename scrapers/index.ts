import { scrapeEtermin } from './etermin.js';
import { scrapeNetappoint } from './netappoint.js';
import { scrapeTempus } from './tempus.js';
import { scrapeTevis } from './tevis.js';
import type { Scraper, SystemName } from './types.js';
import { scrapeZms } from './zms.js';

const SCRAPERS: Record<SystemName, Scraper> = {
  tevis: scrapeTevis,
  netappoint: scrapeNetappoint,
  etermin: scrapeEtermin,
  tempus: scrapeTempus,
  zms: scrapeZms,
};

/** The scraper of a booking system, or undefined for systems office-watch cannot read. */
export function scraperFor(system: string): Scraper | undefined {
  return Object.hasOwn(SCRAPERS, system) ? SCRAPERS[system as SystemName] : undefined;
}

export { createSession, type HttpResponse } from './http.js';
export { ScrapeError } from './failure.js';
export { idOf, recogniseSite, type Recognition, type RecognisedSite } from './site-recognise.js';
export { cityFromName } from './registry/city.js';
export { parseCatalog } from './zms-parse.js';
export { pickZmsServices } from './zms-pick.js';
export { SitesFileError } from './registry/sites-file-error.js';
