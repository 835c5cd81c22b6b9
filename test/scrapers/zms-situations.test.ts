import { afterEach, describe, expect, it } from 'vitest';
import { catalogOf, type ZmsSimCatalog } from '../../scrapers/simulator/zms-catalog.js';
import type { ScrapeResult } from '../../scrapers/types.js';
import { startZmsWorld, type ZmsWorld } from '../helpers/zms-world.js';

const NOW = new Date('2026-06-02T07:00:00Z');
const SLOTS = {
  '10-1': ['2026-06-03 08:00:00', '2026-06-10 08:30:00'],
  '20-1': ['2026-06-03 09:00:00'],
  '10-2': ['2026-06-04 10:00:00'],
  '20-2': ['2026-06-05 11:00:00', '2026-07-01 08:00:00'],
};
const worlds: ZmsWorld[] = [];
afterEach(async () => Promise.all(worlds.splice(0).map((world) => world.close())));

async function world(options: Partial<Parameters<typeof startZmsWorld>[0]> = {}): Promise<ZmsWorld> {
  const started = await startZmsWorld({ now: NOW, slots: SLOTS, ...options });
  worlds.push(started);
  return started;
}

const baseCatalog = (): ZmsSimCatalog =>
  catalogOf({
    locations: Object.keys(SLOTS).map((id) => ({ id, name: `Amt ${id.split('-')[0]} / Leistung ${id.split('-')[1]}` })),
  });
const slotsOf = (result: ScrapeResult) =>
  result.ok ? Object.fromEntries(result.snapshot.locations.map((l) => [l.locationId, l.slots])) : result.failure;
const asked = (w: ZmsWorld, endpoint: string) => w.log.filter((r) => r.endpoint === endpoint);

describe('zms scraper: captcha, legacy, a changing catalog, maintenance, bad records', () => {
  it('leaves an office behind a captcha unread, and says so beside the snapshot of the others', async () => {
    const catalog = baseCatalog();
    catalog.offices.push({ id: 30, name: 'Ausländerbehörde', captcha: true });
    catalog.relations.push({ officeId: 30, serviceId: 1 });
    const w = await world({ catalog, slots: { ...SLOTS, '30-1': ['2026-06-03 08:00:00'] } });
    const result = await w.scrape(2);
    expect(slotsOf(result)).toEqual({
      '10-1': SLOTS['10-1'],
      '10-2': SLOTS['10-2'],
      '20-1': SLOTS['20-1'],
      '20-2': SLOTS['20-2'].slice(0, 1),
    });
    expect(result.ok && result.notice).toEqual({
      kind: 'captcha',
      message: '1 office needs a captcha and is not read (Ausländerbehörde 30); 2 of 3 read',
    });
    // Never asked about, never a token sent, never refused.
    for (const request of asked(w, 'available-calendar')) {
      expect(request.query.get('officeIds')!.split(',')).not.toContain('30');
      expect(request.query.has('captchaToken')).toBe(false);
      expect(request.status).toBe(200);
    }
  });

  it('fails as captcha when every office offering the services needs one', async () => {
    const catalog = baseCatalog();
    for (const office of catalog.offices) office.captcha = true;
    const w = await world({ catalog });
    const result = await w.scrape(2);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('captcha');
    expect(asked(w, 'available-calendar')).toHaveLength(0);
  });

  it('reads a deployment of ≤ muc45 through its legacy endpoints, and remembers that it is one', async () => {
    const w = await world({ legacy: () => true });
    const first = await w.scrape(2);
    expect(slotsOf(first)).toEqual({
      '10-1': SLOTS['10-1'],
      '10-2': SLOTS['10-2'],
      '20-1': SLOTS['20-1'],
      '20-2': SLOTS['20-2'].slice(0, 1),
    });
    expect(asked(w, 'available-calendar').map((r) => r.status)).toEqual([404]);
    const before = w.log.length;
    const second = await w.scrape(2);
    expect(slotsOf(second)).toEqual(slotsOf(first));
    expect(w.log.slice(before).map((r) => r.endpoint)).not.toContain('available-calendar');
    expect(w.log.slice(before).map((r) => r.endpoint)).not.toContain('offices-and-services');
  });

  it('reads the catalog again when an office stops offering a service, and drops that location', async () => {
    const w = await world({ catalog: baseCatalog() });
    expect(Object.keys(slotsOf(await w.scrape(2)))).toEqual(['10-1', '10-2', '20-1', '20-2']);
    expect(asked(w, 'offices-and-services')).toHaveLength(1);
    const catalog = baseCatalog();
    catalog.relations = catalog.relations.filter((r) => !(r.officeId === 20 && r.serviceId === 1));
    w.setCatalog(catalog);
    const result = await w.scrape(2);
    expect(slotsOf(result)).toEqual({
      '10-1': SLOTS['10-1'],
      '10-2': SLOTS['10-2'],
      '20-2': SLOTS['20-2'].slice(0, 1),
    });
    expect(asked(w, 'offices-and-services')).toHaveLength(2);
    expect(w.log.filter((r) => r.status === 400).map((r) => r.query.get('officeIds'))).toEqual(['10,20']);
  });

  it('fails when the catalog it has just read is refused all the same', async () => {
    const listed = baseCatalog();
    const refused = { ...listed, relations: listed.relations.filter((r) => !(r.officeId === 20 && r.serviceId === 1)) };
    const w = await world({ catalog: listed });
    // A server that contradicts itself: offices-and-services lists a relation its calendar refuses.
    const handle = w.server.handle.bind(w.server);
    w.server.handle = (office, request) => {
      w.setCatalog(request.path.endsWith('offices-and-services/') ? listed : refused);
      return handle(office, request);
    };
    const result = await w.scrape(2);
    expect(result.ok ? 'ok' : [result.failure.kind, result.failure.status]).toEqual(['http-status', 400]);
    expect(asked(w, 'offices-and-services')).toHaveLength(1);
  });

  it('does not read offices without a scope or relations without a slot need', async () => {
    const catalog = baseCatalog();
    catalog.offices.find((o) => o.id === 20)!.scope = false;
    catalog.relations.find((r) => r.officeId === 10 && r.serviceId === 2)!.slots = 0;
    const w = await world({ catalog });
    expect(Object.keys(slotsOf(await w.scrape(2)))).toEqual(['10-1']);
  });

  it('reports maintenance (503 serviceUnavailable) as maintenance', async () => {
    const w = await world({ maintenance: () => true });
    const result = await w.scrape(2);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('maintenance');
  });

  it('refuses a record it cannot use with one sentence, before any request', async () => {
    const records: Record<string, string>[] = [{ services: '' }, { services: '1', burst: '500' }];
    for (const params of records) {
      const w = await world({ params });
      const result = await w.scrape(2);
      expect(result.ok ? 'ok' : result.failure.kind).toBe('unsupported');
      expect(result.ok ? '' : result.failure.message).toMatch(/^params\.\w+ must .+\.$/);
      expect(w.log).toHaveLength(0);
    }
  });
});
