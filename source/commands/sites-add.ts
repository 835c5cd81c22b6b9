import type { RegistrySite } from '../../scrapers/registry/registry.js';
import {
  cityFromName,
  createSession,
  idOf,
  parseCatalog,
  pickZmsServices,
  recogniseSite,
  ScrapeError,
  scraperFor,
} from '../../scrapers/index.js';
import type { ScrapeResult, Site } from '../../scrapers/types.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';

/** What `sites add` learnt: the record to save, and its first scrape. */
export interface AddedSite {
  site: RegistrySite;
  flow?: string;
  result: Extract<ScrapeResult, { ok: true }>;
  /** Requests sent: the page, the ZMS catalog where needed, the scrape. */
  requests: number;
}

const clause = (text: string) => sanitize(text, 300);

/**
 * Fetch the pasted page (one request), recognise its system, make the site record (an id of its own, or the id
 * of the known site it is), and scrape it once. Anything that stops it is one UserError: nothing is saved then.
 */
export async function addSite(
  pasted: string,
  known: readonly RegistrySite[],
  options: { id?: string; name?: string; city?: string; weeks: number },
): Promise<AddedSite> {
  const session = createSession({}, { retries: 0, timeoutMs: 15_000 });
  const shown = sanitize(pasted, 200);
  let page: Awaited<ReturnType<typeof session.getResponse>>;
  try {
    page = await session.getResponse(pasted, { headers: { accept: 'text/html,application/json;q=0.9,*/*;q=0.8' } });
  } catch (error) {
    if (error instanceof ScrapeError)
      throw new UserError(`cannot read ${shown}: ${clause(error.message)}; nothing saved.`);
    throw error;
  }
  const found = recogniseSite(page.url, page.text);
  if (!found.ok) {
    const status = page.status >= 400 ? ` (HTTP ${page.status})` : '';
    throw new UserError(`${shown} shows ${clause(found.found)}${status}; nothing saved.`);
  }
  const record: Omit<Site, 'id'> = {
    ...found.site,
    ...(found.site.params ? { params: { ...found.site.params } } : {}),
  };
  if (options.name) Object.assign(record, { name: options.name, city: cityFromName(options.name) });
  if (options.city) record.city = options.city;
  const idHint = options.name || options.city ? idOf(record.city) : found.idHint;
  if (found.needsServices) {
    const catalog = parseCatalog(await session.getJson(`${record.url}offices-and-services/`));
    const services = pickZmsServices(catalog);
    if (services.length === 0)
      throw new UserError(`${shown} is a ZMS site whose catalog lists no bookable service; nothing saved.`);
    record.params = { ...record.params, services: services.join(',') };
  }
  const site: RegistrySite = { id: options.id ?? chooseId(record, idHint, known), ...record };
  const scrape = scraperFor(site.system)!;
  const result = await scrape(site, { weeks: options.weeks, now: new Date() });
  const requests = session.requests + result.requests;
  if (!result.ok) {
    const failure = `${result.failure.kind}: ${clause(result.failure.message)}`;
    throw new UserError(`${shown} is a ${site.system} site, but its first scrape failed (${failure}); nothing saved.`);
  }
  return { site, ...(found.flow ? { flow: found.flow } : {}), result, requests };
}

/** The id of the known site this is (same system, URL and parameters), else the hint, numbered when taken. */
export function chooseId(record: Omit<Site, 'id'>, hint: string, known: readonly RegistrySite[]): string {
  const same = known.find(
    (site) =>
      site.system === record.system &&
      site.url.replace(/\/+$/, '') === record.url.replace(/\/+$/, '') &&
      JSON.stringify(site.params ?? {}) === JSON.stringify(record.params ?? {}),
  );
  if (same) return same.id;
  const taken = new Set(known.map((site) => site.id));
  let id = hint;
  for (let n = 2; taken.has(id); n++) id = `${hint}-${n}`;
  return id;
}
