import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBerlinWallTime } from '../../../core/berlin-time.js';
import { scraperFor } from '../../../scrapers/index.js';
import { startDemo, type Demo } from '../../../scrapers/simulator/demo.js';
import { DEMO_TEVIS_FLOWS } from '../../../scrapers/simulator/demo-offices.js';
import { defaultVariant } from '../../../scrapers/simulator/tevis-variant.js';
import { SYSTEMS } from '../../../scrapers/types.js';
import { expectedTevisLocations } from '../../helpers/tevis-expected.js';

describe('the demo world', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ seed: 7, start: new Date('2026-03-10T08:00:00Z') });
    demo.clock.pause();
  });
  afterAll(() => demo?.close());

  it('has at least 12 offices in several cities on all five systems, one site each', () => {
    expect(demo.offices.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.offices.map((o) => o.city)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(demo.sites.map((s) => s.system))).toEqual(new Set(SYSTEMS));
    expect(demo.sites.map((s) => s.id)).toEqual(demo.offices.map((o) => o.sourceId));
    expect(new Set(demo.sites.map((s) => s.id)).size).toBe(demo.sites.length);
  });

  it('gives netappoint locations the name slug as id', () => {
    const slug = (name: string) =>
      name
        .toLowerCase()
        .replace(/ß/g, 'ss')
        .normalize('NFKD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    for (const office of demo.offices.filter((o) => o.system === 'netappoint'))
      for (const l of office.locations) expect(l.id).toBe(slug(l.name));
  });

  it('serves every site on 127.0.0.1, with its fault where it shows one', async () => {
    for (const [i, site] of demo.sites.entries()) {
      expect(new URL(site.url).hostname).toBe('127.0.0.1');
      // netappoint's site URL is a base: its start page takes the company (and extra) from params.
      const { company, extra } = site.params ?? {};
      // zms: its site URL is the API's base, whose own path is "not found"; its offices-and-services answers.
      const url =
        site.system === 'netappoint'
          ? `${site.url}/index.php?company=${company}${extra ? `&${extra}` : ''}`
          : site.system === 'zms'
            ? `${site.url}offices-and-services/`
            : site.url;
      const response = await fetch(url);
      await response.text();
      expect(response.status, site.id).toBe(demo.offices[i]?.fault === 'http-500' ? 500 : 200);
    }
  });

  it('shows a failing office at the start, so the health view has something to show', () => {
    expect(demo.offices.some((o) => o.fault !== undefined)).toBe(true);
  });

  it('is busy enough that bookings and cancellations happen between 15-minute snapshots', () => {
    const quarters: { bookings: number; cancellations: number }[] = [];
    for (let q = 0; q < 4; q++) {
      const seen = demo.offices.map((o) => o.groundTruth().length);
      demo.clock.advance(15 * 60_000);
      const events = demo.offices.flatMap((o, i) => o.groundTruth().slice(seen[i]));
      quarters.push({
        bookings: events.filter((e) => e.kind === 'booking').length,
        cancellations: events.filter((e) => e.kind === 'cancellation').length,
      });
    }
    for (const quarter of quarters) expect(quarter.bookings).toBeGreaterThan(3);
    expect(quarters.filter((q) => q.cancellations > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('answers every scraper with exactly the free slots the office shows', async () => {
    for (const office of demo.offices) office.fault = undefined;
    const now = demo.clock.now();
    for (const site of demo.sites) {
      const office = demo.offices.find((o) => o.sourceId === site.id)!;
      const result = await scraperFor(site.system)!(site, { weeks: 7, now });
      if (!result.ok) throw new Error(`${site.id}: ${result.failure.kind}: ${result.failure.message}`);
      expect(result.snapshot.takenAt).toBe(toBerlinWallTime(now));
      // tevis: every service of the site, under ids made of its names (what the site's structure says it must give).
      if (site.system === 'tevis') {
        const variant = defaultVariant(office, DEMO_TEVIS_FLOWS[site.id]);
        expect(result.snapshot.locations, site.id).toEqual(expectedTevisLocations(office, variant, 7));
        expect(result.snapshot.locations.flatMap((l) => l.slots).length, site.id).toBeGreaterThan(0);
        continue;
      }
      const ids = office.locations.map((l) => l.id);
      for (const scraped of result.snapshot.locations) expect(ids, site.id).toContain(scraped.locationId);
      let total = 0;
      for (const location of office.locations) {
        const truth = office.freeSlots(location.id);
        total += truth.length;
        // A fully booked location may be left out where no page names it.
        expect(
          result.snapshot.locations.find((l) => l.locationId === location.id)?.slots ?? [],
          `${site.id}/${location.id}`,
        ).toEqual(truth);
      }
      expect(total, site.id).toBeGreaterThan(0);
    }
  });
});
