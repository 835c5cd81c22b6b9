import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedData } from './shared-data.js';

const real = (name: string): string => readFileSync(sharedData(`pages/tevis/${name}`) ?? '', 'utf8');

export interface RealTevisSite {
  origin: string;
  /** The requests the site saw: method and path. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * Mülheim's real wizard pages served on 127.0.0.1 as the wizard asks for them: a start page (the one page not
 * captured: a link to select2), the real select2 page (49 services), the one real location page for every service,
 * its POST answered with a redirect to suggest, and there the real 12:33 capture for "Auflagenänderung" (cnc-2817),
 * "no free time" for the others. The captured day (2026-07-23) is moved to `day` so that it lies ahead of today.
 */
export async function serveRealMuelheim(day: string): Promise<RealTevisSite> {
  const [y, m, d] = day.split('-');
  const moved = (html: string) =>
    html.replaceAll('20260723', `${y}${m}${d}`).replaceAll('23.07.2026', `${d}.${m}.${y}`);
  const hits: string[] = [];
  let chosen = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    hits.push(`${req.method} ${url.pathname}`);
    const send = (html: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (url.pathname === '/') return send('<html><body><a href="select2?md=1">Ausländeramt</a></body></html>');
    if (url.pathname === '/select2') return send(real('muelheim-auslaenderamt-select2-2026-07-21.html'));
    if (url.pathname === '/location' && req.method === 'POST') {
      chosen = [...url.searchParams.keys()].find((key) => key.startsWith('cnc-')) ?? '';
      return res.writeHead(303, { location: 'suggest' }).end();
    }
    if (url.pathname === '/location') return send(real('aachen-abh-location-2025-07.html'));
    if (url.pathname === '/suggest' && chosen === 'cnc-2817' && !url.searchParams.has('filter_date_from')) {
      return send(moved(real('muelheim-suggest-slots-2026-07-22T1233.html')));
    }
    if (url.pathname === '/suggest') return send(real('aachen-abh-suggest-noslots-2025-07.html'));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
