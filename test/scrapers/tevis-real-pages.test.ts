import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../scrapers/slug.js';
import { createTevisScraper } from '../../scrapers/tevis.js';
import type { ScrapeResult, Snapshot } from '../../scrapers/types.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const PAGES = [
  'muelheim-auslaenderamt-select2-2026-07-21.html',
  'muelheim-suggest-slots-2026-07-22T1233.html',
  'muelheim-suggest-slots-2026-07-22T1433.html',
  'aachen-abh-select2-md1-2025-07.html',
  'aachen-abh-select2-md1-2025-06.html',
  'aachen-abh-location-2025-07.html',
  'aachen-abh-suggest-slots-2025-10-03.html',
  'aachen-abh-suggest-noslots-2025-07.html',
];
const AACHEN_HOST = 'https://termine.staedteregion-aachen.de/auslaenderamt';
const real = (name: string): string => readFileSync(sharedData(`pages/tevis/${name}`) ?? '', 'utf8');
const scrape = createTevisScraper({ timeoutMs: 10_000, retries: 0 });

/** What the test site serves: a department's select2 page, and the suggest page of the services that have times. */
interface RealSite {
  department: string;
  select2: string;
  /** Service key (`cnc-…`) → its first suggest page; the others show "Kein freier Termin verfügbar". */
  suggest: Record<string, string>;
}

interface Scraped {
  result: ScrapeResult;
  /** The requests the site saw: method, path, and whether the suggest filter was set. */
  hits: string[];
}

/**
 * The real pages served as the wizard asks for them: a start page (the one page not captured: a link to select2),
 * the select2 page, the one real location page for every service, its POST answered with a redirect to the suggest
 * page, and "no free time" for every filter step. Absolute links to the real host are pointed at 127.0.0.1.
 */
async function scrapeRealSite(site: RealSite, now: Date, weeks: number): Promise<Scraped> {
  const hits: string[] = [];
  let chosen = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    hits.push(`${req.method} ${url.pathname}${url.searchParams.has('filter_date_from') ? ' (filter)' : ''}`);
    const origin = `http://${String(req.headers.host)}`;
    const send = (html: string) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html.replaceAll(AACHEN_HOST, origin));
    if (url.pathname === '/') return send(`<html><body><a href="select2?md=1">${site.department}</a></body></html>`);
    if (url.pathname === '/select2') return send(real(site.select2));
    if (url.pathname === '/location' && req.method === 'POST') {
      chosen = [...url.searchParams.keys()].find((key) => key.startsWith('cnc-')) ?? '';
      return res.writeHead(303, { location: 'suggest' }).end();
    }
    if (url.pathname === '/location') return send(real('aachen-abh-location-2025-07.html'));
    const first = url.searchParams.has('filter_date_from') ? undefined : site.suggest[chosen];
    if (url.pathname === '/suggest') return send(real(first ?? 'aachen-abh-suggest-noslots-2025-07.html'));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const site = { id: 'real', system: 'tevis', name: 'Real', city: 'Real', url: origin };
    const result = await scrape(site, { weeks, now });
    return { result, hits };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function snapshotOf(result: ScrapeResult): Snapshot {
  if (!result.ok) throw new Error(`${result.failure.kind}: ${result.failure.message}`);
  return result.snapshot;
}

const present = hasSharedData(...PAGES.map((page) => `pages/tevis/${page}`));

describe.runIf(present)('scrapeTevis on the real tevis pages, served on 127.0.0.1', () => {
  const muelheim = (suggest: string): RealSite => ({
    department: 'Ausländeramt',
    select2: 'muelheim-auslaenderamt-select2-2026-07-21.html',
    suggest: { 'cnc-2817': suggest },
  });

  it('Mülheim: all 49 services, "Auflagenänderung" with its one free time at 12:33 and 14:33', async () => {
    const early = muelheim('muelheim-suggest-slots-2026-07-22T1233.html');
    const { result, hits } = await scrapeRealSite(early, new Date('2026-07-22T10:33:21Z'), 4);
    const snapshot = snapshotOf(result);
    expect(snapshot.locations).toHaveLength(49);
    expect(new Set(snapshot.locations.map((l) => l.locationId)).size).toBe(49);
    expect(snapshot.locations.every((l) => l.locationId.startsWith('auslanderamt/'))).toBe(true);
    const free = snapshot.locations.filter((l) => l.slots.length > 0);
    expect(free.map((l) => [l.locationId, l.slots])).toEqual([
      [`auslanderamt/${slugify('Auflagenänderung (Wechsel Studium, Arbeit o.ä.)')}`, ['2026-07-23 14:30:00']],
    ]);
    // A title listed in three sections is told apart by its section.
    const advice = snapshot.locations.filter((l) => l.name.startsWith('Ausländeramt / Allgemeine Beratung ('));
    expect(advice.map((l) => l.locationId)).toEqual([
      'auslanderamt/allgemeine-beratung-allgemeine-auslanderangelegenheiten',
      'auslanderamt/allgemeine-beratung-mitarbeiter-der-max-planck-institute',
      'auslanderamt/allgemeine-beratung-studierende-und-anerkennung-der-berufsqualifikation',
    ]);
    // No attribute names a service's location: each needs its location page, the POST and its redirect; one more step
    // after the one free day. Every request stayed on 127.0.0.1.
    expect(result.requests).toBe(2 + 49 * 3 + 1);
    expect(hits).toHaveLength(result.requests);
    const late = muelheim('muelheim-suggest-slots-2026-07-22T1433.html');
    const later = snapshotOf((await scrapeRealSite(late, new Date('2026-07-22T12:33:21Z'), 4)).result);
    expect(later.locations.map((l) => l.locationId)).toEqual(snapshot.locations.map((l) => l.locationId));
    expect(later.locations.flatMap((l) => l.slots)).toEqual(['2026-07-23 16:30:00']);
  });

  const RWTH = ['cnc-344', 'cnc-347', 'cnc-350'];
  const aachen = (select2: string): RealSite => ({
    department: 'Aufenthaltsangelegenheiten',
    select2,
    // The captured times are calendar 169's (RWTH, Super C): the three services booked through it show them.
    suggest: Object.fromEntries(RWTH.map((key) => [key, 'aachen-abh-suggest-slots-2025-10-03.html'])),
  });

  it('Aachen 2025-10-03: all 22 services, the three of calendar 169 with the 8 free times of 11.12.2025', async () => {
    const site = aachen('aachen-abh-select2-md1-2025-07.html');
    const { result, hits } = await scrapeRealSite(site, new Date('2025-10-03T13:20:49Z'), 12);
    const snapshot = snapshotOf(result);
    expect(snapshot.locations).toHaveLength(22);
    const hours = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'];
    const times = hours.map((t) => `2025-12-11 ${t}:00`);
    const rwth = ['rwth-studenten', 'rwth-familienangehorige', 'rwth-mitarbeitende-forschende-bzw-phd'];
    expect(snapshot.locations.filter((l) => l.slots.length > 0).map((l) => [l.locationId, l.slots])).toEqual(
      rwth.map((s) => [`aufenthaltsangelegenheiten/${s}`, times]),
    );
    const place = 'Ausländeramt Aachen - Außenstelle RWTH';
    expect(snapshot.locations[13]?.name).toBe(`Aufenthaltsangelegenheiten / RWTH Studenten / ${place}`);
    // The location page lists location 50 for every service, not the 49, 51 or 54 of their data-tevis-locations: so
    // none is skipped. Calendar 169's lookahead is read once (one step after its first day), then shared.
    expect(result.requests).toBe(2 + 22 * 3 + 1);
    expect(hits.filter((hit) => hit === 'GET /suggest (filter)')).toHaveLength(1);
  });

  it('Aachen June and July: keys, mdt, calendars renumbered; the same ids but for one renamed service', async () => {
    const scrapeAt = async (select2: string, now: string) =>
      snapshotOf((await scrapeRealSite(aachen(select2), new Date(now), 4)).result);
    const june = await scrapeAt('aachen-abh-select2-md1-2025-06.html', '2025-06-03T21:42:25Z');
    const july = await scrapeAt('aachen-abh-select2-md1-2025-07.html', '2025-07-21T10:00:00Z');
    const ids = (snapshot: Snapshot) => snapshot.locations.map((l) => l.locationId);
    expect(june.locations).toHaveLength(22);
    const only = (a: Snapshot, b: Snapshot) => ids(a).filter((id) => !ids(b).includes(id));
    expect(only(june, july)).toEqual(['aufenthaltsangelegenheiten/daueraufenthaltsbescheinigung']);
    expect(only(july, june)).toEqual(['aufenthaltsangelegenheiten/freizugigkeit-daueraufenthaltsbescheinigung']);
  });
});
