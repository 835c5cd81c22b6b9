import { ScrapeError, assertNoWall } from './failure.js';
import type { HttpSession } from './http.js';
import type { Pacer, PaceVerdict, Pacing } from './zms-pacer.js';
import { errorCodes } from './zms-parse.js';

/** office-watch as it is: no browser disguise, no forwarding headers, no conditional headers. */
export const ZMS_USER_AGENT = 'office-watch/0.1 (+appointment calendar watcher; read-only, paced to the rate limit)';
const HEADERS = { 'user-agent': ZMS_USER_AGENT, accept: 'application/json' };

/** After a 429 the pacer pauses, then the request is tried again, this often at most. */
export const REFUSED_RETRIES = 3;

/** An answer of the citizen API: its status, its JSON (undefined if none), the error codes in it. */
export interface ZmsAnswer {
  status: number;
  json: unknown;
  codes: string[];
  url: string;
}

export type ZmsGet = (path: string, query?: Record<string, string>) => Promise<ZmsAnswer>;

/**
 * GET on the citizen API at the pacer's pace. A 429 (which names no time) pauses the pacer's full pause and tries
 * again; maintenance (503 serviceUnavailable) ends the scrape as 'maintenance'; other statuses are the caller's.
 */
export function zmsApi(session: HttpSession, base: string, pacer: Pacer, pacing: Pacing, signal?: AbortSignal): ZmsGet {
  return async (path, query = {}) => {
    const search = new URLSearchParams(query).toString();
    const url = `${base}${path}${search ? `?${search}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      const response = await paced(() => session.getResponse(url, { headers: HEADERS }));
      if (response.status === 429) {
        if (attempt < REFUSED_RETRIES) continue;
        const pause = Math.round(pacing.pauseMs / 1000);
        throw new ScrapeError(
          'http-status',
          `the ZMS API refused ${attempt + 1} requests in a row (HTTP 429), each after a pause of ${pause} s`,
          429,
        );
      }
      const json = parseBody(response.text, response.status, url);
      const answer: ZmsAnswer = { status: response.status, json, codes: errorCodes(json), url };
      if (response.status === 503 && answer.codes.includes('serviceUnavailable')) {
        throw new ScrapeError('maintenance', 'the ZMS API is under maintenance (503 serviceUnavailable)', 503);
      }
      return answer;
    }
  };

  function paced(send: () => ReturnType<HttpSession['getResponse']>): ReturnType<HttpSession['getResponse']> {
    return pacer
      .run(pacing, signal, async () => {
        const response = await send();
        return { value: response, verdict: verdictOf(response.status, response.headers['x-ratelimit-remaining']) };
      })
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError')
          throw new ScrapeError('timeout', 'the scrape was aborted while pacing its requests');
        throw error;
      });
  }
}

/** X-RateLimit-Remaining reports one less than is left: at 0 or below the next request may be the last allowed. */
function verdictOf(status: number, remaining: string | string[] | undefined): PaceVerdict {
  if (status === 429) return 'refused';
  const left = Number(Array.isArray(remaining) ? remaining[0] : remaining);
  return remaining !== undefined && Number.isFinite(left) && left <= 0 ? 'exhausted' : 'counted';
}

/** JSON of a 2xx answer must parse (else it is a wall or not understood); an error answer's JSON is optional. */
function parseBody(text: string, status: number, url: string): unknown {
  try {
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    if (status >= 300) return undefined;
    assertNoWall(text);
    throw new ScrapeError('markup', `expected JSON from ${url}`);
  }
}

/** An answer the flow cannot use, as a typed failure. */
export function unexpected(answer: ZmsAnswer): ScrapeError {
  const code = answer.codes.length > 0 ? ` (${answer.codes.join(', ')})` : '';
  return new ScrapeError('http-status', `HTTP ${answer.status} from ${answer.url}${code}`, answer.status);
}
