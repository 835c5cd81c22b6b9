import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recogniseSite, siteName } from '../../scrapers/site-recognise.js';
import { startDemo, type Demo, type DemoSite } from '../../scrapers/simulator/demo.js';
import { startSystemServer } from '../../scrapers/simulator/http-host.js';
import { netappointServer } from '../../scrapers/simulator/netappoint-server.js';
import { fixedOffice } from '../helpers/fixed-office.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

const real = (name: string): string => readFileSync(sharedData(`pages/${name}`) ?? '', 'utf8');
const MUELHEIM = 'https://terminvergabe.muelheim-ruhr.de';
const AACHEN = 'https://termine.staedteregion-aachen.de/auslaenderamt';

describe.runIf(hasSharedData('pages/tevis/muelheim-auslaenderamt-select2-2026-07-21.html'))('the real pages', () => {
  it.each([
    ['tevis/muelheim-auslaenderamt-select2-2026-07-21.html', `${MUELHEIM}/select2?md=5`],
    ['tevis/muelheim-suggest-slots-2026-07-22T1233.html', `${MUELHEIM}/suggest`],
  ])('Mülheim %s is the tevis wizard of Mülheim an der Ruhr', (page, url) => {
    const found = recogniseSite(url, real(page));
    expect(found).toMatchObject({ ok: true, system: 'tevis', flow: 'wizard', idHint: 'muelheim-an-der-ruhr' });
    if (!found.ok) return;
    expect(found.site).toEqual({
      system: 'tevis',
      name: 'Stadt Mülheim an der Ruhr',
      city: 'Mülheim an der Ruhr',
      url: MUELHEIM,
    });
  });

  it.each([
    ['tevis/aachen-abh-select2-md1-2025-07.html', `${AACHEN}/select2?md=1`],
    ['tevis/aachen-abh-select2-md1-2025-06.html', `${AACHEN}/select2?md=1`],
    ['tevis/aachen-abh-location-2025-07.html', `${AACHEN}/location?mdt=95&select_cnc=1&cnc-344=1`],
    ['tevis/aachen-abh-suggest-noslots-2025-07.html', `${AACHEN}/suggest`],
    ['tevis/aachen-abh-suggest-slots-2025-10-03.html', `${AACHEN}/suggest`],
  ])('Aachen %s leads back to the site base', (page, url) => {
    const found = recogniseSite(url, real(page));
    expect(found).toMatchObject({ ok: true, system: 'tevis', flow: 'wizard', idHint: 'aachen' });
    if (found.ok)
      expect(found.site).toMatchObject({ url: AACHEN, city: 'Aachen', name: 'Städteregion Aachen - Ausländerbehörde' });
  });

  it('names the WEB_APPOINT front end of München as found, not readable', () => {
    const found = recogniseSite(
      'https://www46.muenchen.de/view-abh/termin/index.php',
      real('netappoint/muenchen-abh-calendar-fragment-2023-10.html'),
    );
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.found).toMatch(/WEB_APPOINT.*cannot read/);
  });
});

describe('pages of no known system', () => {
  it('says what the page is', () => {
    const found = recogniseSite(
      'https://example.org/termine',
      '<html><head><title>Stadt Irgendwo - Termine</title></head><body>Hallo</body></html>',
    );
    expect(found).toEqual({
      ok: false,
      found: 'no booking system office-watch knows (the page is "Stadt Irgendwo - Termine")',
    });
  });

  it('strips the booking words and the step from titles', () => {
    expect(siteName('<title>Terminvereinbarung Stadt Bonn</title>')).toBe('Stadt Bonn');
    expect(siteName('<title>Stadt Kassel - Schritt 1 von 6: Auswahl</title>')).toBe('Stadt Kassel');
  });
});

describe('the simulated systems', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ port: 0, seed: 1, speed: 60 });
  });
  afterAll(() => demo?.close());

  const startUrl = (site: DemoSite): string => {
    if (site.system === 'tevis') return `${site.url}/`;
    if (site.system !== 'netappoint') return site.url;
    const extra = site.params?.extra ? `&${site.params.extra}` : '';
    return `${site.url}/index.php?company=${site.params!.company}${extra}`;
  };
  /** The page as a browser gets it: the simulated offices fail now and then (5xx), so a few tries. */
  const body = async (url: string, cookie = ''): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, { headers: { cookie } });
      if (response.status < 500 || attempt === 5) return response.text();
    }
  };
  const cookieOf = async (url: string): Promise<string> =>
    (await fetch(url)).headers.get('set-cookie')?.split(';')[0] ?? '';

  it('derive from each start page the record the simulator serves', async () => {
    let recognised = 0;
    for (const site of demo.sites) {
      // The demo keeps one office down (HTTP 500) on purpose: no page to recognise there.
      if ((await fetch(startUrl(site))).status >= 500 && (await fetch(startUrl(site))).status >= 500) continue;
      recognised++;
      const found = recogniseSite(startUrl(site), await body(startUrl(site)));
      expect(found, site.id).toMatchObject({ ok: true, system: site.system });
      if (!found.ok) continue;
      expect(found.site.url, site.id).toBe(site.url);
      if (site.system === 'zms') expect(found.needsServices).toBe(true);
      else expect(found.site.params ?? {}, site.id).toEqual(site.params ?? {});
      if (site.system !== 'zms') expect(found.site.name, site.id).toBe(site.name);
    }
    expect(recognised).toBeGreaterThanOrEqual(demo.sites.length - 1);
  });

  // (Darmstadt is the demo's office that is always down.)
  it('lead from a later step back to the site (tevis select2, tempus auswahl)', async () => {
    for (const site of demo.sites.filter((s) => s.system === 'tevis' && s.id !== 'darmstadt')) {
      const cookie = await cookieOf(`${site.url}/`);
      const found = recogniseSite(`${site.url}/select2?md=1`, await body(`${site.url}/select2?md=1`, cookie));
      expect(found, site.id).toMatchObject({ ok: true, system: 'tevis', site: { url: site.url } });
      expect(found.ok && found.flow, site.id).toBe(
        site.id === 'frankfurt' || site.id === 'offenbach' ? 'wizard' : 'classic',
      );
    }
    const deep = demo.sites.find((s) => s.id === 'frankfurt')!;
    const refused = await body(`${deep.url}/select2?md=1`);
    expect(refused).toContain('Kein gültiger Mandant');
    expect(recogniseSite(`${deep.url}/select2?md=1`, refused)).toMatchObject({ ok: true, site: { url: deep.url } });
    const tempus = demo.sites.find((s) => s.id === 'leipzig')!;
    const later = `${tempus.url.replace('anlagennr=', 'anr=')}&page=auswahl`;
    expect(recogniseSite(later, await body(tempus.url))).toMatchObject({ ok: true, site: { url: tempus.url } });
  });

  it('recognise the simulated WEB_APPOINT variant and refuse it', async () => {
    const office = fixedOffice({
      sourceId: 'muc',
      system: 'netappoint',
      now: new Date(),
      locations: [{ id: 'a', name: 'Ausländerbehörde', slots: [] }],
    });
    const system = netappointServer([office], { variant: () => ({ frontEnd: 'web-appoint' }) });
    const server = await startSystemServer(system);
    try {
      const company = system.siteParams?.(office)?.company ?? '';
      const url = `${system.siteUrl(server.origin, office)}/index.php?company=${company}`;
      const found = recogniseSite(url, await body(url));
      expect(found).toMatchObject({ ok: false, found: expect.stringContaining('WEB_APPOINT') });
    } finally {
      await server.close();
    }
  });
});
