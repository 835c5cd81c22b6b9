import { load } from 'cheerio/slim';
import { cityFromName } from './registry/city.js';
import { pageSystem } from './site-system.js';
import type { Site, SystemName } from './types.js';
import { zmsApiBase } from './zms-site.js';

/** A site record made from a pasted page (without its id: the caller picks one not yet taken). */
export interface RecognisedSite {
  ok: true;
  system: SystemName;
  /** tevis: which flow the page shows ('start' when the start page does not tell). */
  flow?: string;
  site: Omit<Site, 'id'>;
  /** A readable id made of the city: "Mülheim an der Ruhr" → `muelheim-an-der-ruhr`. */
  idHint: string;
  /** ZMS without service ids in the URL: the caller reads the catalog to choose them. */
  needsServices?: boolean;
}

/** A page office-watch cannot make a site of: what was found there, as one sentence's clause. */
export type Recognition = RecognisedSite | { ok: false; found: string };

/** The steps of the systems' flows: a pasted URL of any of them leads back to the site's base. */
const TEVIS_STEPS = /^(?:select2|location|suggest|calendar|confirm|done|booking|index\.php)$/i;
const NETAPPOINT_STEP_PARAMS = ['company', 'step', 'year', 'month', 'day', 'date', 'time', 'PHPSESSID'];

/**
 * Recognise the booking system of a page (any step of its flow) from its final URL and body, and derive the site
 * record the registry would hold: base URL, parameters, name and city. Pure.
 */
export function recogniseSite(pageUrl: string, body: string): Recognition {
  const url = new URL(pageUrl);
  const kind = pageSystem(pageUrl, body);
  const name = siteName(body) || url.hostname;
  const record = (system: SystemName, siteUrl: string, params?: Record<string, string>): Omit<Site, 'id'> => ({
    system,
    name,
    city: cityFromName(name),
    url: siteUrl,
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
  });
  const done = (system: SystemName, site: Omit<Site, 'id'>, extra: Partial<RecognisedSite> = {}): RecognisedSite => ({
    ok: true,
    system,
    site,
    idHint: idOf(site.city),
    ...extra,
  });
  switch (kind.system) {
    case 'tevis': {
      const segments = url.pathname.split('/').filter(Boolean);
      if (segments.length > 0 && TEVIS_STEPS.test(segments.at(-1)!)) segments.pop();
      return done('tevis', record('tevis', `${url.origin}${segments.map((s) => `/${s}`).join('')}`), {
        flow: kind.flow,
      });
    }
    case 'netappoint': {
      const company = url.searchParams.get('company');
      if (!company)
        return {
          ok: false,
          found: 'a netappoint page, but its URL names no company (paste the start page, …/index.php?company=…)',
        };
      const extra = new URLSearchParams([...url.searchParams].filter(([key]) => !NETAPPOINT_STEP_PARAMS.includes(key)));
      const base = url.pathname.replace(/\/index\.php$/i, '').replace(/\/+$/, '');
      return done(
        'netappoint',
        record('netappoint', `${url.origin}${base}`, {
          company,
          ...(extra.size > 0 ? { extra: extra.toString() } : {}),
        }),
      );
    }
    case 'tempus': {
      const number = url.searchParams.get('anlagennr') ?? url.searchParams.get('anr');
      if (!number)
        return {
          ok: false,
          found: 'a tempus page, but its URL names no anlagennr (paste the start page, index.php?anlagennr=…)',
        };
      const query = new URLSearchParams({ anlagennr: number });
      const application = url.searchParams.get('anwendung');
      if (application) query.set('anwendung', application);
      return done('tempus', record('tempus', `${url.origin}${url.pathname}?${query}`));
    }
    case 'etermin': {
      const segments = url.pathname.split('/').filter(Boolean);
      // www.etermin.net/{key}/…: the key is the first segment; elsewhere (a proxy, the simulator) the whole path.
      const path = /(^|\.)etermin\.net$/i.test(url.hostname) ? segments.slice(0, 1) : segments;
      if (path.length === 0)
        return {
          ok: false,
          found: 'the etermin.net home page, not a booking page (paste https://www.etermin.net/{key})',
        };
      return done('etermin', record('etermin', `${url.origin}/${path.join('/')}`));
    }
    case 'zms': {
      const base = zmsApiBase(pageUrl);
      if (!base)
        return {
          ok: false,
          found: 'a ZMS booking page, but not its citizen API (paste the URL ending in /api/citizen/ its page calls)',
        };
      const services = zmsServices(url);
      const site = record('zms', base, services ? { services } : undefined);
      if (!siteName(body)) Object.assign(site, { name: `Bürgerservice ${url.hostname}`, city: url.hostname });
      return done('zms', site, services ? {} : { needsServices: true });
    }
    case 'web-appoint':
      return {
        ok: false,
        found:
          'the Kahlert netappoint WEB_APPOINT front end (all months at once, times loaded by script),' +
          ' which office-watch cannot read',
      };
    default:
      return {
        ok: false,
        found: `no booking system office-watch knows${name !== url.hostname ? ` (the page is "${name}")` : ''}`,
      };
  }
}

/** ZMS service ids a URL carries: `?services=1,2` or a booking page's `#/services/1`. */
function zmsServices(url: URL): string | undefined {
  const listed = url.searchParams.get('services') ?? /\/services\/(\d[\d,]*)/.exec(url.hash)?.[1];
  return listed && /^\d+(,\d+)*$/.test(listed) ? listed : undefined;
}

/** The site's name from its title (or heading), without the booking words and the step: "Stadt Mülheim an der Ruhr". */
export function siteName(body: string): string {
  const $ = load(body.slice(0, 3_000_000));
  const candidates = [$('title').first().text(), $('#kopf h2').first().text(), $('h1').first().text()];
  for (const candidate of candidates) {
    const name = candidate
      .replace(/\s+/g, ' ')
      .replace(/\s*-?\s*Schritt \d.*$/i, '')
      .replace(/^(?:Online-)?(?:Terminvergabe|Terminvereinbarung|Termine|Terminbuchung)\b\s*(?:[-:–]\s*)?/i, '')
      .replace(/[\s\-–:|]+$/, '')
      .trim();
    if (name && !/^(?:Bitte|Schritt)\b/i.test(name)) return name.slice(0, 120);
  }
  return '';
}

/** An id of a city: German transliteration, then the slug ("Mülheim an der Ruhr" → muelheim-an-der-ruhr). */
export function idOf(text: string): string {
  const german: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };
  const slug = text
    .replace(/[äöüßÄÖÜ]/g, (c) => german[c]!)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0080-\uffff]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 48).replace(/-+$/, '') || 'site';
}
