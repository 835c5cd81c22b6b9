/** Markup of the simulated netappoint (Kahlert) pages, after protocols.md "netappoint". */
import { GERMAN_MONTHS } from './german-months.js';

export const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SimNetLocation {
  /** The `ul` id of the start page. */
  key: string;
  /** The internal number carried by day links. */
  number: string;
  /** The name as shown (with "Kategorie " where the variant says so). */
  shown: string;
  services: { field: string; title: string }[];
  detour: boolean;
  /** The office location (its id is the slug of its name). */
  id: string;
}

export function layout(title: string, body: string): string {
  return (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"' +
    ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' +
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="de">' +
    '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n' +
    `<title>${esc(title)}</title></head>
<body><div id="nat_container"><h1>${esc(title)}</h1>
${body}
</div><div id="nat_footer"><a href="#">Impressum</a></div></body></html>`
  );
}

/** Step 1: every location a `ul.nat_casetypelist` with its services, in `form[name=frm_casetype]`. */
export function indexPage(title: string, action: string, locations: SimNetLocation[], checkboxes: boolean): string {
  const lists = locations
    .map((l) => {
      const items = l.services
        .map((s, i) =>
          checkboxes && i % 2 === 1
            ? '<li class="nat_casetypelist_li">' +
              '<input type="checkbox" class="nat_casetypelist_casetype casetype_checkbox"' +
              ` name="${s.field}" id="${s.field}" value="1" /><label for="${s.field}">${esc(s.title)}</label></li>`
            : `<li class="nat_casetypelist_li"><label for="${s.field}">${esc(s.title)}</label>` +
              `<select class="nat_casetypelist_casetype" name="${s.field}" id="${s.field}">` +
              '<option value="0" selected="selected">0</option><option value="1">1</option>' +
              '<option value="2">2</option></select></li>',
        )
        .join('\n');
      return (
        `<div class="nat_casetypelist_head"><a href="javascript:toggle('${l.key}');">` +
        `<h3>${esc(l.shown)}</h3></a></div>
<ul class="nat_casetypelist" id="${l.key}" style="display: none;">
${items}
</ul>`
      );
    })
    .join('\n');
  return layout(
    title,
    `<form name="frm_casetype" action="${esc(action)}" method="post">
<p>Bitte wählen Sie die gewünschten Dienstleistungen aus.</p>
${lists}
<input type="submit" class="nat_button" name="sentcasetypes" value="Weiter" /></form>`,
  );
}

/** The step-3 detour: sites to choose before the days (the first link is not the one to follow). */
export function sitesPage(title: string, href: string, name: string): string {
  return layout(
    title,
    `<p>Bitte wählen Sie einen Standort aus.</p><ul class="nat_casetypelist_sites">
<li class="nat_casetypelist_casetype_li">` +
      '<a href="#" onclick="javascript:showInfo(); return false;">Informationen zu den Standorten</a></li>\n' +
      `<li class="nat_casetypelist_casetype_li"><a href="${esc(href)}">${esc(name)}</a></li>
</ul>`,
  );
}

/** Step 2's answer: the month of `month` ('YYYY-MM') with the bookable days linked by `link(day)`. */
export function daysPage(title: string, month: string, bookable: Set<string>, link: (day: string) => string): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, mm - 1, 1));
  const length = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const cells: string[] = Array.from({ length: (first.getUTCDay() + 6) % 7 }, () => '<td class="nat_calendar"></td>');
  for (let d = 1; d <= length; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    cells.push(
      bookable.has(day)
        ? '<td class="nat_calendar nat_calendar_weekday_bookable">' +
            `<a class="nat_calendar nat_calendar_weekday_bookable" href="${esc(link(day))}">` +
            `<span class="hidden">Termin am </span>${d}<span class="hidden">.${mm}.${year} reservieren</span></a></td>`
        : '<td class="nat_calendar nat_calendar_weekday_notbookable">' +
            `<span class="hidden">Keine freien Termine am </span>${d}<span class="hidden">.${mm}.${year}</span></td>`,
    );
  }
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`<tr>${cells.slice(i, i + 7).join('')}</tr>`);
  const caption = `${GERMAN_MONTHS[mm - 1]} ${year}`;
  return layout(
    title,
    `<h2 class="nat_navigation_currentmonth"><abbr title="${caption}">${caption}</abbr></h2>
<table class="nat_calendar" summary="Verfügbare Tage"><caption>Verfügbare Tage im ${caption}</caption>
<thead><tr><th>Mo</th><th>Di</th><th>Mi</th><th>Do</th><th>Fr</th><th>Sa</th><th>So</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`,
  );
}

/** Step 4: the free times of one day (`table.nat_timeslist`, one `abbr` each), or none. */
export function timesPage(
  title: string,
  day: string,
  times: string[],
  emptyTable: boolean,
  link: (time: string) => string,
): string {
  const [y, m, d] = day.split('-');
  const heading = `<h2>Terminauswahl für den ${Number(d)}.${Number(m)}.${y}</h2>`;
  if (times.length === 0 && !emptyTable)
    return layout(title, `${heading}<p>Für den gewählten Tag sind leider keine Termine frei.</p>`);
  const cells = times
    .map(
      (t) =>
        `<tr><td class="nat_timeslist_time"><a href="${esc(link(t))}"><abbr title="${t} Uhr">${t}</abbr></a></td></tr>`,
    )
    .join('\n');
  return layout(
    title,
    `${heading}<table class="nat_timeslist" summary="Freie Uhrzeiten"><tbody>\n${cells}\n</tbody></table>`,
  );
}

/** The WEB_APPOINT start page (Munich): CASETYPES selects and a forward button, no `ul.nat_casetypelist`. */
export function webAppointIndex(title: string, locations: SimNetLocation[]): string {
  const sections = locations
    .map(
      (l) =>
        `<a href="javascript:toggle('${l.key}');"><h3>${esc(l.shown)}</h3></a><div id="${l.key}">\n` +
        l.services
          .map(
            (s) =>
              `<label>${esc(s.title)}</label><select name="CASETYPES[${esc(s.title)}]">` +
              '<option value="0">0</option><option value="1">1</option></select>',
          )
          .join('\n') +
        '</div>',
    )
    .join('\n');
  return layout(
    title,
    `<form name="WEB_APPOINT" method="post" action="">${sections}` +
      '<input type="submit" class="WEB_APPOINT_FORWARDBUTTON" value="Weiter" /></form>',
  );
}

/** The WEB_APPOINT day calendar: five months at once, days bookable by script. */
export function webAppointCalendar(title: string, name: string, months: string[], bookable: Set<string>): string {
  const id = 'd988f171668043062a198d92af324503';
  const divs = months
    .map((month) => {
      const [year, mm] = month.split('-').map(Number) as [number, number];
      const length = new Date(Date.UTC(year, mm, 0)).getUTCDate();
      const cells = Array.from({ length }, (_, i) => {
        const day = `${month}-${String(i + 1).padStart(2, '0')}`;
        return bookable.has(day)
          ? '<td class="nat_calendar"><a class="nat_calendar nat_calendar_weekday_bookable"' +
              ` href="javascript:locationList.showTimeList('${id}','${id}TL','${day}')">` +
              `<span class="hidden">Termin am </span>${i + 1}</a></td>`
          : '<td class="nat_calendar"><span class="hidden">Keine freien Termine am </span>' +
              `${i + 1}<span class="hidden">.${mm}.${year}</span></td>`;
      });
      return (
        `<div class="${id} htmlCalendarMonth" id="${id}${month.replace('-', '')}"><table class="nat_calendar">` +
        `<caption>Verfügbare Tage im ${GERMAN_MONTHS[mm - 1]} ${year}</caption>` +
        `<tbody><tr>${cells.join('')}</tr></tbody></table></div>`
      );
    })
    .join('\n');
  return layout(
    title,
    '<div id="locationContent" class="location_list">' +
      `<input type="button" value="${esc(name)}" class="WEB_APPOINT_LOCATION_HEADLINE" />\n` +
      `<div class="WEBAPPOINT_LOCATION_CONTENT" id="${id}">${divs}</div>` +
      `<div class="WEB_APPOINT_TIMELIST" id="${id}TL"></div></div>`,
  );
}
