import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Site, SystemName } from '../types.js';

/** Sites of the demo world that changed the way real ones do, with the status a check should find for each. */
export interface ChangedSites {
  sites: (Site & { expected: 'moved' | 'failing' })[];
  close(): Promise<void>;
}

const listen = async (server: http.Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/**
 * Beside the demo's servers (`origins`), sites that changed:
 * - `umzug`: answers every request with a 301 to another host (localhost instead of 127.0.0.1) where Offenbach's
 *   tevis site lives now;
 * - `wechsel`: recorded as tempus, its page is now the tevis wizard's (Frankfurt): the system changed;
 * - `verschwunden`: its host name no longer exists (`.invalid`);
 * - `abgeschaltet`: its server refuses connections.
 */
export async function startChangedSites(origins: Record<SystemName, string>): Promise<ChangedSites> {
  const newHome = origins.tevis.replace('127.0.0.1', 'localhost');
  const mover = http.createServer((req, res) => {
    const rest = (req.url ?? '/').replace(/^\/tevis\/umzug/, '');
    res.writeHead(301, { location: `${newHome}/tevis/offenbach3${rest}` }).end();
  });
  const moverPort = await listen(mover);
  // A port just given back: nothing listens there, connections are refused.
  const closed = http.createServer();
  const closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  const site = (id: string, system: SystemName, name: string, url: string, expected: 'moved' | 'failing') => ({
    id,
    system,
    name,
    city: name.replace(/^Stadt /, ''),
    url,
    expected,
  });
  return {
    sites: [
      site('umzug', 'tevis', 'Stadt Umzug', `http://127.0.0.1:${moverPort}/tevis/umzug`, 'moved'),
      site('wechsel', 'tempus', 'Stadt Wechsel', `${origins.tevis}/tevis/frankfurt0/`, 'moved'),
      site('verschwunden', 'tevis', 'Stadt Verschwunden', 'http://termine.verschwunden.invalid/tevis', 'failing'),
      site(
        'abgeschaltet',
        'netappoint',
        'Stadt Abgeschaltet',
        `http://127.0.0.1:${closedPort}/netappoint/termine`,
        'failing',
      ),
    ].map((s) => (s.system === 'netappoint' ? { ...s, params: { company: 'abgeschaltet' } } : s)),
    close: () => new Promise((resolve) => mover.close(() => resolve())),
  };
}
