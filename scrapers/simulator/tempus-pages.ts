import { addDays } from '../../core/berlin-time.js';
import type { SimLocation, SimOffice } from './types.js';
import { GERMAN_MONTHS } from './german-months.js';

/** How one simulated tempus site presents itself. */
export interface TempusVariant {
  /** `ul.menuepunkt > li` with `h3` and `ul.untermenuepunkt`, or flat `label.menuepunkt` / `label.untermenuepunkt`. */
  menu: 'nested' | 'flat';
  /** A "Wichtiger Hinweis" page comes between the POST and its answer. */
  notice: boolean;
  /** 'direct': a category answers with its one location's calendar; 'infolink' / 'nav': with a list of locations. */
  locations: 'direct' | 'infolink' | 'nav';
  /** One more category, answered with "no location can offer an appointment". */
  emptyCategory: boolean;
  /**
   * Calendars show only up to the month of the first free day (else at least two months); later days need `datum=`
   * substitution.
   */
  shortCalendar: boolean;
}

export interface SimCategory {
  name: string;
  options: { key: string; name: string }[];
  locations: SimLocation[];
}

export interface SimTempusSite {
  office: SimOffice;
  anr: number;
  /** An extra query parameter the start URL must keep (as Essen's `anwendung=`). */
  anwendung?: string;
  variant: TempusVariant;
  categories: SimCategory[];
}

/** `standortrowid` and `tasks` of a location id "row/tasks" ('-' = absent). */
export function idParts(id: string): { row?: string; tasks?: string } {
  const [row, tasks] = id.split('/');
  return { ...(row && row !== '-' ? { row } : {}), ...(tasks && tasks !== '-' ? { tasks } : {}) };
}

function query(params: Record<string, string | undefined>): string {
  return `?${Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&amp;')}`;
}

export function locationHref(site: SimTempusSite, location: SimLocation): string {
  const { row, tasks } = idParts(location.id);
  return query({
    anr: String(site.anr),
    action: 'open',
    page: 'tagesauswahl',
    tasks,
    kuerzel: `S${site.anr}`,
    standortrowid: row,
    standortanzahl: '',
  });
}

export function dayHref(site: SimTempusSite, location: SimLocation, date: string): string {
  const { row, tasks } = idParts(location.id);
  const queue = String(site.office.locations.indexOf(location) + 1);
  return query({
    anr: String(site.anr),
    action: 'open',
    page: 'termine',
    datum: date,
    standortrowid: row,
    schlangennr: queue,
    tasks,
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function layout(site: SimTempusSite, body: string): string {
  return (
    `<!DOCTYPE html>
<html lang="de"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">` +
    `<title>Terminvereinbarung ${escapeHtml(site.office.name)}</title></head>
<body><div id="kopf"><h2>${escapeHtml(site.office.name)}</h2></div>
<div id="inhalt">
${body}
</div><div id="fuss"><a href="${query({ anr: String(site.anr), page: 'impressum' })}">Impressum</a></div></body></html>
`
  );
}

export function startPage(site: SimTempusSite): string {
  const select = (key: string) =>
    `<select id="${key}" name="${key}" size="1">` +
    '<option value="0">0</option><option value="1">1</option><option value="2">2</option></select>';
  const optionName = (name: string, i: number) =>
    i % 2 === 0 ? `<div class="anliegen">\n  ${escapeHtml(name)}\n</div>` : `<span>${escapeHtml(name)}</span>`;
  const menu =
    site.variant.menu === 'nested'
      ? `<ul class="menuepunkt">\n${site.categories
          .map(
            (c) =>
              `<li><h3>${escapeHtml(c.name)}</h3>\n<ul class="untermenuepunkt">\n` +
              c.options.map((o, i) => `<li>${optionName(o.name, i)} ${select(o.key)}</li>`).join('\n') +
              '\n</ul></li>',
          )
          .join('\n')}\n</ul>`
      : site.categories
          .map(
            (c) =>
              `<label class="menuepunkt">${escapeHtml(c.name)}</label>\n` +
              c.options
                .map(
                  (o) => `<label class="untermenuepunkt"><span>${escapeHtml(o.name)}</span> ${select(o.key)}</label>`,
                )
                .join('\n'),
          )
          .join('\n');
  return layout(
    site,
    `<h1>Bitte wählen Sie die gewünschten Anliegen und deren Anzahl aus.</h1>
<form id="formular" name="formular" method="post"` +
      ` action="index.php${query({ anr: String(site.anr), page: 'auswahl' })}">
${menu}
<input type="submit" name="weiter" value="Weiter">
</form>`,
  );
}

export function noticePage(site: SimTempusSite, category: number): string {
  const href = query({ anr: String(site.anr), page: 'hinweis', kategorie: String(category) });
  return layout(
    site,
    `<h1>Wichtiger Hinweis</h1>
<p>Bitte bringen Sie alle erforderlichen Unterlagen zu Ihrem Termin mit.</p>
<input type="button" class="button" value="Ich habe die Hinweise zur Kenntnis genommen"` +
      ` onclick="window.location.href='${href}';">`,
  );
}

export function messagePage(site: SimTempusSite, message: string): string {
  return layout(site, `<div class="hinweis"><p>${escapeHtml(message)}</p></div>`);
}

/** The location list of a category with each location's earliest free time ("… Uhr" links to skip). */
export function listPage(site: SimTempusSite, category: SimCategory, today: string): string {
  const earliest = (location: SimLocation) => site.office.freeSlots(location.id).find((s) => s.slice(0, 10) >= today);
  const label = (slot: string) =>
    `${slot.slice(8, 10)}.${slot.slice(5, 7)}.${slot.slice(0, 4)}, ${slot.slice(11, 16)} Uhr`;
  const entries = category.locations.map((location) => {
    const first = earliest(location);
    const time = first
      ? `<a href="${dayHref(site, location, first.slice(0, 10))}"` +
        `${site.variant.locations === 'infolink' ? ' class="infolink"' : ''}>${label(first)}</a>`
      : 'derzeit keine freien Termine';
    return site.variant.locations === 'infolink'
      ? `<div class="standort"><a class="infolink" href="${locationHref(site, location)}">` +
          `Termine in ${escapeHtml(location.name)}</a><br>${time}</div>`
      : `<li><a href="${locationHref(site, location)}">${escapeHtml(location.name)}</a></li>\n<li>${time}</li>`;
  });
  const body =
    site.variant.locations === 'infolink' ? entries.join('\n') : `<ul id="nav_menu2">\n${entries.join('\n')}\n</ul>`;
  return layout(
    site,
    `<h1>Standorte und<br/>frühestmögliche Termine</h1>\n<p>${escapeHtml(category.name)}</p>\n${body}`,
  );
}

/** A location's calendar: month tables with `td.monatevent` links for the days with free times. */
export function calendarPage(site: SimTempusSite, location: SimLocation, today: string): string {
  const free = [
    ...new Set(
      site.office
        .freeSlots(location.id)
        .filter((s) => s.slice(0, 10) >= today)
        .map((s) => s.slice(0, 10)),
    ),
  ];
  const start = query({ anr: String(site.anr) });
  const back = `<input type="button" value="Zurück" onclick="window.location.href='${start}';">`;
  if (free.length === 0)
    return layout(
      site,
      `<h1>${escapeHtml(location.name)}</h1>\n<p>Leider sind derzeit alle Termine ausgebucht.</p>\n${back}`,
    );
  const nextMonth = addDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7);
  const until = site.variant.shortCalendar
    ? (free[0] as string).slice(0, 7)
    : (free[free.length - 1] as string).slice(0, 7);
  const tables: string[] = [];
  const lastMonth = site.variant.shortCalendar || until > nextMonth ? until : nextMonth;
  for (let month = today.slice(0, 7); month <= lastMonth; month = addDays(`${month}-28`, 7).slice(0, 7)) {
    tables.push(
      monthTable(month, (date) =>
        date < today ? 'past' : free.includes(date) ? dayHref(site, location, date) : 'none',
      ),
    );
  }
  return layout(
    site,
    `<h1>Bitte wählen Sie einen Tag</h1>\n<p>${escapeHtml(location.name)}</p>\n${tables.join('\n')}\n${back}`,
  );
}

function monthTable(month: string, cell: (date: string) => string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const offset = (new Date(Date.UTC(year, mon - 1, 1)).getUTCDay() + 6) % 7;
  const cells = Array.from({ length: offset }, () => '<td class="leer">&nbsp;</td>');
  for (let date = `${month}-01`; date.slice(0, 7) === month; date = addDays(date, 1)) {
    const kind = cell(date);
    const day = String(Number(date.slice(8)));
    cells.push(
      kind === 'past'
        ? `<td class="monatvergangen">${day}</td>`
        : kind === 'none'
          ? `<td class="monat">${day}</td>`
          : `<td class="monatevent"><a href="${kind}" title="freie Termine">${day}</a></td>`,
    );
  }
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`<tr>${cells.slice(i, i + 7).join('')}</tr>`);
  return (
    `<table class="cal"><caption>${GERMAN_MONTHS[mon - 1]} ${year}</caption>\n` +
    '<tr><th>Mo</th><th>Di</th><th>Mi</th><th>Do</th><th>Fr</th><th>Sa</th><th>So</th></tr>\n' +
    `${rows.join('\n')}\n</table>`
  );
}

/** The free times of one day in `table.termine`. */
export function dayPage(site: SimTempusSite, location: SimLocation, date: string): string {
  const times = site.office
    .freeSlots(location.id)
    .filter((s) => s.startsWith(date))
    .map((s) => s.slice(11, 16));
  const rows = times.map(
    (t) =>
      `<tr><td class="zeit"><a href="${dayHref(site, location, date)}&amp;zeit=${t}">${t}</a></td><td>frei</td></tr>`,
  );
  return layout(
    site,
    `<h1>Bitte wählen Sie eine Uhrzeit</h1>
<table class="termine"><tr><th>Uhrzeit</th><th>Status</th></tr>
<tr><td colspan="2">${escapeHtml(location.name)}, ${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}</td></tr>
${rows.join('\n')}
</table>`,
  );
}
