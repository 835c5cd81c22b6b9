import { catalogOf, renderCatalog, type ZmsSimCatalog } from './zms-catalog.js';
import { availableCalendar, json, type EndpointContext } from './zms-endpoints.js';
import { errorResponse } from './zms-errors.js';
import { LEGACY_ENDPOINTS } from './zms-legacy.js';
import { RateLimiter, clientIp } from './zms-rate-limit.js';
import type { SimOffice, SimRequest, SimResponse, SystemServer } from './types.js';

export interface ZmsServerOptions {
  /** The office's catalog at each request (tests change it as they go). Default: made from its locations. */
  catalog?: (office: SimOffice) => ZmsSimCatalog;
  /** Serve the API of ≤ 2.25.00-muc45: the legacy availability endpoints, no /available-calendar/. */
  legacy?: (office: SimOffice) => boolean;
  /** The rate limit's clock in milliseconds (default Date.now; tests share a simulated one with the scraper). */
  now?: () => number;
  /**
   * Time runs this much faster for the rate limit (the demo's clock speed): its window is 60 s / scale, and the
   * pacing the site records advertise shrinks alike. Default 1.
   */
  scale?: number;
  /** Requests per client per window (default 60, as RATE_LIMIT_MAX_REQUESTS). */
  maxRequests?: number;
  /** MAINTENANCE_ENABLED for this office now. */
  maintenance?: (office: SimOffice) => boolean;
  /** The service ids the site records name (default: every service of the catalog). */
  services?: (office: SimOffice) => number[];
}

/** A ZMS server with its rate limiter in view: tests and the score assert that no request was refused. */
export interface ZmsServer extends SystemServer {
  readonly limiter: RateLimiter;
}

const PREFIX = /^\/zms\/([^/]+)\/buergeransicht\/api\/citizen\/(.*)$/;
const API_WINDOW_MS = 60_000;

/**
 * The ZMS citizen API (zmscitizenapi, protocols-zms.md) of each office under /zms/{sourceId}/buergeransicht/api/
 * citizen/. Bare JSON bodies, the error envelope, the middleware order (rate limit, then maintenance, then the
 * routes, where any other path or method is 404 notFound), paths with or without their trailing slash.
 */
export function zmsServer(offices: SimOffice[], options: ZmsServerOptions = {}): ZmsServer {
  const bySource = new Map(offices.map((office) => [office.sourceId, office]));
  const scale = options.scale ?? 1;
  const limiter = new RateLimiter(options.maxRequests ?? 60, API_WINDOW_MS / scale, options.now ?? Date.now);
  const derived = new WeakMap<SimOffice, ZmsSimCatalog>();
  const catalog = (office: SimOffice): ZmsSimCatalog =>
    options.catalog?.(office) ?? derived.get(office) ?? derived.set(office, catalogOf(office)).get(office)!;
  return {
    system: 'zms',
    limiter,
    route: (request) => bySource.get(decodeURIComponent(PREFIX.exec(request.path)?.[1] ?? '')),
    handle(office, request) {
      const decision = limiter.hit(clientIp(request));
      if (!decision.ok) return errorResponse(['rateLimitExceeded']);
      const response = answer(office, request);
      return { ...response, headers: { ...decision.headers, ...response.headers } };
    },
    siteUrl: (origin, office) => `${origin}/zms/${encodeURIComponent(office.sourceId)}/buergeransicht/api/citizen/`,
    siteParams(office) {
      const services = options.services?.(office) ?? catalog(office).services.map((s) => s.id);
      const window = API_WINDOW_MS / scale;
      // As the real API's DEFAULT_PACING (50 requests 1 s apart, then 61 s), in this server's time.
      const pauseMs = String(Math.ceil((window * 61) / 60));
      return { services: services.join(','), burst: '50', pauseMs, spacingMs: String(Math.round(window / 60)) };
    },
  };

  function answer(office: SimOffice, request: SimRequest): SimResponse {
    if (options.maintenance?.(office)) return errorResponse(['serviceUnavailable']);
    // Slim's HttpCache answers a conditional request with an empty 304 (scrapers must not send one).
    if (request.headers['if-modified-since'] !== undefined) return { status: 304, body: '' };
    const endpoint = (PREFIX.exec(request.path)?.[2] ?? '').replace(/\/$/, '');
    const context: EndpointContext = { office, catalog: catalog(office), query: request.query };
    const legacy = options.legacy?.(office) ?? false;
    const handler =
      endpoint === 'offices-and-services'
        ? () => json(renderCatalog(context.catalog))
        : endpoint === 'available-calendar' && !legacy
          ? availableCalendar
          : legacy && Object.hasOwn(LEGACY_ENDPOINTS, endpoint)
            ? LEGACY_ENDPOINTS[endpoint]
            : undefined;
    if (request.method !== 'GET' || !handler)
      return errorResponse(['notFound'], { 'cache-control': 'public, max-age=300' });
    const response = handler(context);
    if (response.status !== undefined && response.status !== 200) return response;
    const now = office.now().toUTCString();
    return { ...response, headers: { 'cache-control': 'max-age=0', expires: now, 'last-modified': now } };
  }
}
