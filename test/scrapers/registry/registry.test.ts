import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../scrapers/registry/build-registry.js';
import { cityFromName, cityOf, isSupported, loadRegistry, loadSitesFile } from '../../../scrapers/registry/registry.js';
import { SitesFileError } from '../../../scrapers/registry/sites-file-error.js';
import { sustainedRate } from '../../../scrapers/zms-pacer.js';
import { zmsSiteConfig } from '../../../scrapers/zms-site.js';
import { hasSharedData, sharedData } from '../../helpers/shared-data.js';

describe('the registry', () => {
  const sites = loadRegistry();

  it('holds the 221 published sources (219 over four systems, 2 unsupported) and München on ZMS', () => {
    expect(sites).toHaveLength(222);
    const counts: Record<string, number> = {};
    for (const site of sites) counts[site.system] = (counts[site.system] ?? 0) + 1;
    expect(counts).toEqual({ tevis: 82, tempus: 73, etermin: 42, netappoint: 22, custom: 2, zms: 1 });
    expect(
      sites
        .filter((site) => !isSupported(site))
        .map((site) => site.id)
        .sort(),
    ).toEqual(['impfthueringen', 'leipzig']);
    expect(new Set(sites.map((site) => site.id)).size).toBe(222);
    expect(sites.reduce((sum, site) => sum + (site.locations?.length ?? 0), 0)).toBe(3559);
  });

  it('gives each system the parameters its scraper needs', () => {
    for (const site of sites) {
      const url = new URL(site.url);
      expect(url.protocol, site.id).toBe('https:');
      if (site.system === 'netappoint') {
        expect(site.params?.company, site.id).toMatch(/^[\w-]+$/);
        expect(site.url, site.id).not.toMatch(/index\.php|\?|\/$/);
      }
      if (site.system === 'tempus') expect(url.searchParams.get('anlagennr'), site.id).toMatch(/^\d+$/);
      if (site.system === 'etermin') expect(url.host, site.id).toBe('www.etermin.net');
      if (site.system === 'tevis') expect(site.url, site.id).not.toMatch(/\/$/);
      if (site.system === 'zms') expect(sustainedRate(zmsSiteConfig(site).pacing), site.id).toBeLessThanOrEqual(0.5);
    }
    expect(sites.find((site) => site.id === 'muenchen-zms')).toEqual({
      id: 'muenchen-zms',
      system: 'zms',
      name: 'Landeshauptstadt München Bürgerservice',
      city: 'München',
      url: 'https://www48.muenchen.de/buergeransicht/api/citizen/',
      params: {
        services: '1063475,1063453,1063441',
        page: 'https://stadt.muenchen.de/buergerservice/terminvereinbarung.html',
      },
    });
    const bonn = sites.find((site) => site.id === 'bonn')!;
    expect(bonn).toMatchObject({
      url: 'https://onlinetermine.bonn.de',
      params: { company: 'stadtbonn' },
      insecureTls: true,
      city: 'Bonn',
    });
    expect(sites.find((site) => site.id === 'braunschweig')!.url).toBe('https://otr.braunschweig.de/netappoint');
    expect(sites.find((site) => site.id === 'essen')!.url).toBe(
      'https://meintermin.essen.de/termine/index.php?anlagennr=21&anwendung=332',
    );
    expect(sites.find((site) => site.id === 'fulda')!.url).toBe('https://termine-reservieren.de/termine/fulda');
    expect(sites.find((site) => site.id === 'bonn')!.locations).toEqual([
      { id: 'fuhrerscheinwesen', name: 'Führerscheinwesen' },
      { id: 'kfz-zulassungswesen', name: 'Kfz-Zulassungswesen' },
      { id: 'meldewesen', name: 'Meldewesen' },
    ]);
  });

  it.runIf(hasSharedData('metadata.json'))('is what build-registry makes of metadata.json', () => {
    const metadata = JSON.parse(readFileSync(sharedData('metadata.json')!, 'utf8'));
    expect(buildRegistry(metadata)).toEqual(sites);
  });

  it('groups every source under a city', () => {
    for (const site of sites) expect(site.city.length, site.id).toBeGreaterThan(1);
    const cities = new Set(sites.map((site) => site.city));
    expect(cities.size).toBeGreaterThan(150);
    const byCity = (city: string) =>
      sites
        .filter((site) => site.city === city)
        .map((site) => site.id)
        .sort();
    expect(byCity('Bonn')).toEqual(['bonn', 'bonnbau', 'bonnjob']);
    expect(byCity('Essen')).toEqual(['essen', 'essenborbeckkfz', 'essenfa', 'essenkfz', 'essensoze', 'essensozw']);
    expect(byCity('Frankfurt')).toEqual(['frankfurt', 'frankfurtba']);
  });
});

describe('city from a source name', () => {
  it.each([
    ['Stadt Bonn', 'Bonn'],
    ['Stadt Bad Waldsee', 'Bad Waldsee'],
    ['Stadt Bielefeld Ausländerbehörde', 'Bielefeld'],
    ['Stadt Bochum Büro für Kfz-Angelegenheiten', 'Bochum'],
    ['Stadt Mülheim an der Ruhr', 'Mülheim an der Ruhr'],
    ['Stadt Mannheim Fachbereich Sicherheit und Ordnung', 'Mannheim'],
    ['Stadt Bremen / Bremerhaven', 'Bremen'],
    ['Stadt Stadtbergen', 'Stadtbergen'],
    ['Stadt Koeln', 'Köln'],
    ['Stadt Frankfurt am Main Bürgeramt', 'Frankfurt'],
    ['Hansestadt Wismar', 'Wismar'],
    ['Gemeinde Nußloch', 'Nußloch'],
    ['Landkreis Cochem-Zell', 'Cochem-Zell'],
    ['Landkreis Breisgau-Hochschwarzwald Kfz-Zulassungsbehörde', 'Breisgau-Hochschwarzwald'],
    ['Kreis Herford Straßenverkehrsamt', 'Herford'],
    ['Kreis Unna Kfz', 'Unna'],
    ['Landratsamt Dachau', 'Dachau'],
    ['Magistrat der Stadt Butzbach', 'Butzbach'],
    ['Verbandsgemeindeverwaltung Daun', 'Daun'],
    ['Amt Kluetzer Winkel', 'Klützer Winkel'],
    ['Städteregion Aachen', 'Aachen'],
    ['Stadtwerke Geldern Netz', 'Geldern'],
    ['Jobcenter Bonn', 'Bonn'],
    ['Zulassungsstelle Leverkusen', 'Leverkusen'],
    ['Kiel Einwohnermeldeamt', 'Kiel'],
    ['SARS-CoV-2 Testzentrum der Stadt Fürth', 'Fürth'],
    ['BürgerInnenamt Stadt Graz', 'Graz'],
    ['Corona-Testcenter Hersfeld-Rotenburg', 'Hersfeld-Rotenburg'],
    ['Kfz.-Zulassungs- u. Fahrerlaubnisbehörde Essen-Borbeck', 'Essen'],
    ['Bauhaus-Universität Weimar Erdgeschoss Raum 002', 'Weimar'],
    ['Straßenverkehrsamt Oberbergischer Kreis', 'Oberbergischer Kreis'],
    ['Rheingau-Taunus-Kreis', 'Rheingau-Taunus-Kreis'],
    ['Hochsauerlandkreis', 'Hochsauerlandkreis'],
    ['Ostfildern', 'Ostfildern'],
    ['Stadt Blankenburg (Harz)', 'Blankenburg (Harz)'],
  ])('%s → %s', (name, city) => {
    expect(cityFromName(name)).toBe(city);
  });

  it('prefers a city given outright', () => {
    expect(cityOf({ name: 'Stadt Bonn', city: 'Beuel' })).toBe('Beuel');
    expect(cityOf({ name: 'Stadt Bonn', city: ' ' })).toBe('Bonn');
  });
});

describe('a sites file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-watch-sites-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const problem = (path: string): string => {
    try {
      loadSitesFile(path);
    } catch (error) {
      expect(error).toBeInstanceOf(SitesFileError);
      expect((error as SitesFileError).code).toMatch(/^SITES_FILE_/);
      const message = (error as Error).message;
      expect(message).toContain(path);
      expect(message).not.toContain('\n');
      return message;
    }
    throw new Error('no error');
  };

  it('loads the registry format, deriving missing cities', () => {
    const path = file(
      'ok.json',
      JSON.stringify([
        { id: 'mine', system: 'tevis', name: 'Stadt Jena', url: 'https://tevis-bs.jena.de', minIntervalMinutes: 30 },
      ]),
    );
    expect(loadSitesFile(path)).toEqual([
      {
        id: 'mine',
        system: 'tevis',
        name: 'Stadt Jena',
        city: 'Jena',
        url: 'https://tevis-bs.jena.de',
        minIntervalMinutes: 30,
      },
    ]);
  });

  it('accepts the output of list --json (the registry itself)', () => {
    const path = file('registry.json', JSON.stringify(loadRegistry()));
    expect(loadSitesFile(path)).toEqual(loadRegistry());
  });

  it.each([
    ['missing.json', undefined, /does not exist/],
    ['bad.json', '{ nope', /is not valid JSON/],
    ['object.json', '{"id": "a"}', /must hold a JSON array/],
    ['empty.json', '[]', /lists no sites/],
    ['nourl.json', '[{"id":"a","system":"tevis","name":"A"}]', /entry 1 \("a"\) without a "url"/],
    ['badid.json', '[{"id":"../x","system":"tevis","name":"A","url":"https://a"}]', /entry 1 without a valid "id"/],
    [
      'dup.json',
      '[{"id":"a","system":"tevis","name":"A","url":"https://a"},' +
        '{"id":"a","system":"tevis","name":"A","url":"https://a"}]',
      /lists the id "a" twice/,
    ],
    ['ftp.json', '[{"id":"a","system":"tevis","name":"A","url":"ftp://a"}]', /url is not an http\(s\) URL/],
    [
      'tls.json',
      '[{"id":"a","system":"tevis","name":"A","url":"https://a","insecureTls":"yes"}]',
      /"insecureTls" is not true or false/,
    ],
    [
      'params.json',
      '[{"id":"a","system":"netappoint","name":"A","url":"https://a","params":{"company":1}}]',
      /"params" is not an object of strings/,
    ],
  ])('%s: one sentence naming the file and the problem', (name, text, expected) => {
    const path = text === undefined ? join(dir, name) : file(name, text);
    expect(problem(path)).toMatch(expected);
  });
});
