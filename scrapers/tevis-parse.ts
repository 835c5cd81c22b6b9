import { load } from 'cheerio/slim';
import { ScrapeError } from './failure.js';

/** Collapse runs of whitespace and trim (titles carry trailing and double spaces). */
export const cleanText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A page cut short must not pass for a page with fewer entries. */
export function assertCompletePage(html: string, url: string): void {
  if (!/<\/(html|body)\s*>/i.test(html))
    throw new ScrapeError('markup', `tevis: the page from ${url} ends before its closing tags (truncated)`);
}

/** A department of the start page: `select2?md={md}` and the link text. */
export interface TevisDepartment {
  md: string;
  name: string;
}

/** Step 1: the departments linked from the start page, in page order, each once. */
export function parseDepartments(html: string): TevisDepartment[] {
  const $ = load(html);
  const departments = new Map<string, TevisDepartment & { jump: boolean }>();
  $('a[href]').each((_, a) => {
    const href = $(a).attr('href') ?? '';
    const md = /(?:^|\/)select2\?(?:[^#]*&)?md=([^&#]+)/.exec(href)?.[1];
    if (md === undefined) return;
    // A skip link (`select2?md=1#WeiterButton`) names no department: a plain link to the same md wins.
    const jump = href.includes('#');
    const known = departments.get(md);
    if (!known || (known.jump && !jump))
      departments.set(md, { md: decodeURIComponent(md), name: cleanText($(a).text()), jump });
  });
  return [...departments.values()].map(({ md, name }) => ({ md, name }));
}

/** One service (Anliegen) of a department. */
export interface TevisService {
  /** The input name, e.g. `cnc-344`: request it as `{key}=1`. */
  key: string;
  title: string;
  mdt: string;
  /** Calendar ids of the calendar attribute (empty: unknown, ask the calendar page). */
  calendars: string[];
  /** Location ids of `data-tevis-locations` (wizard pages). */
  locations: string[];
  /** The accordion section the service is listed under (wizard pages). */
  section?: string;
}

export interface TevisServicePage {
  /** `wizard`: the services are chosen in `form#cnc-select-form` and lead to `location`; `classic`: to `calendar`. */
  flow: 'classic' | 'wizard';
  /** The wizard form's action as written (relative or absolute). */
  action?: string;
  /** The department as the page names it (infobox or heading). */
  department?: string;
  services: TevisService[];
}

/** Step 2: the services of `select2?md=…`, in any of the three layouts (cnc-form, older page, wizard). */
export function parseServicePage(html: string): TevisServicePage {
  const $ = load(html);
  const wizardForm = $('form#cnc-select-form').first();
  const locationForm = $('form[action]')
    .filter((_, f) => /(?:^|\/)location(?:[?#]|$)/.test($(f).attr('action') ?? ''))
    .first();
  const form = wizardForm.length > 0 ? wizardForm : locationForm;
  const department = pageDepartment($);
  const services: TevisService[] = [];
  const sectionOf = (input: Parameters<typeof $>[0]): string | undefined => {
    const panel = $(input).closest('[id^="content_concerns_accordion"]');
    const header = panel.length > 0 ? $(`#${panel.attr('id')?.replace(/^content_/, 'header_')}`) : undefined;
    return header && header.length > 0 ? cleanText(header.text()) : undefined;
  };
  const add = (input: Parameters<typeof $>[0], mdt: string | undefined, title: string | undefined) => {
    const key = $(input).attr('name');
    if (!key) return;
    if (!mdt) throw new ScrapeError('markup', `tevis: the service ${key} has no mdt`);
    const section = sectionOf(input);
    services.push({
      key,
      title: cleanText(title ?? $(input).attr('data-tevis-cncname') ?? key),
      mdt,
      calendars: idList($(input).attr('data-tevis-calendars') ?? $(input).attr('data-tevis-calendar')),
      locations: idList($(input).attr('data-tevis-locations')),
      ...(section ? { section } : {}),
    });
  };
  const cncForms = $('form.cnc-form');
  if (form.length === 0 && cncForms.length > 0) {
    cncForms.each((_, f) => {
      const title = cleanText($(f).find('a').first().text());
      const mdt = $(f).find('input[name=mdt]').attr('value');
      $(f)
        .find('input.cnc-item')
        .each((_, input) => add(input, mdt, title || undefined));
    });
    return { flow: 'classic', ...(department ? { department } : {}), services };
  }
  const mdt = form.find('input[name=mdt]').first().attr('value') ?? $('input[name=mdt]').first().attr('value');
  $('input.cnc-item').each((_, input) => add(input, mdt, undefined));
  if (services.length === 0 && mdt === undefined)
    throw new ScrapeError('markup', 'tevis: the service page has neither services (input.cnc-item) nor an mdt');
  if (form.length === 0) return { flow: 'classic', ...(department ? { department } : {}), services };
  return { flow: 'wizard', action: form.attr('action') ?? 'location', ...(department ? { department } : {}), services };
}

function idList(attribute: string | undefined): string[] {
  const ids = (attribute ?? '')
    .split('|')
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id) && Number(id) !== 0);
  return [...new Set(ids)];
}

function pageDepartment($: ReturnType<typeof load>): string | undefined {
  const infobox = $('#infobox_content dt')
    .filter((_, dt) => cleanText($(dt).text()) === 'Funktionseinheit')
    .first()
    .next('dd');
  if (infobox.length > 0 && cleanText(infobox.text())) return cleanText(infobox.text());
  const heading = cleanText($('h1').first().text());
  return /:\s*(.+?)\s+-\s+Auswahl des Anliegens/.exec(heading)?.[1];
}
