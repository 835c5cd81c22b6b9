import { existsSync, unwatchFile, watchFile } from 'node:fs';
import type { DemoWorld } from '../../scrapers/simulator/demo-child.js';
import type { Site } from '../../scrapers/types.js';
import type { LevelStore } from '../../store/index.js';
import type { WebhookFormat } from '../alerts/webhook-format.js';
import { demoTimeline } from '../demo-timeline.js';
import { makeFolder } from '../make-folder.js';
import { createScheduler, type Scheduler } from '../scheduler/index.js';
import { UserError } from '../user-error.js';
import type { CatalogSite } from './data/source-catalog.js';
import { alertEffects } from './alert-effects.js';
import { keepMemoryDown } from './collect-garbage.js';
import type { ColourDepth } from './colour-wanted.js';
import { loadInteractiveInk } from './interactive-ink.js';
import type { ThemeSettings } from './theme.js';
import { createStoreWatchData } from './data/store-watch-data.js';

export interface WatchSessionOptions {
  db: string;
  /** Sites to scrape (ignored with --demo, which brings its own). */
  sites: Site[];
  /** Re-read the sites when the user's own sites file changes (sites add / rm from another terminal). */
  ownSites?: { path: string; reload: () => Site[] };
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
  /** The colours Ink is loaded for (none: no colour at all). */
  inkColours: ColourDepth;
  /** No terminal bell on alerts. */
  quiet: boolean;
  /** Deliver alerts like `snapshot --exec/--webhook`. */
  exec?: string | undefined;
  webhook?: string | undefined;
  webhookFormat?: WebhookFormat | undefined;
}

/** Open the store (and the demo world, and the scheduler), run the app until the user quits, close everything. */
export async function runWatchSession(options: WatchSessionOptions): Promise<void> {
  // Ink and React load (a third of the time to the first frame) while LevelDB opens the store in its own thread.
  const storeOpened = openDb(options.db);
  const appModule = loadInteractiveInk(options.inkColours).then(() => import('./run-app.js'));
  appModule.catch(() => undefined);
  const store = await storeOpened;
  let demo: DemoWorld | undefined;
  let scheduler: Scheduler | undefined;
  try {
    // Loading Ink changes the environment for a moment: what runs or starts processes waits until it is back.
    const { runApp } = await appModule;
    let sites = options.sites;
    let now: (() => Date) | undefined;
    if (options.demo) {
      // The simulated offices run in a process of their own, as real ones would: their work is not the app's.
      const { startDemoProcess } = await import('../../scrapers/simulator/demo-child.js');
      demo = await startDemoProcess({ ...(await demoTimeline(store)), speed: 60 });
      const clock = demo.clock;
      now = () => clock.now();
      sites = demo.sites.filter(options.accept);
    }
    if (options.scrape) {
      const { scraperFor } = await import('../../scrapers/index.js');
      // network: an offline machine shows as "network down", not as every scraper failing.
      const timing = { intervalMs: options.intervalMs, weeks: options.weeks, network: {} };
      scheduler = createScheduler({ sites, store, scraperFor, ...timing, ...(now ? { now } : {}) });
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
      alerts: {
        exec: options.exec,
        webhook: options.webhook,
        webhookFormat: options.webhookFormat,
        onMessage: alertEffects({ quiet: options.quiet }),
      },
    });
    watch.ready.catch(() => undefined);
    const stopFollowing =
      options.ownSites && options.scrape && scheduler
        ? followOwnSites(options.ownSites, scheduler, watch.setSites)
        : undefined;
    if (stopFollowing) watch.data.addSite = (url) => addOwnSite(url, options.weeks);
    // Each scrape leaves its pages behind.
    const stopCollecting = scheduler && keepMemoryDown(scheduler);
    await scheduler?.start();
    try {
      await runApp({ data: watch.data, theme: options.theme });
      // Deliveries still in flight get a few seconds to finish; what is given up then is said once the screen is back.
      const left = (await watch.alerts?.settle(5000)) ?? 0;
      if (left > 0) process.stderr.write(`office-watch: ${left} alert deliveries were given up when the app quit.\n`);
    } finally {
      watch.close();
      stopCollecting?.();
      stopFollowing?.();
    }
  } finally {
    await scheduler?.stop();
    await demo?.close();
    await store.close();
  }
}

async function openDb(path: string): Promise<LevelStore> {
  const { openStore, StoreError } = await import('../../store/index.js');
  // LevelDB's own mkdir -p loops forever under /proc; ours says why the folder cannot be.
  if (!existsSync(path)) makeFolder(path, 'the database folder');
  try {
    return await openStore(path);
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw new UserError(
      `cannot open the database at ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Follow the user's own sites file: `sites add` / `sites rm` from another terminal change it, the scheduler scrapes
 * the new set from its next round on and the cities list shows a new site at once. A file that does not read (being
 * written, or broken) leaves the sites as they were.
 */
function followOwnSites(
  own: { path: string; reload: () => Site[] },
  scheduler: Scheduler,
  show: (sites: Site[]) => void,
): () => void {
  const changed = (): void => {
    let sites: Site[];
    try {
      sites = own.reload();
    } catch {
      return;
    }
    scheduler.setSites(sites);
    show(sites);
  };
  watchFile(own.path, { interval: 1000, persistent: false }, changed);
  return () => unwatchFile(own.path, changed);
}

/** The `a` key: `sites add` in the app; the file follower then brings the site into the rounds. */
async function addOwnSite(url: string, weeks: number): Promise<string> {
  const { addSite } = await import('../commands/sites-add.js');
  const { loadRegistry } = await import('../../scrapers/registry/registry.js');
  const { loadOwnSites, saveOwnSites, withOwnSites } = await import('../own-sites.js');
  const own = loadOwnSites();
  const added = await addSite(url, withOwnSites(loadRegistry(), own), { weeks: Math.min(weeks, 4) });
  saveOwnSites([...own.filter((site) => site.id !== added.site.id), added.site]);
  const free = added.result.snapshot.locations.reduce((sum, location) => sum + location.slots.length, 0);
  const offices = added.result.snapshot.locations.length;
  return `added ${added.site.id} (${added.site.system}, ${added.site.city}): ${offices} offices, ${free} free`;
}
