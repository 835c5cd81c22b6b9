import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { startSystemServer, type RunningServer } from '../../scrapers/simulator/http-host.js';
import type { SimOffice, SimRequest } from '../../scrapers/simulator/types.js';
import type { ZmsSimCatalog } from '../../scrapers/simulator/zms-catalog.js';
import { zmsServer, type ZmsServer, type ZmsServerOptions } from '../../scrapers/simulator/zms-server.js';
import { createSimulatedTimer, type SimulatedTimer } from '../../scrapers/simulator/zms-timer.js';
import type { ScrapeResult, Site, WallTime } from '../../scrapers/types.js';
import { createZmsScraper } from '../../scrapers/zms.js';
import { fixedOffice } from './fixed-office.js';

/** A request as the simulated ZMS server saw it, when (simulated time), and its answer's status. */
export interface Logged {
  at: number;
  endpoint: string;
  query: URLSearchParams;
  headers: SimRequest['headers'];
  status: number;
}

export interface ZmsWorld {
  office: SimOffice;
  server: ZmsServer;
  running: RunningServer;
  timer: SimulatedTimer;
  site: Site;
  log: Logged[];
  /** The catalog the server serves from now on. */
  setCatalog(catalog: ZmsSimCatalog): void;
  scrape(weeks: number): Promise<ScrapeResult>;
  close(): Promise<void>;
}

export interface WorldOptions extends Omit<ZmsServerOptions, 'now' | 'catalog'> {
  now: Date;
  /** Location `{officeId}-{serviceId}` → its free slots; named "Amt {officeId} / Leistung {serviceId}". */
  slots: Record<string, WallTime[]>;
  catalog?: ZmsSimCatalog;
  /** The site's params beside the server's (services, pacing). */
  params?: Record<string, string>;
}

/**
 * One simulated ZMS site on 127.0.0.1 whose rate limit and the scraper's pacing share a simulated timer (a minute's
 * pause takes no time), with every request logged.
 */
export async function startZmsWorld(options: WorldOptions): Promise<ZmsWorld> {
  const { now, slots, params, catalog: initial, ...serverOptions } = options;
  const timer = createSimulatedTimer(1_000_000);
  const locations = Object.entries(slots).map(([id, list]) => {
    const [officeId, serviceId] = id.split('-');
    return { id, name: `Amt ${officeId} / Leistung ${serviceId}`, slots: list };
  });
  const office = fixedOffice({ sourceId: 'zms-test', system: 'zms', now, locations });
  let catalog = initial;
  const server = zmsServer([office], {
    ...serverOptions,
    now: timer.now,
    ...(catalog ? { catalog: () => catalog! } : {}),
  });
  const log: Logged[] = [];
  const handle = server.handle.bind(server);
  server.handle = (o, request) => {
    const response = handle(o, request);
    const endpoint = /\/api\/citizen\/([^/]*)/.exec(request.path)?.[1] ?? '';
    log.push({
      at: timer.now(),
      endpoint,
      query: request.query,
      headers: request.headers,
      status: response.status ?? 200,
    });
    return response;
  };
  const running = await startSystemServer(server);
  const site: Site = {
    id: office.sourceId,
    system: 'zms',
    name: 'Stadt ZMS',
    city: 'ZMS',
    url: server.siteUrl(running.origin, office),
    params: { ...server.siteParams!(office), ...params },
  };
  const scraper = createZmsScraper({ timer, timeoutMs: 5_000, retries: 0 });
  return {
    office,
    server,
    running,
    timer,
    site,
    log,
    setCatalog: (next) => void (catalog = next),
    scrape: (weeks) => scraper(site, { weeks, now }),
    close: () => running.close(),
  };
}

/** The office's slots after `now` and within the horizon of a scrape, as the snapshot must have them. */
export function expectedSlots(world: ZmsWorld, locationId: string, now: Date, weeks: number): WallTime[] {
  const wall = toBerlinWallTime(now);
  const last = addDays(wall, weeks * 7);
  return world.office.freeSlots(locationId).filter((slot) => slot > wall && slot.slice(0, 10) <= last);
}
