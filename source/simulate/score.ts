import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { scraperFor } from '../../scrapers/index.js';
import type { Scraper, Site, SystemName } from '../../scrapers/types.js';
import { createZmsScraper } from '../../scrapers/zms.js';
import { createSimClock } from '../../scrapers/simulator/clock.js';
import { eterminServer } from '../../scrapers/simulator/etermin-server.js';
import { startSystemServer, type RunningServer } from '../../scrapers/simulator/http-host.js';
import { netappointServer } from '../../scrapers/simulator/netappoint-server.js';
import { createSimulatedOffice, type SimulatedOffice } from '../../scrapers/simulator/office.js';
import type { LocationSpec, OfficeSpec, OpeningHours, PublisherSpec } from '../../scrapers/simulator/office-spec.js';
import { ALL_DAY, SATURDAY } from '../../scrapers/simulator/opening-hours.js';
import { siteOf } from '../../scrapers/simulator/site-of.js';
import { createRandom, deriveSeed } from '../../scrapers/simulator/random.js';
import {
  inferBoth,
  matchEvents,
  sumRates,
  type EventKind,
  type InferredAt,
  type LocationRows,
  type Rates,
  type Rules,
} from './score-match.js';
import { tempusServer } from '../../scrapers/simulator/tempus-server.js';
import { tevisServer } from '../../scrapers/simulator/tevis-server.js';
import type { SimOffice, SystemServer } from '../../scrapers/simulator/types.js';
import { zmsServer, type ZmsServer } from '../../scrapers/simulator/zms-server.js';
import { createSimulatedTimer, type SimulatedTimer } from '../../scrapers/simulator/zms-timer.js';

export const BEHAVIOURS = ['regular', 'erratic', 'slow-updates', 'gaps-in-scraping'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export interface ScoreOptions {
  /** Simulated days (default 2). */
  days?: number;
  /** Seed of the offices and of the skipped rounds (default 1). */
  seed?: number;
  /** Minutes between scrape rounds (default 15). */
  roundMinutes?: number;
  /** Share of rounds skipped for gaps-in-scraping (default 0.15). */
  skipShare?: number;
  /** Simulated start (default Monday 2024-07-08 06:00 Berlin). */
  start?: Date;
  /** Called after each round with the fraction done. */
  progress?: (fraction: number) => void;
  /** Only the offices on these systems (default: all). */
  systems?: readonly SystemName[];
}

export interface BehaviourScore {
  behaviour: Behaviour;
  system: SystemName;
  offices: number;
  locations: number;
  snapshots: number;
  /** kind → rules → rates. */
  bookings: Record<Rules, Rates>;
  cancellations: Record<Rules, Rates>;
  /** The store's hourly aggregates (written at record time) hold exactly the improved rules' counts. */
  storeAgrees: boolean;
  /** Requests the site refused for its rate limit (zms; must stay 0). */
  refusals?: number;
}

export interface ScoreReport {
  days: number;
  seed: number;
  roundMinutes: number;
  rounds: number;
  behaviours: BehaviourScore[];
}

const location = (
  id: string,
  name: string,
  slotMinutes: number,
  hours: OpeningHours,
  more: Partial<LocationSpec> = {},
): LocationSpec => ({
  id,
  name,
  slotMinutes,
  hours,
  horizonDays: 28,
  cancellationRate: 0.25,
  ...more,
});

interface ScoreOffice {
  behaviour: Behaviour;
  system: SystemName;
  publisher: PublisherSpec;
  ids: [string, string];
  /** Default `score-{behaviour}`. */
  sourceId?: string;
}

/** One office per behaviour, each on another booking system, and a ZMS one (so every scraper takes part). */
const SCORE_OFFICES: ScoreOffice[] = [
  { behaviour: 'regular', system: 'etermin', publisher: { kind: 'regular' }, ids: ['9101', '9102'] },
  // tevis ids are department/service slugs: the simulated site lists these two as services of its "Bürgeramt".
  {
    behaviour: 'erratic',
    system: 'tevis',
    publisher: { kind: 'erratic', burstDays: 4, hideEveryHours: 3 },
    ids: ['burgeramt/meldewesen', 'burgeramt/kfz-zulassung'],
  },
  {
    behaviour: 'slow-updates',
    system: 'tempus',
    publisher: { kind: 'slow-updates', refreshHours: 3 },
    ids: ['91/1', '92/1'],
  },
  {
    behaviour: 'gaps-in-scraping',
    system: 'netappoint',
    publisher: { kind: 'regular' },
    ids: ['meldewesen', 'kfz-zulassung'],
  },
  // Two offices for one service: one request a day reads both.
  {
    behaviour: 'regular',
    system: 'zms',
    publisher: { kind: 'regular' },
    ids: ['9201-1063475', '9202-1063475'],
    sourceId: 'score-regular-zms',
  },
];

const sourceIdOf = (entry: ScoreOffice): string => entry.sourceId ?? `score-${entry.behaviour}`;

function specOf(entry: ScoreOffice): OfficeSpec {
  return {
    sourceId: sourceIdOf(entry),
    system: entry.system,
    name: `Score ${entry.behaviour}`,
    city: 'Scoreburg',
    publisher: entry.publisher,
    locations: [
      location(entry.ids[0], 'Meldewesen', 10, SATURDAY),
      location(entry.ids[1], 'Kfz-Zulassung', 15, ALL_DAY, { demand: 1.1 }),
    ],
  };
}

const SERVERS: Record<Exclude<SystemName, 'zms'>, (offices: SimOffice[]) => SystemServer> = {
  tevis: (offices) => tevisServer(offices, { flow: () => 'classic' }),
  netappoint: (offices) => netappointServer(offices, { variant: () => ({ frontEnd: 'netappoint' }) }),
  etermin: (offices) => eterminServer(offices),
  tempus: (offices) => tempusServer(offices),
};

/**
 * ZMS's real rate limit and pacing, on a simulated timer that scraper and server share: its pauses of a minute
 * take no time, and the limiter counts what a real server would.
 */
function zmsWorld(): { server: (offices: SimOffice[]) => ZmsServer; scraper: Scraper; timer: SimulatedTimer } {
  const timer = createSimulatedTimer();
  return { server: (offices) => zmsServer(offices, { now: timer.now }), scraper: createZmsScraper({ timer }), timer };
}

/**
 * Score the inference: simulated offices of each publisher behaviour are scraped every round through the real
 * scrapers and HTTP servers, recorded in a real store (temp folder), read back, and the bookings and
 * cancellations both rule sets infer are matched with the offices' ground truth. The clock is moved by hand.
 */
export async function scoreInference(options: ScoreOptions = {}): Promise<ScoreReport> {
  const days = options.days ?? 2;
  const seed = options.seed ?? 1;
  const roundMinutes = options.roundMinutes ?? 15;
  const skipShare = options.skipShare ?? 0.15;
  const clock = createSimClock({ start: options.start ?? new Date('2024-07-08T04:00:00Z'), speed: 0 });
  const chosen = SCORE_OFFICES.filter((entry) => !options.systems || options.systems.includes(entry.system));
  const entries = chosen.map((entry) => ({
    entry,
    office: createSimulatedOffice(specOf(entry), clock, deriveSeed(seed, sourceIdOf(entry).replace(/^score-/, ''))),
  }));
  const zms = zmsWorld();
  const refusals = new Map<SimulatedOffice, () => number>();
  const skip = createRandom(deriveSeed(seed, 'skipped-rounds'));
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-score-'));
  const running: RunningServer[] = [];
  const store = await openStore(join(dir, 'db'));
  const rounds = Math.round((days * 24 * 60) / roundMinutes);
  try {
    const sites = new Map<SimulatedOffice, Site>();
    for (const { entry, office } of entries) {
      let server: SystemServer;
      if (entry.system === 'zms') {
        const own = zms.server([office]);
        refusals.set(office, () => own.limiter.refusals);
        server = own;
      } else {
        server = SERVERS[entry.system]([office]);
      }
      const host = await startSystemServer(server);
      running.push(host);
      sites.set(office, siteOf(server, host.origin, office));
    }
    for (let round = 0; round <= rounds; round++) {
      if (round > 0) clock.advance(roundMinutes * 60_000);
      if (round > 0) zms.timer.advance(roundMinutes * 60_000);
      const skipped = round > 1 && skip.next() < skipShare;
      await Promise.all(
        entries.map(async ({ entry, office }) => {
          if (entry.behaviour === 'gaps-in-scraping' && skipped) return;
          const site = sites.get(office)!;
          const scraper = site.system === 'zms' ? zms.scraper : scraperFor(site.system)!;
          const result = await scraper(site, { weeks: 5, now: clock.now() });
          if (!result.ok)
            throw new Error(`scraping the simulated ${entry.behaviour} office failed: ${result.failure.message}`);
          await store.recordSnapshot({ ...result.snapshot, sourceId: site.id });
        }),
      );
      options.progress?.(round / rounds);
    }
    const behaviours: BehaviourScore[] = [];
    for (const { entry, office } of entries) {
      const score = await scoreOffice(store, entry, office);
      const refused = refusals.get(office);
      behaviours.push(refused ? { ...score, refusals: refused() } : score);
    }
    return { days, seed, roundMinutes, rounds, behaviours };
  } finally {
    await Promise.all(running.map((host) => host.close()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Store = Awaited<ReturnType<typeof openStore>>;

async function scoreOffice(
  store: Store,
  { behaviour, system }: ScoreOffice,
  office: SimulatedOffice,
): Promise<BehaviourScore> {
  const times = await store.snapshotTimes(office.sourceId);
  const locations = await store.listLocations(office.sourceId);
  const rows = new Map<string, LocationRows>(locations.map(({ locationId }) => [locationId, { locationId, rows: [] }]));
  for (const takenAt of times) {
    const snapshot = await store.snapshotAt(office.sourceId, takenAt);
    for (const { locationId, slots } of snapshot?.locations ?? []) rows.get(locationId)?.rows.push({ takenAt, slots });
  }
  const inferred: Record<Rules, InferredAt[]> = { published: [], improved: [] };
  for (const location of rows.values()) {
    const both = inferBoth(location);
    inferred.published.push(...both.published);
    inferred.improved.push(...both.improved);
  }
  const truth = office.groundTruth();
  const window = { first: times[0] ?? '', last: times[times.length - 1] ?? '' };
  const score = (kind: EventKind, rules: Rules): Rates => sumRates([matchEvents(inferred[rules], truth, kind, window)]);
  const hourly = await store.hourly(office.sourceId);
  const stored = {
    bookings: hourly.reduce((a, h) => a + h.appointments, 0),
    cancellations: hourly.reduce((a, h) => a + h.cancellations, 0),
  };
  const counted = (kind: EventKind) => inferred.improved.filter((e) => e.kind === kind).length;
  return {
    behaviour,
    system,
    offices: 1,
    locations: locations.length,
    snapshots: times.length,
    bookings: { published: score('booking', 'published'), improved: score('booking', 'improved') },
    cancellations: { published: score('cancellation', 'published'), improved: score('cancellation', 'improved') },
    storeAgrees: stored.bookings === counted('booking') && stored.cancellations === counted('cancellation'),
  };
}
