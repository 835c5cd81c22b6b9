import { sanitize } from '../sanitize.js';
import { fit } from './fit.js';

/**
 * A link from a site, sanitized and made to fit `width` cells: whole if it fits, else without its scheme, else its
 * host and the end of its path around an ellipsis ("termine.example.de/…/bonn/termine"), so that both the site and
 * the page stay recognisable.
 */
export function shortUrl(url: string, width: number): string {
  const clean = sanitize(url, 2000);
  if ([...clean].length <= width) return clean;
  const bare = clean.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const chars = [...bare];
  if (chars.length <= width) return bare;
  const slash = bare.indexOf('/');
  const host = slash < 0 ? bare : bare.slice(0, slash);
  const tail = width - [...host].length - 2;
  if (slash < 0 || tail < 6) return fit(bare, width).trimEnd();
  return `${host}/…${chars.slice(chars.length - tail).join('')}`;
}
