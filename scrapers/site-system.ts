import { load, type CheerioAPI } from 'cheerio/slim';
import { looksLikeZms } from './zms-site.js';

/**
 * What a booking page shows itself to be: a system office-watch reads, one it recognises but cannot, or nothing known.
 */
export type PageSystem =
  | { system: 'tevis'; flow: 'wizard' | 'classic' | 'start' }
  | { system: 'netappoint' | 'etermin' | 'tempus' | 'zms' }
  | { system: 'web-appoint' }
  | { system: 'unknown' };

const hostOf = (url: URL): string => url.hostname.toLowerCase();

/** The system of a page from its URL and markup (pure; any step of a booking flow). */
export function pageSystem(pageUrl: string, body: string): PageSystem {
  const url = new URL(pageUrl);
  if (looksLikeZms(pageUrl, body)) return { system: 'zms' };
  const $ = load(body.slice(0, 3_000_000));
  const text = body.slice(0, 3_000_000);
  if (isWebAppoint($)) return { system: 'web-appoint' };
  if ($('ul.nat_casetypelist, form[name=frm_casetype], #nat_container, table.nat_calendar').length > 0) {
    return { system: 'netappoint' };
  }
  const tevis = tevisFlow($, text);
  if (tevis) return { system: 'tevis', flow: tevis };
  if (/(^|\.)tempus-termine\.com$/.test(hostOf(url)) || isTempus($)) return { system: 'tempus' };
  if (
    /(^|\.)etermin\.net$/.test(hostOf(url)) ||
    /\betermin\b/i.test($('head').html() ?? '') ||
    /powered by etermin/i.test(text)
  ) {
    return { system: 'etermin' };
  }
  return { system: 'unknown' };
}

/** The Kahlert WEB_APPOINT front end (München's Ausländerbehörde): all months at once, times loaded by script. */
function isWebAppoint($: CheerioAPI): boolean {
  const markers =
    'div.htmlCalendarMonth, .WEB_APPOINT_TIMELIST, .WEB_APPOINT_FORWARDBUTTON, .WEB_APPOINT_LOCATION_HEADLINE';
  return $(`${markers}, select[name^="CASETYPES["], a[href*="locationList.showTimeList"]`).length > 0;
}

/** The tevis wizard (Schritt N von 6: select2, location, suggest), the older calendar flow, or its start page. */
function tevisFlow($: CheerioAPI, text: string): 'wizard' | 'classic' | 'start' | undefined {
  if ($('form#cnc-select-form, form.suggestion_form, input[name=select_location]').length > 0) return 'wizard';
  const older = $('#caldiv, form.cnc-form, form[action$="calendar"] input.cnc-item').length > 0;
  if (older || /window\.tevis\s*=/.test(text)) return 'classic';
  const steps = /Schritt\s*(?:<[^>]*>\s*)*\d\s*(?:<[^>]*>\s*)*von\s*6/i.test(text);
  if (steps && $('a[href*="select2?md="]').length > 0) return 'start';
  if (steps && /data-tevis-|TVWebSession|tevis/i.test(text)) return 'wizard';
  // A deep link without the session cookie: tevis' own error page ("Kein gültiger Mandant gefunden").
  if (/Kein gültiger Mandant/i.test(text)) return 'start';
  return undefined;
}

/** tempus: the Anliegen selects (`anliegen_…`) of its form, or its links carrying `anlagennr`/`anr`. */
function isTempus($: CheerioAPI): boolean {
  return $('form#formular select[name^="anliegen_"], a[href*="anlagennr="]').length > 0;
}
