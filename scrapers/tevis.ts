import { toBerlinWallTime } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import type { HttpSession } from './http.js';
import { sessionScraper, type ScraperConfig } from './session-scraper.js';
import { readClassic } from './tevis-classic.js';
import { createTevisIds, serviceLabels } from './tevis-ids.js';
import { parseDepartments, parseServicePage } from './tevis-parse.js';
import { createRound, wholePage } from './tevis-round.js';
import { readWizard } from './tevis-wizard.js';
import type { LocationSlots, ScrapeOptions, Scraper, Site, Snapshot } from './types.js';

/** A tevis scraper with its own HTTP limits (tests use short timeouts). */
export const createTevisScraper = (config: ScraperConfig = {}): Scraper => sessionScraper(scrape, config);

/**
 * Scrape one tevis (Kommunix) site, older calendar flow or today's wizard, whichever its pages show (protocols.md
 * "tevis"). Every service is a location of the snapshot (per office location where it has several), with no slots
 * where it has none free; ids are made of names (tevis-ids.ts), so that a month's renumbering changes none.
 */
export const scrapeTevis: Scraper = createTevisScraper();

async function scrape(session: HttpSession, site: Site, options: ScrapeOptions): Promise<Snapshot> {
  const takenAt = toBerlinWallTime(options.now);
  const base = site.url.replace(/\/+$/, '');
  const round = createRound(session, base, takenAt.slice(0, 10), options.weeks);
  const departments = parseDepartments(await wholePage(round, `${base}/`));
  if (departments.length === 0)
    throw new ScrapeError('markup', 'tevis: the start page links no department (select2?md=)');
  const ids = createTevisIds();
  const locations: LocationSlots[] = [];
  for (const department of departments) {
    const page = parseServicePage(await wholePage(round, `${base}/select2?md=${encodeURIComponent(department.md)}`));
    const name = department.name || page.department || department.md;
    const offers =
      page.flow === 'wizard'
        ? await readWizard(round, new URL(page.action ?? 'location', `${base}/`).href, page.services)
        : await readClassic(round, page.services);
    const labels = serviceLabels(page.services);
    for (const { service, slots, place, several } of offers) {
      const parts = [name, labels.get(service) ?? service.title];
      const locationId = ids.allocate(several && place ? [...parts, place] : parts);
      locations.push({ locationId, name: [...parts, ...(place ? [place] : [])].join(' / '), slots });
    }
  }
  return { sourceId: site.id, takenAt, locations };
}
