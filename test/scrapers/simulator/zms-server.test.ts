import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystemServer, type RunningServer } from '../../../scrapers/simulator/http-host.js';
import { catalogOf, type ZmsSimCatalog } from '../../../scrapers/simulator/zms-catalog.js';
import { zmsServer } from '../../../scrapers/simulator/zms-server.js';
import { fixedOffice } from '../../helpers/fixed-office.js';

// 2026-05-04 09:00 Berlin. Office 1 offers services 5 and 6; office 2 service 5; office 3 (captcha) service 5.
const NOW = new Date('2026-05-04T07:00:00Z');
const SLOTS = {
  '1-5': [
    '2026-05-04 08:00:00',
    '2026-05-05 08:00:00',
    '2026-05-05 08:30:00',
    '2026-05-12 10:00:00',
    '2026-06-02 09:00:00',
  ],
  '2-5': ['2026-05-12 10:00:00', '2026-05-12 11:00:00', '2026-07-07 09:00:00'],
  '1-6': [],
  '3-5': ['2026-05-05 08:00:00'],
};
const office = fixedOffice({
  sourceId: 'muc',
  system: 'zms',
  now: NOW,
  locations: Object.entries(SLOTS).map(([id, slots]) => ({ id, name: `Amt ${id}`, slots })),
});
const catalog: ZmsSimCatalog = catalogOf(office);
catalog.offices.find((o) => o.id === 3)!.captcha = true;
catalog.services.push({ id: 9, name: 'intern', public: false });
catalog.relations.push({ officeId: 2, serviceId: 9 });

let clock = 0;
let legacy = false;
let running: RunningServer;
let base = '';
beforeAll(async () => {
  const server = zmsServer([office], { catalog: () => catalog, now: () => clock, legacy: () => legacy });
  running = await startSystemServer(server);
  base = server.siteUrl(running.origin, office);
});
afterAll(() => running?.close());

const get = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
};
const QUERY = { officeIds: '1', serviceIds: '5', serviceCounts: '1', startDate: '2026-05-04', endDate: '2026-08-31' };
const calendar = (query: Record<string, string>) =>
  get(`available-calendar/?${new URLSearchParams({ ...QUERY, ...query })}`);
const codes = (json: { errors: { errorCode: string }[] }) => json.errors.map((e) => e.errorCode);

describe('simulated ZMS: offices-and-services and available-calendar', () => {
  it('lists bare JSON: public services with a public relation by id; relations on their own flag', async () => {
    clock += 120_000;
    const { status, headers, json } = await get('offices-and-services/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(json)).toEqual(['offices', 'services', 'relations']);
    expect(json.services.map((s: { id: number }) => s.id)).toEqual([5, 6]);
    expect(json.relations).toContainEqual({ officeId: 2, serviceId: 9, slots: 1, public: true, maxQuantity: 0 });
    expect(json.offices.find((o: { id: number }) => o.id === 3).scope.captchaActivatedRequired).toBe(true);
  });

  it('fills one day, paints its month, and points to the bookable days before and after', async () => {
    const { json } = await calendar({ slotsStartDate: '2026-05-04', slotsEndDate: '2026-05-04', officeIds: '1,2' });
    // 08:00 on the 4th is past: the 4th is not bookable, so the answer snaps to the 5th.
    expect(json).toEqual({
      startDate: '2026-05-04',
      endDate: '2026-08-31',
      slotsStartDate: '2026-05-05',
      slotsEndDate: '2026-05-05',
      prevBookableDate: null,
      nextBookableDate: '2026-06-02',
      availableDays: [
        {
          date: '2026-05-05',
          providerIDs: '1',
          offices: [
            { officeId: '1', appointments: [Date.UTC(2026, 4, 5, 6) / 1000, Date.UTC(2026, 4, 5, 6, 30) / 1000] },
          ],
        },
        { date: '2026-05-12', providerIDs: '1,2', offices: [] },
      ],
    });
  });

  it('snaps an unbookable day to the first of its month, even an earlier one; a window to its first', async () => {
    expect((await calendar({ slotsStartDate: '2026-05-20', slotsEndDate: '2026-05-20' })).json.slotsStartDate).toBe(
      '2026-05-05',
    );
    expect((await calendar({ slotsStartDate: '2026-05-06', slotsEndDate: '2026-05-31' })).json.slotsStartDate).toBe(
      '2026-05-12',
    );
    const june = (await calendar({ slotsStartDate: '2026-06-02', slotsEndDate: '2026-06-02' })).json;
    expect([june.prevBookableDate, june.nextBookableDate]).toEqual(['2026-05-12', null]);
  });

  it('jumps to the first bookable day of the horizon if the month has none; echoes if nothing is free', async () => {
    const july = await calendar({
      officeIds: '2',
      slotsStartDate: '2026-06-15',
      slotsEndDate: '2026-06-15',
      startDate: '2026-06-01',
    });
    expect(july.json.slotsStartDate).toBe('2026-07-07');
    expect(july.json.availableDays[0].offices[0].officeId).toBe('2');
    const none = await calendar({ serviceIds: '6', slotsStartDate: '2026-05-10', slotsEndDate: '2026-05-10' });
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({
      slotsStartDate: '2026-05-10',
      prevBookableDate: null,
      nextBookableDate: null,
      availableDays: [],
    });
  });
});

describe('simulated ZMS: offices sharing their bookings', () => {
  it('shows a time free at both under the first office asked only', async () => {
    catalog.offices.find((o) => o.id === 1)!.sharedBookingOfficeIds = [2];
    try {
      const { json } = await calendar({ officeIds: '2,1', slotsStartDate: '2026-05-12', slotsEndDate: '2026-05-12' });
      const day = json.availableDays.find((d: { date: string }) => d.date === '2026-05-12');
      expect(day.providerIDs).toBe('2');
      expect(
        day.offices.map((o: { officeId: string; appointments: number[] }) => [o.officeId, o.appointments.length]),
      ).toEqual([['2', 2]]);
    } finally {
      delete catalog.offices.find((o) => o.id === 1)!.sharedBookingOfficeIds;
    }
  });
});

describe('simulated ZMS: validation and errors', () => {
  it('collects the first phase errors in order; the status is the highest', async () => {
    const all = await get('available-calendar/');
    expect(all.status).toBe(400);
    expect(codes(all.json)).toEqual([
      'invalidOfficeId',
      'invalidServiceId',
      'invalidStartDate',
      'invalidEndDate',
      'invalidServiceCount',
    ]);
    expect(all.json.errors[0]).toEqual({
      errorCode: 'invalidOfficeId',
      statusCode: 400,
      errorMessage: 'officeId should be a 32-bit integer.',
      errorType: 'warning',
    });
    const mixed = await calendar({ startDate: '2026-09-01', endDate: '2026-05-04', serviceCounts: '26' });
    expect([mixed.status, codes(mixed.json)]).toEqual([520, ['unknownError', 'invalidServiceCount']]);
    expect(codes((await calendar({ startDate: '2026-5-4' })).json)).toEqual(['invalidStartDate']);
    expect((await calendar({ endDate: '2027-05-06' })).status).toBe(520);
    expect(codes((await calendar({ slotsStartDate: '2026-05-09', slotsEndDate: '2026-05-08' })).json)).toEqual([
      'slotsStartDateAfterEndDate',
    ]);
  });

  it('then checks each office in order (first failure wins), captcha first of all', async () => {
    expect(codes((await calendar({ officeIds: '0,2' })).json)).toEqual(['invalidOfficeId']);
    expect(codes((await calendar({ officeIds: '1,2', serviceIds: '5,6' })).json)).toEqual([
      'invalidLocationAndServiceCombination',
    ]);
    expect(codes((await calendar({ officeIds: '77' })).json)).toEqual(['invalidLocationAndServiceCombination']);
    const gated = await calendar({ officeIds: '1,3' });
    expect([gated.status, codes(gated.json)]).toEqual([400, ['captchaMissing']]);
    expect(codes((await calendar({ officeIds: '3', captchaToken: 'x.y.z' })).json)).toEqual(['captchaInvalid']);
    expect((await calendar({ slotsStartDate: '2026-09-02', slotsEndDate: '2026-09-03' })).status).toBe(520);
  });

  it('answers 404 notFound to other paths and methods, takes paths without slash, 304 to conditionals', async () => {
    const unknown = await get('available-days/');
    expect([unknown.status, codes(unknown.json), unknown.headers.get('cache-control')]).toEqual([
      404,
      ['notFound'],
      'public, max-age=300',
    ]);
    expect((await get('offices-and-services/', { method: 'POST' })).status).toBe(404);
    expect((await get('offices-and-services')).status).toBe(200);
    const conditional = await get('offices-and-services/', {
      headers: { 'if-modified-since': new Date().toUTCString() },
    });
    expect([conditional.status, conditional.text]).toEqual([304, '']);
  });

  it('serves the legacy endpoints instead of /available-calendar/ when asked to', async () => {
    legacy = true;
    try {
      expect(codes((await calendar({})).json)).toEqual(['notFound']);
      const days = await get(
        'available-days-by-office/?officeId=1,2&serviceId=5&serviceCount=1&startDate=2026-05-04&endDate=2026-05-31',
      );
      expect(days.json).toEqual({
        availableDays: [
          { time: '2026-05-05', providerIDs: '1' },
          { time: '2026-05-12', providerIDs: '1,2' },
        ],
      });
      const times = await get(
        'available-appointments-by-office/?officeId=2&serviceId=5&serviceCount=1&date=2026-05-12',
      );
      expect(times.json).toEqual({
        offices: [{ officeId: 2, appointments: [Date.UTC(2026, 4, 12, 8) / 1000, Date.UTC(2026, 4, 12, 9) / 1000] }],
      });
      const none = await get(
        'available-days-by-office/?officeId=1&serviceId=6&serviceCount=1&startDate=2026-05-04&endDate=2026-05-31',
      );
      expect([none.status, codes(none.json)]).toEqual([404, ['noAppointmentForThisDay']]);
    } finally {
      legacy = false;
    }
  });
});

describe('simulated ZMS: the rate limit', () => {
  it('allows 60 per client, then 429 with no rate headers, until 60 s pass with no accepted request', async () => {
    clock += 120_000;
    const first = await get('offices-and-services/');
    expect(first.headers.get('x-ratelimit-limit')).toBe('60');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('58');
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(Math.floor((clock + 60_000) / 1000)));
    for (let i = 2; i <= 60; i++) expect((await get('nowhere')).status).toBe(404);
    const refused = await get('offices-and-services/');
    expect(refused.status).toBe(429);
    expect(codes(refused.json)).toEqual(['rateLimitExceeded']);
    expect([...refused.headers.keys()].filter((name) => /ratelimit|retry-after/i.test(name))).toEqual([]);
    // Refused requests neither count nor extend: 60 s after the 60th accepted one, the counter starts again.
    clock += 59_000;
    expect((await get('offices-and-services/')).status).toBe(429);
    clock += 1_000;
    expect((await get('offices-and-services/')).headers.get('x-ratelimit-remaining')).toBe('58');
  });

  it('counts per client as ClientIp finds it: a forwarding header names another', async () => {
    clock += 120_000;
    for (let i = 1; i <= 60; i++) await get('nowhere');
    expect((await get('offices-and-services/')).status).toBe(429);
    expect(
      (await get('offices-and-services/', { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } })).status,
    ).toBe(200);
  });
});
