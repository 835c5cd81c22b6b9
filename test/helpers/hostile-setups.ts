import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { slugify } from '../../scrapers/netappoint-parse.js';
import { createEterminScraper } from '../../scrapers/etermin.js';
import { createNetappointScraper } from '../../scrapers/netappoint.js';
import { createTempusScraper } from '../../scrapers/tempus.js';
import { createTevisScraper } from '../../scrapers/tevis.js';
import { eterminServer } from '../../scrapers/simulator/etermin-server.js';
import { startSystemServer, type RunningServer } from '../../scrapers/simulator/http-host.js';
import { netappointServer } from '../../scrapers/simulator/netappoint-server.js';
import { tempusServer } from '../../scrapers/simulator/tempus-server.js';
import { tevisServer, type TevisFlow } from '../../scrapers/simulator/tevis-server.js';
import { siteOf } from '../../scrapers/simulator/site-of.js';
import { zmsServer } from '../../scrapers/simulator/zms-server.js';
import { createZmsScraper } from '../../scrapers/zms.js';
import type { SimOffice, SystemServer } from '../../scrapers/simulator/types.js';
import type { Scraper, Site, SystemName } from '../../scrapers/types.js';
import { fixedOffice } from './fixed-office.js';

/** A name with the windows-1252 characters Latin-1 lacks. */
export const CP1252_NAME = 'Bürgerbüro „Mitte“ – Gebühr 10 €';
const OTHER_NAME = 'Straßenverkehrsamt';
export const HOSTILE_NOW = new Date('2024-03-28T09:30:00Z');

/** One system (tevis in each of its flows) serving one office on 127.0.0.1. */
export interface HostileSetup {
  label: string;
  system: SystemName;
  office: SimOffice;
  server: SystemServer;
  running: RunningServer;
  site: Site;
  scraper: Scraper;
}

export interface ScraperLimits {
  timeoutMs: number;
  retries: number;
  maxBytes: number;
}

const idsOf: Record<SystemName, [string, string]> = {
  tevis: ['11', '12'],
  netappoint: [slugify(CP1252_NAME), slugify(OTHER_NAME)],
  etermin: ['7001', '8001'],
  tempus: ['301/4619', '301/4620'],
  zms: ['7001-1', '8001-1'],
};

/** Two locations, three free slots in the two weeks after `now`. */
function officeFor(system: SystemName, sourceId: string, now: Date): SimOffice {
  const [first, second] = idsOf[system];
  const day = (n: number) => addDays(toBerlinWallTime(now).slice(0, 10), n);
  return fixedOffice({
    sourceId,
    system,
    now,
    locations: [
      { id: first, name: CP1252_NAME, slots: [`${day(1)} 14:00:00`, `${day(5)} 08:30:00`] },
      { id: second, name: OTHER_NAME, slots: [`${day(6)} 11:45:00`] },
    ],
  });
}

function serverFor(label: string, system: SystemName, office: SimOffice): SystemServer {
  // Titles from the forms' text (cncForms), so that hostile names reach the older flow's snapshot too.
  if (system === 'tevis') {
    const flow = (): TevisFlow => (label.endsWith('wizard') ? 'wizard' : 'classic');
    return tevisServer([office], { flow, variant: () => ({ calendarAttribute: 'some', cncForms: true }) });
  }
  if (system === 'netappoint') return netappointServer([office], { variant: () => ({ detour: true }) });
  if (system === 'etermin')
    return eterminServer([office], { variant: () => ({ groups: 1, fullSlots: true, sharedCalendar: false }) });
  // ZMS's rate limit 1000× faster: its pacing (1 ms apart, 61 ms after 50) keeps the cases quick.
  if (system === 'zms') return zmsServer([office], { scale: 1000 });
  return tempusServer([office], { variant: () => ({ locations: 'direct', notice: true }) });
}

function scraperFor(system: SystemName, limits: ScraperLimits): Scraper {
  if (system === 'tevis') return createTevisScraper(limits);
  if (system === 'netappoint') return createNetappointScraper(limits);
  if (system === 'etermin') return createEterminScraper(limits);
  // A fresh one per scrape: each reads the offices and services (where the names are) instead of its hourly copy.
  if (system === 'zms') return (site, options) => createZmsScraper(limits)(site, options);
  return createTempusScraper(limits);
}

const LABELS: [string, SystemName][] = [
  ['tevis-classic', 'tevis'],
  ['tevis-wizard', 'tevis'],
  ['netappoint', 'netappoint'],
  ['etermin', 'etermin'],
  ['tempus', 'tempus'],
  ['zms', 'zms'],
];
export const SETUP_LABELS = LABELS.map(([label]) => label);

/** Every setup, each with its own server, started; its office's clock stands at `now`. */
export async function startHostileSetups(limits: ScraperLimits, now = HOSTILE_NOW): Promise<HostileSetup[]> {
  return Promise.all(
    LABELS.map(async ([label, system]) => {
      const office = officeFor(system, `hostile-${label}`, now);
      const server = serverFor(label, system, office);
      const running = await startSystemServer(server);
      const site = siteOf(server, running.origin, office);
      return { label, system, office, server, running, site, scraper: scraperFor(system, limits) };
    }),
  );
}
