import type { FaultKind, SimOffice, SimResponse } from './types.js';

/** An error page served with status 200, as overloaded sites and proxies do. */
const ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Fehler</h1>' +
  '<p>Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.</p></body></html>';
/** JSON where a page belongs: an API answer without a word of error in it. */
const JSON_ANSWER = '{"success":true,"data":[]}';
/** HTML where JSON belongs: the shell of a single-page app. */
const APP_SHELL =
  '<!DOCTYPE html><html><head><title>Online-Terminbuchung</title></head>' +
  '<body><div id="root"></div><script src="/static/main.js"></script></body></html>';

/**
 * What a hostile site puts around a name: CSI, OSC 8 hyperlink, OSC 52 clipboard, C0/C1 controls, bidi, then 10,000
 * characters.
 */
const HOSTILE_BEFORE = '\u001b[2J\u001b[31m\u001b]8;;https://evil.example/\u0007';
const HOSTILE_AFTER =
  '\u001b]8;;\u0007\u001b]52;c;ZWNobyBvd25lZA==\u0007\u009b31m\u0007\b\u000b\u007f\u0085 ' +
  `\u202eeviL\u202c \u2066iso\u2069\u200f\u001b[0m ${'Sehr langer Name '.repeat(589).slice(0, 10_000)}`;

const isJson = (response: SimResponse): boolean => (response.contentType ?? 'text/html').includes('json');

/** The answer a body-replacing fault gives instead of `response` (others leave it alone). */
export function replaceBody(fault: FaultKind, office: SimOffice, response: SimResponse): SimResponse {
  switch (fault) {
    case 'error-200':
      return { body: ERROR_PAGE, contentType: 'text/html' };
    case 'json-for-html':
      return isJson(response) ? response : { ...response, body: JSON_ANSWER, contentType: 'application/json' };
    case 'html-for-json':
      return isJson(response) ? { ...response, body: APP_SHELL, contentType: 'text/html' } : response;
    case 'hostile-names':
      return { ...response, body: hostileNames(office, response) };
    default:
      return response;
  }
}

/**
 * Every office and location name in the text of the answer (never in tags or attributes: forms must still work) made
 * hostile.
 */
function hostileNames(office: SimOffice, response: SimResponse): string {
  const names = [...new Set([office.name, ...office.locations.map((l) => l.name.trim())])]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (isJson(response)) {
    const quoted = (text: string) => JSON.stringify(text).slice(1, -1);
    return replaceAll(
      response.body,
      names.map(quoted),
      (name) => quoted(HOSTILE_BEFORE) + name + quoted(HOSTILE_AFTER),
    );
  }
  const escaped = names.map((name) => name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return response.body.replace(
    />([^<]+)</g,
    (_, text: string) => `>${replaceAll(text, escaped, (name) => HOSTILE_BEFORE + name + HOSTILE_AFTER)}<`,
  );
}

function replaceAll(text: string, needles: string[], by: (needle: string) => string): string {
  if (needles.length === 0) return text;
  const pattern = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, by);
}

/** windows-1252 bytes 0x80–0x9f; the five it leaves undefined stay their C1 code points (as WHATWG decodes them). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const META_CHARSET = /<meta[^>]*charset[^>]*>/gi;

/**
 * The bytes and content type of an answer: UTF-8, Latin-1, or windows-1252 declared in the header, a meta tag, or
 * nowhere.
 */
export function encodeBody(response: SimResponse, fault: FaultKind | undefined): { contentType: string; body: Buffer } {
  const type = response.contentType ?? 'text/html';
  const json = type.includes('json');
  if (fault === 'latin1')
    return { contentType: `${type}; charset=ISO-8859-1`, body: encodeSingleByte(response.body, '', json) };
  if (fault !== 'cp1252' && fault !== 'cp1252-meta' && fault !== 'cp1252-bare')
    return { contentType: `${type}; charset=utf-8`, body: Buffer.from(response.body) };
  let text = response.body.replace(META_CHARSET, '');
  if (fault === 'cp1252-meta' && !json) {
    const head = /<head[^>]*>/i.exec(text);
    const at = head ? head.index + head[0].length : 0;
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">';
    text = `${text.slice(0, at)}${meta}${text.slice(at)}`;
  }
  return {
    contentType: fault === 'cp1252' ? `${type}; charset=windows-1252` : type,
    body: encodeSingleByte(text, CP1252_HIGH, json),
  };
}

/**
 * Encode as Latin-1 (`high` empty) or windows-1252 (`high` its bytes 0x80–0x9f). What the charset cannot hold
 * becomes what a site would write instead: a character reference in HTML, a \u escape in JSON (names are in strings).
 */
export function encodeSingleByte(text: string, high: string, json: boolean): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const at = unit > 0xff ? high.indexOf(text.charAt(i)) : -1;
    if (unit < 0x80 || (unit >= 0xa0 && unit <= 0xff) || (unit <= 0x9f && high === '')) bytes.push(unit);
    else if (at >= 0) bytes.push(0x80 + at);
    else if (json) bytes.push(...Buffer.from(`\\u${unit.toString(16).padStart(4, '0')}`));
    else {
      const code = text.codePointAt(i) ?? unit;
      if (code > 0xffff) i++;
      bytes.push(...Buffer.from(`&#${code};`));
    }
  }
  return Buffer.from(bytes);
}
