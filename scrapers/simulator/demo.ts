import type { Site, SystemName } from '../types.js';
import { SYSTEMS } from '../types.js';
import { createSimClock, type SimClock } from './clock.js';
import { DEMO_OFFICES, DEMO_TEVIS_FLOWS, DEMO_ZMS_GATED } from './demo-offices.js';
import { eterminServer } from './etermin-server.js';
import { startSystemServer, type RunningServer } from './http-host.js';
import { netappointServer } from './netappoint-server.js';
import { createSimulatedOffice, type SimulatedOffice } from './office.js';
import { deriveSeed } from './random.js';
import { tempusServer } from './tempus-server.js';
import { tevisServer } from './tevis-server.js';
import type { SimLocation, SimOffice, SystemServer } from './types.js';
import { catalogOf, type ZmsSimCatalog } from './zms-catalog.js';
import { zmsServer } from './zms-server.js';
import { siteOf } from './site-of.js';

export interface DemoOptions {
  /** Seed of the offices' randomness (default 1). */
  seed?: number;
  /** Simulated time per real time (default 60: a 15-minute round every 15 s). */
  speed?: number;
  /** Simulated start (default: now, rounded down to the quarter hour). */
  start?: Date;
  /**
   * When the world began (default: at `start`). A world is its seed and its beginning: started again with the same
   * epoch it is the same world, further on (its events up to `start` are replayed), as a restarted app expects.
   */
  epoch?: Date;
  /** First of five consecutive ports (tevis, netappoint, etermin, tempus, zms); 0 or none: any free ports. */
  port?: number;
}

/** A demo site in the registry format, with the locations it has. */
export interface DemoSite extends Site {
  locations: SimLocation[];
}

export interface Demo {
  sites: DemoSite[];
  offices: SimulatedOffice[];
  clock: SimClock;
  /** Each system server's origin, e.g. http://127.0.0.1:40123. */
  origins: Record<SystemName, string>;
  close(): Promise<void>;
}

const SERVERS: Record<SystemName, (offices: SimOffice[], speed: number) => SystemServer> = {
  tevis: (offices) => tevisServer(offices, { flow: (office) => DEMO_TEVIS_FLOWS[office.sourceId] ?? 'classic' }),
  netappoint: (offices) => netappointServer(offices, { variant: () => ({ frontEnd: 'netappoint' }) }),
  etermin: (offices) => eterminServer(offices),
  tempus: (offices) => tempusServer(offices),
  // The rate limit runs on the demo's clock: its minute, and the pacing the site record gets, last 1 s at 60×.
  zms: (offices, speed) => zmsServer(offices, { scale: speed, catalog: withGatedOffice() }),
};

/** Each office's catalog as its locations make it, plus the Ausländerbehörde behind a captcha. */
function withGatedOffice(): (office: SimOffice) => ZmsSimCatalog {
  const made = new WeakMap<SimOffice, ZmsSimCatalog>();
  return (office) => {
    const known = made.get(office);
    if (known) return known;
    const { offices, services, relations } = catalogOf(office);
    const { office: gated, service } = DEMO_ZMS_GATED;
    const catalog = {
      offices: [...offices, gated],
      services: [...services, service],
      relations: [...relations, { officeId: gated.id, serviceId: service.id }],
    };
    made.set(office, catalog);
    return catalog;
  };
}

/** Start the demo world: its simulated offices, one loopback server per booking system, and their sites. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const start = options.start ?? quarterHourFloor(new Date());
  const epoch = options.epoch && options.epoch < start ? options.epoch : start;
  const clock = createSimClock({ start: epoch, speed: options.speed ?? 60 });
  const seed = options.seed ?? 1;
  // The demo runs for hours: each office remembers its last 10 000 bookings and cancellations, not all.
  clock.pause();
  const offices = DEMO_OFFICES.map((spec) =>
    createSimulatedOffice(spec, clock, deriveSeed(seed, spec.sourceId), { keepEvents: 10_000 }),
  );
  // From the epoch to the start while the clock stands (about 50 ms per simulated day).
  clock.advance(start.getTime() - epoch.getTime());
  for (const office of offices) office.advanceTo(start);
  clock.resume();
  const running: RunningServer[] = [];
  const sites = new Map<SimulatedOffice, DemoSite>();
  const origins = {} as Record<SystemName, string>;
  try {
    for (const [index, system] of SYSTEMS.entries()) {
      const own = offices.filter((office) => office.system === system);
      const server = SERVERS[system](own, clock.speed);
      const host = await startSystemServer(server, options.port ? options.port + index : 0);
      running.push(host);
      origins[system] = host.origin;
      for (const office of own) sites.set(office, demoSiteOf(server, host.origin, office));
    }
  } catch (error) {
    await Promise.all(running.map((host) => host.close()));
    throw error;
  }
  return {
    sites: offices.map((office) => sites.get(office) as DemoSite),
    offices,
    clock,
    origins,
    close: async () => void (await Promise.all(running.map((host) => host.close()))),
  };
}

function demoSiteOf(server: SystemServer, origin: string, office: SimulatedOffice): DemoSite {
  return { ...siteOf(server, origin, office), locations: office.locations.map(({ id, name }) => ({ id, name })) };
}

/**
 * The instant rounded down to a quarter hour (Berlin's offsets are whole hours, so UTC quarters are Berlin quarters).
 */
export function quarterHourFloor(instant: Date): Date {
  const quarter = 15 * 60_000;
  return new Date(Math.floor(instant.getTime() / quarter) * quarter);
}
