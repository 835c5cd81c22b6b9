import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeBody, replaceBody } from './hostile-faults.js';
import { HUGE_BODY_BYTES, gzipBomb, redirectLoop, streamFiller } from './stream-faults.js';
import type { FaultKind, SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Bytes written so far by the endless-body and huge-body faults (how much a capped client let through). */
  readonly streamedBytes: number;
  close(): Promise<void>;
}

/** Serve one booking system on 127.0.0.1, applying each office's injected fault. */
export async function startSystemServer(system: SystemServer, port = 0): Promise<RunningServer> {
  const held = new Set<http.ServerResponse>();
  let streamed = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = toSimRequest(req, Buffer.concat(chunks).toString('utf8'));
      const office = system.route(request);
      if (!office) return send(res, { status: 404, body: 'Not Found' });
      const fault = office.fault;
      if (fault === 'timeout') return void held.add(res);
      if (fault === 'endless-body' || fault === 'huge-body')
        return streamFiller(res, fault === 'huge-body' ? HUGE_BODY_BYTES : Infinity, held, (n) => void (streamed += n));
      if (fault === 'gzip-bomb') return gzipBomb(res);
      if (fault === 'redirect-loop') return redirectLoop(res, req.url ?? '/');
      const response = fault
        ? injectFault(fault, office, () => system.handle(office, request))
        : system.handle(office, request);
      if (fault === 'slow-drip') return drip(res, response, held);
      send(res, response, fault);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    get streamedBytes() {
      return streamed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toSimRequest(req: http.IncomingMessage, body: string): SimRequest {
  const url = new URL(req.url ?? '/', 'http://sim');
  const cookies: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const request: SimRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    form: new URLSearchParams(body),
    headers: req.headers,
    cookies,
  };
  if (req.socket.remoteAddress) request.remoteAddress = req.socket.remoteAddress;
  return request;
}

const CAPTCHA_PAGE =
  '<html><body><h1>Sicherheitsabfrage</h1><div class="g-recaptcha" data-sitekey="x"></div>' +
  '<p>Bitte bestätigen Sie, dass Sie kein Roboter sind (Captcha).</p></body></html>';
const MAINTENANCE_PAGE =
  '<html><body><h1>Wartungsarbeiten</h1>' +
  '<p>Aufgrund von Wartungsarbeiten ist die Terminvereinbarung vorübergehend nicht verfügbar.</p></body></html>';

function injectFault(fault: FaultKind, office: SimOffice, handle: () => SimResponse): SimResponse {
  switch (fault) {
    case 'http-500':
      return { status: 500, body: '<html><body>Internal Server Error</body></html>' };
    case 'captcha':
      return { body: CAPTCHA_PAGE };
    case 'maintenance':
      return { body: MAINTENANCE_PAGE };
    case 'malformed': {
      const response = handle();
      return { ...response, body: response.body.slice(0, Math.floor(response.body.length / 3)).replace(/<[^>]*$/, '') };
    }
    default:
      return replaceBody(fault, office, handle());
  }
}

function send(res: http.ServerResponse, response: SimResponse, fault?: FaultKind): void {
  const { contentType, body } = encodeBody(response, fault);
  const headers: Record<string, string | string[]> = { ...response.headers, 'content-type': contentType };
  if (response.setCookies?.length) headers['set-cookie'] = response.setCookies;
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
}

/** Send the body a few bytes at a time, slower than any scraper waits for. */
function drip(res: http.ServerResponse, response: SimResponse, held: Set<http.ServerResponse>): void {
  held.add(res);
  res.writeHead(response.status ?? 200, { 'content-type': `${response.contentType ?? 'text/html'}; charset=utf-8` });
  const body = Buffer.from(response.body);
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed || at >= body.length) {
      clearInterval(timer);
      held.delete(res);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(at, at + 8));
    at += 8;
  }, 1000);
  res.on('close', () => clearInterval(timer));
}
