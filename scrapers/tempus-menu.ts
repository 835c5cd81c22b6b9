import { load, type CheerioAPI } from 'cheerio/slim';
import { ScrapeError } from './failure.js';

/** One bookable option: its `select` id is the form field to set. */
export interface TempusOption {
  key: string;
  name: string;
}

export interface TempusCategory {
  name: string;
  options: TempusOption[];
}

export interface TempusMenu {
  /** The form's `action` as written (relative to the page). */
  action: string;
  categories: TempusCategory[];
}

/** Step 1: the options of `form#formular`, in either layout (`ul.menuepunkt > li` or flat labels). */
export function parseMenu(html: string): TempusMenu {
  const $ = load(html);
  const form = $('form#formular').first();
  if (form.length === 0) throw new ScrapeError('markup', 'tempus: the start page has no form#formular');
  const found = form.find('ul.menuepunkt').length > 0 ? nestedMenu($) : flatMenu($);
  const categories: TempusCategory[] = [];
  for (const { category, option } of found) {
    if (!option.key) continue;
    const known = categories.find((c) => c.name === category);
    if (known) known.options.push(option);
    else categories.push({ name: category, options: [option] });
  }
  if (categories.length === 0) throw new ScrapeError('markup', 'tempus: the form#formular lists no options');
  return { action: form.attr('action') ?? '', categories };
}

/** Post data for one category: its first option "1", the others "0". */
export function categoryForm(category: TempusCategory): Record<string, string> {
  return Object.fromEntries(category.options.map((option, i) => [option.key, i === 0 ? '1' : '0']));
}

/** Trim and collapse whitespace (non-breaking spaces included). */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

type Found = { category: string; option: TempusOption };

/**
 * `ul.menuepunkt > li`: category in an `h3`, options in `ul.untermenuepunkt li`; an `li` without sub-menu is an option
 * itself.
 */
function nestedMenu($: CheerioAPI): Found[] {
  const found: Found[] = [];
  $('form#formular ul.menuepunkt > li').each((_, item) => {
    const li = $(item);
    const sub = li.find('ul.untermenuepunkt').first();
    if (sub.length === 0) {
      found.push({ category: 'default', option: optionOf($, item) });
      return;
    }
    const heading = cleanText(li.find('h3').first().text()) || cleanText(li.contents().first().text()) || 'default';
    sub.find('li').each((_, option) => void found.push({ category: heading, option: optionOf($, option) }));
  });
  return found;
}

/**
 * Flat `label.menuepunkt` (category) and `label.untermenuepunkt` (option) elements; without the latter every label is
 * an option.
 */
function flatMenu($: CheerioAPI): Found[] {
  const labels = $('form#formular label.menuepunkt, form#formular label.untermenuepunkt');
  const hasSub = labels.filter('.untermenuepunkt').length > 0;
  const found: Found[] = [];
  let category = 'default';
  labels.each((_, label) => {
    const el = $(label);
    if (hasSub && el.hasClass('menuepunkt') && !el.hasClass('untermenuepunkt'))
      category = cleanText(el.text()) || 'default';
    else found.push({ category, option: optionOf($, label) });
  });
  return found;
}

function optionOf($: CheerioAPI, element: Parameters<CheerioAPI>[0]): TempusOption {
  const el = $(element);
  const select = el.find('select').first();
  const key = select.attr('id') ?? select.attr('name') ?? '';
  const named = el.find('div.anliegen').first().text() || el.find('span').first().text();
  const name = cleanText(named) || cleanText(el.clone().find('select').remove().end().text());
  return { key, name };
}
