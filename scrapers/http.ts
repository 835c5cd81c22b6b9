import got, { type Got, RequestError, HTTPError, MaxRedirectsError, TimeoutError } from 'got';
import { CookieJar } from 'tough-cookie';
import { ScrapeError, assertNoWall } from './failure.js';
import type { Site } from './types.js';
import { decodeWindows1252, isWindows1252 } from './windows-1252.js';

export const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)' +
  ' office-watch/0.1 (+appointment calendar watcher)';

/** Retry only what a second try can fix: the connection, not the answer. */
const CONNECTION_ERRORS = [
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
];

export interface SessionOptions {
  timeoutMs?: number;
  /** Bodies larger than this end the scrape as 'too-large'. */
  maxBytes?: number;
  retries?: number;
  signal?: AbortSignal;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Skip the captcha/maintenance check (JSON endpoints). */
  raw?: boolean;
}

/** An answer of any HTTP status, for APIs whose error statuses carry a body worth reading. */
export interface HttpResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One scrape's HTTP: a cookie jar of its own, polite defaults, typed failures. */
export interface HttpSession {
  get(url: string, options?: RequestOptions): Promise<string>;
  getJson<T>(url: string, options?: RequestOptions): Promise<T>;
  /** A GET whose 4xx/5xx answers come back as responses (raw: no wall check), not as failures. */
  getResponse(url: string, options?: RequestOptions): Promise<HttpResponse>;
  post(url: string, form: Record<string, string> | URLSearchParams, options?: RequestOptions): Promise<string>;
  clearCookies(): void;
  /** Requests sent so far (retries included). */
  readonly requests: number;
  /** The last answer read (its final URL and text): a flow that did not understand it can ask what it is. */
  readonly lastPage: { url: string; text: string } | undefined;
}

export function createSession(site: Pick<Site, 'insecureTls'>, options: SessionOptions = {}): HttpSession {
  let jar = new CookieJar();
  let requests = 0;
  let lastPage: { url: string; text: string } | undefined;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const client: Got = got.extend({
    headers: { 'user-agent': USER_AGENT, 'accept-language': 'de-DE,de;q=0.9' },
    timeout: { request: options.timeoutMs ?? 10_000 },
    retry: {
      limit: options.retries ?? 2,
      methods: ['GET', 'POST'],
      statusCodes: [],
      errorCodes: CONNECTION_ERRORS,
      calculateDelay: ({ attemptCount, computedValue }) => (computedValue === 0 ? 0 : 250 * 2 ** (attemptCount - 1)),
    },
    maxRedirects: 10,
    // Browsers follow a redirected POST with a GET; tevis answers its location POST that way.
    methodRewriting: true,
    https: { rejectUnauthorized: !site.insecureTls },
    cookieJar: {
      getCookieString: (url: string) => jar.getCookieString(url),
      setCookie: (raw: string, url: string) => jar.setCookie(raw, url, { ignoreError: true }),
    },
    hooks: { beforeRequest: [() => void requests++], beforeRedirect: [refuseMove] },
    ...(options.signal ? { signal: options.signal } : {}),
  });

  async function send(
    method: 'GET' | 'POST',
    url: string,
    body: URLSearchParams | undefined,
    o: RequestOptions,
  ): Promise<string> {
    return (await exchange(method, url, body, o, true)).text;
  }

  async function exchange(
    method: 'GET' | 'POST',
    url: string,
    body: URLSearchParams | undefined,
    o: RequestOptions,
    throwHttpErrors: boolean,
  ): Promise<HttpResponse> {
    const request = client(url, {
      method,
      headers: o.headers,
      ...(body ? { form: Object.fromEntries(body) } : {}),
      responseType: 'buffer',
      throwHttpErrors,
    });
    request.on('downloadProgress', (progress) => {
      if (progress.transferred > maxBytes) request.cancel('too-large');
    });
    try {
      const response = await request;
      const text = decodeBody(response.rawBody, String(response.headers['content-type'] ?? ''));
      lastPage = { url: response.url, text };
      if (!o.raw) assertNoWall(text);
      return { status: response.statusCode, url: response.url, headers: response.headers, text };
    } catch (error) {
      throw classify(error, url, maxBytes);
    }
  }

  return {
    get: (url, o = {}) => send('GET', url, undefined, o),
    async getJson<T>(url: string, o: RequestOptions = {}): Promise<T> {
      const text = await send('GET', url, undefined, { ...o, raw: true });
      try {
        return JSON.parse(text) as T;
      } catch {
        assertNoWall(text);
        throw new ScrapeError('markup', `expected JSON from ${url}`);
      }
    },
    getResponse: (url, o = {}) => exchange('GET', url, undefined, { ...o, raw: true }, false),
    post: (url, form, o = {}) =>
      send('POST', url, form instanceof URLSearchParams ? form : new URLSearchParams(form), o),
    clearCookies: () => void (jar = new CookieJar()),
    get requests() {
      return requests;
    },
    get lastPage() {
      return lastPage;
    },
  };
}

/**
 * Decode by the declared charset (header, then meta tag); real sites still serve Latin-1 and windows-1252.
 * Undeclared (or unknown) and not valid UTF-8: windows-1252, the charset such pages are nearly always in.
 */
export function decodeBody(body: Buffer, contentType: string): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 2048).toString('latin1'))?.[1];
  const charset = declared?.toLowerCase();
  try {
    if (charset !== undefined)
      return isWindows1252(charset) ? decodeWindows1252(body) : new TextDecoder(charset).decode(body);
  } catch {
    // an unknown charset label: guess as if none were declared
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/**
 * A permanent redirect (301, 308) to another host: the site has moved. Followed, its scrapes would go on at a host
 * its politeness and record do not know; stopped, the failure names the new address (its status: moved).
 */
function refuseMove(options: { url?: URL | string | undefined }, response: { statusCode: number; url: string }): void {
  if (response.statusCode !== 301 && response.statusCode !== 308) return;
  const from = new URL(response.url);
  const to = options.url === undefined ? undefined : new URL(String(options.url));
  if (!to || to.hostname === from.hostname) return;
  throw new ScrapeError(
    'moved',
    `${from.href} moved (HTTP ${response.statusCode}) to ${to.href}`,
    response.statusCode,
    undefined,
    to.href,
  );
}

function classify(error: unknown, url: string, maxBytes: number): ScrapeError {
  if (error instanceof ScrapeError) return error;
  if (error instanceof RequestError && error.cause instanceof ScrapeError) return error.cause;
  if (error instanceof HTTPError)
    return new ScrapeError('http-status', `HTTP ${error.response.statusCode} from ${url}`, error.response.statusCode);
  if (error instanceof MaxRedirectsError) return new ScrapeError('redirect-loop', `too many redirects from ${url}`);
  if (error instanceof TimeoutError)
    return new ScrapeError('timeout', `no complete answer within the time limit from ${url}`);
  if (error instanceof RequestError) {
    if (error.name === 'CancelError')
      return new ScrapeError('too-large', `the answer from ${url} is larger than ${maxBytes} bytes`);
    if (error.code === 'ERR_ABORTED' || error.name === 'AbortError')
      return new ScrapeError('timeout', `the scrape was aborted at ${url}`);
    return new ScrapeError('down', `${error.code ?? 'connection failed'} at ${url}`, undefined, error.code);
  }
  throw error;
}
