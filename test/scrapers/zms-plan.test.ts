import { describe, expect, it } from 'vitest';
import { DEFAULT_PACING, sustainedRate } from '../../scrapers/zms-pacer.js';
import type { ZmsCatalog, ZmsOffice } from '../../scrapers/zms-parse.js';
import { planScrape } from '../../scrapers/zms-plan.js';
import { looksLikeZms, zmsApiBase, zmsSiteConfig } from '../../scrapers/zms-site.js';

const office = (id: number, more: Partial<ZmsOffice> = {}): ZmsOffice => ({
  id,
  name: `Amt ${id}`,
  scope: true,
  captcha: false,
  peers: [],
  ...more,
});

const CATALOG: ZmsCatalog = {
  offices: [
    office(30),
    office(10, { peers: [20] }),
    office(20),
    office(40, { captcha: true }),
    office(50, { scope: false }),
  ],
  services: [
    { id: 1, name: 'Anmelden' },
    { id: 2, name: 'Reisepass' },
  ],
  relations: [
    ...[30, 10, 20, 40, 50].map((officeId) => ({ officeId, serviceId: 1, slots: 1 })),
    { officeId: 30, serviceId: 2, slots: 0 },
    { officeId: 10, serviceId: 2, slots: 2 },
    { officeId: 99, serviceId: 2, slots: 1 },
    { officeId: 10, serviceId: 3, slots: 1 },
  ],
};

describe('zms plan', () => {
  it('reads office × service where the office has a scope and the relation a slot need, by office then service', () => {
    const plan = planScrape(CATALOG, [2, 1, 3]);
    expect(plan.pairs.map((p) => [p.locationId, p.name])).toEqual([
      ['30-1', 'Amt 30 / Anmelden'],
      ['10-2', 'Amt 10 / Reisepass'],
      ['10-1', 'Amt 10 / Anmelden'],
      ['20-1', 'Amt 20 / Anmelden'],
    ]);
    expect(plan.gated.map((o) => o.id)).toEqual([40]);
  });

  it('asks all offices of a service at once, but never two that share their bookings', () => {
    expect(planScrape(CATALOG, [1, 2]).groups).toEqual([
      { serviceId: 1, officeIds: [30, 10] },
      { serviceId: 1, officeIds: [20] },
      { serviceId: 2, officeIds: [10] },
    ]);
  });
});

describe('zms site records', () => {
  it('takes the API base, the services and the pacing; the default pacing is ≤ 0.5 requests/s', () => {
    const site = {
      url: 'https://www48.muenchen.de/buergeransicht/api/citizen/offices-and-services/',
      params: { services: '1063475, 1063453' },
    };
    expect(zmsSiteConfig(site)).toEqual({
      base: 'https://www48.muenchen.de/buergeransicht/api/citizen/',
      services: [1063475, 1063453],
      pacing: DEFAULT_PACING,
    });
    expect(sustainedRate(DEFAULT_PACING)).toBeLessThanOrEqual(0.5);
    expect(DEFAULT_PACING.burst).toBeLessThan(60);
    expect(DEFAULT_PACING.pauseMs).toBeGreaterThan(60_000);
  });

  it.each([
    [
      { url: 'https://www48.muenchen.de/buergeransicht/api/backend/', params: { services: '1' } },
      /api\/backend\/ is an old alias/,
    ],
    [
      { url: 'https://stadt.muenchen.de/buergerservice/terminvereinbarung.html', params: { services: '1' } },
      /citizen API base/,
    ],
    [{ url: 'https://x.de/api/citizen/', params: {} }, /params\.services/],
    [{ url: 'https://x.de/api/citizen/', params: { services: '1,abc' } }, /params\.services/],
    [
      { url: 'https://x.de/api/citizen/', params: { services: '1', burst: '61' } },
      /params\.burst must be a whole number from 1 to 60/,
    ],
    [{ url: 'https://x.de/api/citizen/', params: { services: '1', pauseMs: '-1' } }, /params\.pauseMs/],
  ])('refuses %j with one sentence', (site, message) => {
    expect(() => zmsSiteConfig(site)).toThrow(message);
  });

  it('recognises ZMS by URL or answer (for sites add)', () => {
    expect(looksLikeZms('https://www48.muenchen.de/buergeransicht/api/citizen/available-calendar/')).toBe(true);
    expect(
      looksLikeZms(
        'https://stadt.muenchen.de/buergerservice/terminvereinbarung.html#/services/1063475/locations/10489',
      ),
    ).toBe(true);
    expect(looksLikeZms('https://zms-demo.muenchen.de/buergeransicht/')).toBe(true);
    expect(looksLikeZms('https://www48.muenchen.de/buergeransicht/api/backend/available-days')).toBe(true);
    expect(looksLikeZms('https://termine.bonn.de/netappoint/index.php?company=stadtbonn')).toBe(false);
    expect(
      looksLikeZms('https://example.org/termine', '<script type="module" src="/assets/zmscitizenview.js"></script>'),
    ).toBe(true);
    expect(looksLikeZms('https://example.org/x', '{"offices":[],"services":[],"relations":[]}')).toBe(true);
    expect(
      looksLikeZms(
        'https://example.org/x',
        JSON.stringify({
          errors: [{ errorCode: 'notFound', statusCode: 404, errorMessage: 'Endpoint not found.', errorType: 'error' }],
        }),
      ),
    ).toBe(true);
    expect(looksLikeZms('https://example.org/x', '{"success":true,"data":[]}')).toBe(false);
    expect(looksLikeZms('not a url', 'plain text')).toBe(false);
    expect(zmsApiBase('https://h.de/terminvereinbarung/api/citizen')).toBe(
      'https://h.de/terminvereinbarung/api/citizen/',
    );
  });
});
