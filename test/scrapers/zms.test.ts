import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, toBerlinWallTime } from '../../core/berlin-time.js';
import { catalogOf } from '../../scrapers/simulator/zms-catalog.js';
import type { ScrapeResult, WallTime } from '../../scrapers/types.js';
import { ZMS_USER_AGENT } from '../../scrapers/zms-api.js';
import { expectedSlots, startZmsWorld, type ZmsWorld } from '../helpers/zms-world.js';

const NOW = new Date('2026-04-28T07:00:00Z'); // Tuesday 09:00 in Berlin
const worlds: ZmsWorld[] = [];
afterEach(async () => Promise.all(worlds.splice(0).map((world) => world.close())));

async function world(options: Parameters<typeof startZmsWorld>[0]): Promise<ZmsWorld> {
  const started = await startZmsWorld(options);
  worlds.push(started);
  return started;
}

function ok(result: ScrapeResult) {
  if (!result.ok) throw new Error(`${result.failure.kind}: ${result.failure.message}`);
  return result;
}

const slotsOf = (result: ScrapeResult) =>
  Object.fromEntries(ok(result).snapshot.locations.map((l) => [l.locationId, l.slots]));
const calendarDays = (w: ZmsWorld) =>
  w.log.filter((r) => r.endpoint === 'available-calendar').map((r) => r.query.get('slotsStartDate'));

describe('zms scraper against the simulated API', () => {
  it('reads office × service day by day, into the next month, as "office / service" locations', async () => {
    const slots = {
      '10489-1063475': [
        '2026-04-28 10:00:00',
        '2026-04-28 10:10:00',
        '2026-04-30 08:00:00',
        '2026-05-04 07:30:00',
        '2026-05-05 11:00:00',
      ],
      '10470-1063475': ['2026-04-29 09:00:00', '2026-05-05 11:00:00', '2026-05-06 08:00:00'],
      '10489-1063453': ['2026-05-04 12:00:00'],
    };
    const w = await world({ now: NOW, slots });
    const result = ok(await w.scrape(1));
    expect(result.snapshot.takenAt).toBe('2026-04-28 09:00:00');
    expect(result.snapshot.locations.map((l) => [l.locationId, l.name])).toEqual([
      ['10489-1063475', 'Amt 10489 / Leistung 1063475'],
      ['10489-1063453', 'Amt 10489 / Leistung 1063453'],
      ['10470-1063475', 'Amt 10470 / Leistung 1063475'],
    ]);
    // The horizon ends on 2026-05-05: the 6th is not asked for.
    for (const id of Object.keys(slots)) expect(slotsOf(result)[id], id).toEqual(expectedSlots(w, id, NOW, 1));
    // Anmelden: April (its first call fills the 28th), April's other days, then May by nextBookableDate and its
    // other day. Reisepass: asked for today, the API answers with the first bookable day of the horizon, 4 May.
    expect(calendarDays(w)).toEqual([
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      '2026-05-04',
      '2026-05-05',
      '2026-04-28',
    ]);
    expect(result.requests).toBe(1 + 6);
    expect(w.server.limiter.refusals).toBe(0);
  });

  it('sends an honest User-Agent and no forwarding or conditional headers', async () => {
    const w = await world({ now: NOW, slots: { '1-2': ['2026-04-29 09:00:00'] } });
    ok(await w.scrape(2));
    for (const { headers } of w.log) {
      expect(headers['user-agent']).toBe(ZMS_USER_AGENT);
      expect(headers.accept).toBe('application/json');
      for (const name of [
        'client-ip',
        'x-forwarded-for',
        'x-forwarded',
        'x-cluster-client-ip',
        'forwarded-for',
        'forwarded',
        'x-forwarded-host',
        'if-modified-since',
        'if-none-match',
        'cookie',
        'authorization',
      ]) {
        expect(headers[name], name).toBeUndefined();
      }
    }
  });

  it('turns Unix seconds into Berlin wall time on both clock-change days', async () => {
    const march = {
      '1-2': ['2026-03-29 01:30:00', '2026-03-29 03:00:00', '2026-03-29 03:30:00', '2026-03-30 08:00:00'],
    };
    const spring = await world({ now: new Date('2026-03-28T12:00:00Z'), slots: march });
    expect(slotsOf(await spring.scrape(1))['1-2']).toEqual(march['1-2']);
    // 02:30 on 2026-10-25 is two instants; both are that wall time, once in the snapshot.
    const october = {
      '1-2': ['2026-10-25 01:30:00', '2026-10-25 02:30:00', '2026-10-25 03:30:00', '2026-10-26 08:00:00'],
    };
    const autumn = await world({ now: new Date('2026-10-24T12:00:00Z'), slots: october });
    expect(slotsOf(await autumn.scrape(1))['1-2']).toEqual(october['1-2']);
  });

  it('equals the office over arbitrary calendars, in ~ months + bookable days requests, none refused', async () => {
    const location = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 41 }), fc.integer({ min: 0, max: 40 })), {
      maxLength: 14,
      selector: ([d, m]) => d * 100 + m,
    });
    const calendars = fc.tuple(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-20T00:00:00Z'), noInvalidDate: true }),
      fc.array(location, { minLength: 1, maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(calendars, fc.integer({ min: 1, max: 6 }), async ([now, locations], weeks) => {
        const today = toBerlinWallTime(now).slice(0, 10);
        const ids = ['10-1', '20-1', '10-2', '30-2'];
        const slots = Object.fromEntries(
          locations.map((list, i) => [ids[i]!, list.map(([d, m]) => at(addDays(today, d), m))]),
        );
        const w = await world({ now, slots });
        try {
          const result = ok(await w.scrape(weeks));
          for (const id of Object.keys(slots))
            expect(slotsOf(result)[id], id).toEqual(expectedSlots(w, id, now, weeks));
          const days = new Set(
            Object.values(slots)
              .flat()
              .filter((s) => s > toBerlinWallTime(now))
              .map((s) => s.slice(0, 10)),
          );
          const services = new Set(Object.keys(slots).map((id) => id.split('-')[1])).size;
          expect(result.requests).toBeLessThanOrEqual(
            1 + services * (Math.ceil((weeks * 7) / 28) + 1) + services * days.size,
          );
          expect(w.server.limiter.refusals).toBe(0);
        } finally {
          await w.close();
        }
      }),
      { numRuns: 25, seed: 1414 },
    );
  });

  it('reads offices sharing their bookings one per request, each with all its times', async () => {
    const shared = ['2026-04-29 09:00:00', '2026-04-29 09:30:00'];
    const slots = { '1-5': [...shared, '2026-04-30 10:00:00'], '2-5': [...shared], '3-5': ['2026-04-29 09:00:00'] };
    const catalog = catalogOf({ locations: Object.keys(slots).map((id) => ({ id, name: id })) });
    catalog.offices[0]!.sharedBookingOfficeIds = [2];
    const w = await world({ now: NOW, slots, catalog });
    expect(slotsOf(await w.scrape(1))).toEqual(slots);
    const asked = new Set(
      w.log.filter((r) => r.endpoint === 'available-calendar').map((r) => r.query.get('officeIds')),
    );
    expect([...asked].sort()).toEqual(['1,3', '2']);
  });
});

function at(day: string, step: number): WallTime {
  const minutes = 7 * 60 + step * 15;
  return `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}
