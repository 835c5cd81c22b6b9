import { berlinWallTimeToDate } from '../../scrapers/berlin-time.js';
import type { DemoWorld } from '../../scrapers/simulator/demo-child.js';
import type { Site } from '../../scrapers/types.js';
import type { LevelStore } from '../../store/index.js';
import { createScheduler, type Scheduler } from '../scheduler/index.js';
import { UserError } from '../user-error.js';
import type { CatalogSite } from './data/source-catalog.js';
import { alertEffects } from './alert-effects.js';
import { keepMemoryDown } from './collect-garbage.js';
import type { ThemeSettings } from './theme.js';
import { createStoreWatchData } from './data/store-watch-data.js';

export interface WatchSessionOptions {
  db: string;
  /** Sites to scrape (ignored with --demo, which brings its own). */
  sites: Site[];
  /** Sites that only name sources found in the db. */
  lookup: CatalogSite[];
  /** Keep these sites (include/exclude patterns), also for demo sites and db-only sources. */
  accept: (site: Pick<CatalogSite, 'id' | 'city'>) => boolean;
  demo: boolean;
  scrape: boolean;
  intervalMs: number;
  weeks: number;
  /** Colour, colour depth, background. */
  theme: ThemeSettings;
  /** No terminal bell on alerts. */
  quiet: boolean;
  /** Deliver alerts like `snapshot --exec/--webhook`. */
  exec?: string | undefined;
  webhook?: string | undefined;
}

/** Open the store (and the demo world, and the scheduler), run the app until the user quits, close everything. */
export async function runWatchSession(options: WatchSessionOptions): Promise<void> {
  // Ink and React load while the store opens (a third of the time to the first frame).
  const appModule = import('./run-app.js');
  appModule.catch(() => undefined);
  const store = await openDb(options.db);
  let demo: DemoWorld | undefined;
  let scheduler: Scheduler | undefined;
  try {
    let sites = options.sites;
    let now: (() => Date) | undefined;
    if (options.demo) {
      // The simulated offices run in a process of their own, as real ones would: their work is not the app's.
      const { startDemoProcess } = await import('../../scrapers/simulator/demo-child.js');
      demo = await startDemoProcess({ start: await demoStart(store), speed: 60 });
      const clock = demo.clock;
      now = () => clock.now();
      sites = demo.sites.filter(options.accept);
    }
    if (options.scrape) {
      const { scraperFor } = await import('../../scrapers/index.js');
      scheduler = createScheduler({ sites, store, scraperFor, intervalMs: options.intervalMs, weeks: options.weeks, ...(now ? { now } : {}) });
    }
    const watch = createStoreWatchData({
      store,
      sites: options.scrape ? sites : [],
      lookup: options.demo ? sites : options.lookup,
      acceptSource: (id) => options.accept({ id, city: options.lookup.find((site) => site.id === id)?.city ?? id }),
      intervalMs: options.intervalMs,
      ...(scheduler ? { scheduler } : {}),
      ...(now ? { now } : {}),
      ...(options.demo ? { label: 'demo' } : {}),
      alerts: { exec: options.exec, webhook: options.webhook, onAlert: alertEffects({ quiet: options.quiet }) },
    });
    watch.ready.catch(() => undefined);
    // Each scrape leaves its pages behind.
    const stopCollecting = scheduler && keepMemoryDown(scheduler);
    await scheduler?.start();
    const { runApp } = await appModule;
    try {
      await runApp({ data: watch.data, theme: options.theme });
      // Deliveries still in flight get a few seconds to finish (their failures are kept, not printed).
      await Promise.race([watch.alerts?.idle(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    } finally {
      watch.close();
      stopCollecting?.();
    }
  } finally {
    await scheduler?.stop();
    await demo?.close();
    await store.close();
  }
}

async function openDb(path: string): Promise<LevelStore> {
  const { openStore, StoreError } = await import('../../store/index.js');
  try {
    return await openStore(path);
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw new UserError(`cannot open the database at ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The demo's clock starts now, or after the newest snapshot in the demo db, so that time never runs backwards. */
async function demoStart(store: LevelStore): Promise<Date> {
  const quarter = 15 * 60_000;
  let start = Date.now();
  for (const sourceId of await store.listSources()) {
    const latest = await store.latestSummary(sourceId);
    if (latest) start = Math.max(start, berlinWallTimeToDate(latest.takenAt).getTime() + quarter);
  }
  return new Date(Math.floor(start / quarter) * quarter);
}
