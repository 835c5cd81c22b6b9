import { addDays, toBerlinWallTime } from '../core/berlin-time.js';
import { ScrapeError } from './failure.js';
import { createSession } from './http.js';
import type { ScraperConfig } from './session-scraper.js';
import type { ScrapeFailure, ScrapeOptions, Scraper, Site, Snapshot } from './types.js';
import { unexpected, zmsApi, type ZmsGet } from './zms-api.js';
import { Pacer, realTimer, type PaceTimer } from './zms-pacer.js';
import { parseCatalog, unixToWallTime, type ZmsCatalog } from './zms-parse.js';
import { locationIdOf, planScrape, type ZmsPlan } from './zms-plan.js';
import { LegacyApiError, StaleCatalogError, readCalendar, readLegacy, type Horizon } from './zms-read.js';
import { zmsSiteConfig } from './zms-site.js';

/** HTTP limits as for every scraper, and the pacer's clock (tests pass a simulated one). */
export interface ZmsScraperConfig extends ScraperConfig {
  timer?: PaceTimer;
}

/** The offices and services change rarely (the API itself caches them for an hour): read them hourly at most. */
const CATALOG_TTL_MS = 3_600_000;

interface Known {
  catalog: ZmsCatalog;
  /** Simulated or real time of the scrape that read it. */
  readAt: number;
  /** The API answered /available-calendar/ with 404 notFound: read the legacy endpoints. */
  legacy: boolean;
}

/**
 * A ZMS scraper with pacers (one per host) and catalogs (one per API base) of its own: they outlive a scrape,
 * so that rounds continue each other's pacing and share the hourly catalog.
 */
export function createZmsScraper(config: ZmsScraperConfig = {}): Scraper {
  const { timer = realTimer, ...limits } = config;
  const pacers = new Map<string, Pacer>();
  const known = new Map<string, Known>();
  return async (site, options) => {
    const session = createSession(site, { ...limits, ...(options.signal ? { signal: options.signal } : {}) });
    try {
      const siteConfig = zmsSiteConfig(site);
      const host = new URL(siteConfig.base).host;
      const pacer = pacers.get(host) ?? pacers.set(host, new Pacer(timer)).get(host)!;
      const get = zmsApi(session, siteConfig.base, pacer, siteConfig.pacing, options.signal);
      const { snapshot, notice } = await scrape(get, site, siteConfig.services, options, known, siteConfig.base);
      return { ok: true, snapshot, requests: session.requests, ...(notice ? { notice } : {}) };
    } catch (error) {
      if (error instanceof ScrapeError) return { ok: false, failure: error.toFailure(), requests: session.requests };
      throw error;
    }
  };
}

/** Scrape one ZMS citizen API (München's Bürgerservice and others; protocols-zms.md). */
export const scrapeZms: Scraper = createZmsScraper();

async function scrape(
  get: ZmsGet,
  site: Site,
  services: number[],
  options: ScrapeOptions,
  known: Map<string, Known>,
  base: string,
): Promise<{ snapshot: Snapshot; notice?: ScrapeFailure }> {
  const takenAt = toBerlinWallTime(options.now);
  const horizon: Horizon = { start: takenAt.slice(0, 10), end: addDays(takenAt, options.weeks * 7) };
  const now = options.now.getTime();
  let state = known.get(base);
  let fresh = false;
  // An hourly read looks for /available-calendar/ again (a deployment may have been upgraded); one within a scrape not.
  const refresh = async (legacy: boolean): Promise<ZmsPlan> => {
    state = { catalog: await readCatalog(get), readAt: now, legacy };
    known.set(base, state);
    fresh = true;
    return planFor(state.catalog, services);
  };
  let plan = state && now - state.readAt < CATALOG_TTL_MS ? planFor(state.catalog, services) : await refresh(false);
  const times = new Map<string, Set<number>>();
  for (let i = 0; i < plan.groups.length; i++) {
    const { serviceId, officeIds } = plan.groups[i]!;
    const group = { serviceId, officeIds: officeIds.filter((id) => !times.has(locationIdOf(id, serviceId))) };
    if (group.officeIds.length === 0) continue;
    try {
      const read = state!.legacy ? await readLegacy(get, group, horizon) : await readCalendar(get, group, horizon);
      for (const [officeId, set] of read) times.set(locationIdOf(officeId, serviceId), set);
    } catch (error) {
      if (error instanceof LegacyApiError && !state!.legacy) {
        state!.legacy = true;
      } else if (error instanceof StaleCatalogError && !fresh) {
        plan = await refresh(state!.legacy);
      } else if (error instanceof StaleCatalogError) {
        throw new ScrapeError('http-status', `${error.message}, although offices-and-services had just been read`, 400);
      } else if (error instanceof LegacyApiError) {
        throw new ScrapeError(
          'unsupported',
          'the ZMS API answers neither /available-calendar/ nor its older endpoints',
        );
      } else {
        throw error;
      }
      // Again from the first group; the locations read already are skipped.
      i = -1;
    }
  }
  const locations = plan.pairs.map(({ locationId, name }) => {
    const slots = [...(times.get(locationId) ?? [])].map(unixToWallTime);
    const inHorizon = slots.filter((slot) => slot.slice(0, 10) >= horizon.start && slot.slice(0, 10) <= horizon.end);
    return { locationId, name, slots: [...new Set(inHorizon)].sort() };
  });
  const notice = gatedNotice(plan);
  return { snapshot: { sourceId: site.id, takenAt, locations }, ...(notice ? { notice } : {}) };
}

async function readCatalog(get: ZmsGet): Promise<ZmsCatalog> {
  const answer = await get('offices-and-services/');
  if (answer.status !== 200) throw unexpected(answer);
  return parseCatalog(answer.json);
}

/** The plan, or why there is nothing to read: every office behind a captcha, or none offers the services. */
function planFor(catalog: ZmsCatalog, services: number[]): ZmsPlan {
  const plan = planScrape(catalog, services);
  if (plan.pairs.length > 0) return plan;
  if (plan.gated.length > 0) {
    throw new ScrapeError(
      'captcha',
      `every office offering these services needs a captcha (${names(plan)}); office-watch never solves one`,
    );
  }
  throw new ScrapeError('markup', `no office of this ZMS site offers the services ${services.join(', ')}`);
}

/** A partly captcha-gated site: the snapshot of the others, and a note naming the gated offices. */
function gatedNotice(plan: ZmsPlan): ScrapeFailure | undefined {
  if (plan.gated.length === 0) return undefined;
  const offices = new Set(plan.pairs.map((pair) => pair.officeId)).size + plan.gated.length;
  const [n, verb] = plan.gated.length === 1 ? ['1 office needs', 'is'] : [`${plan.gated.length} offices need`, 'are'];
  return {
    kind: 'captcha',
    message: `${n} a captcha and ${verb} not read (${names(plan)}); ${offices - plan.gated.length} of ${offices} read`,
  };
}

const names = (plan: ZmsPlan): string => plan.gated.map((office) => `${office.name} ${office.id}`).join(', ');
