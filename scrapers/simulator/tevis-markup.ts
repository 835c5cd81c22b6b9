import type { SimTevisDepartment, SimTevisLocation, SimTevisService } from './tevis-model.js';
import type { TevisVariant } from './tevis-variant.js';

/** HTML-escape a text for an attribute or element. */
export const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function layout(site: string, heading: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="de"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>${esc(site)} - ${esc(heading.replace(/<[^>]*>/g, ''))}</title></head>
<body><div id="wizard"><h1> ${heading} </h1></div>
${body}
<footer id="footer"><a href="#">Impressum</a> <a href="#">Datenschutz</a></footer>
</body></html>`;
}

export function indexPage(site: string, departments: SimTevisDepartment[]): string {
  const links = departments
    .map(
      (d) => `<li><a class="btn btn-primary" href="select2?md=${d.md}" title="${esc(d.name)}">${esc(d.name)}</a></li>`,
    )
    .join('\n');
  return layout(
    site,
    'Schritt 1<span class="visuallyhidden"> von 6</span>: Auswahl der Behörde',
    `<ul class="md_list">\n${links}\n</ul>`,
  );
}

function calendarAttribute(service: SimTevisService, variant: TevisVariant): string {
  if (service.attribute === undefined) return '';
  return ` ${variant.singularAttribute ? 'data-tevis-calendar' : 'data-tevis-calendars'}="${service.attribute}"`;
}

/** Older flow, step 2: one `form.cnc-form` per service, or the older page with standalone inputs. */
export function classicServicePage(site: string, department: SimTevisDepartment, variant: TevisVariant): string {
  const mdt = `<input type="hidden" name="mdt" value="${department.mdt}">`;
  const hidden = `${mdt}<input type="hidden" name="select_cnc" value="1">`;
  const body = variant.cncForms
    ? department.services
        .map(
          (s) =>
            `<form class="cnc-form" action="calendar" method="get">${hidden}\n` +
            `  <a href="#collapse-${s.key}" data-toggle="collapse" class="cnc-title">${esc(s.title)}</a>\n` +
            `  <div id="collapse-${s.key}" class="collapse">` +
            `<input type="hidden" class="cnc-item" name="${s.key}" value="1"${calendarAttribute(s, variant)}>\n` +
            '  <input type="submit" class="btn btn-primary" value="Weiter"></div></form>',
        )
        .join('\n')
    : `<form action="calendar" method="get">${hidden}<ul class="cnc_list">\n` +
      department.services
        .map(
          (s) =>
            `<li><label><input type="checkbox" class="cnc-item" name="${s.key}" value="1"` +
            ` data-tevis-cncname="${esc(s.title)}"${calendarAttribute(s, variant)}> ${esc(s.title)}</label></li>`,
        )
        .join('\n') +
      '\n</ul><input type="submit" class="btn btn-primary" value="Weiter"></form>';
  return layout(
    site,
    `Schritt 2<span class="visuallyhidden"> von 6</span>: ${esc(department.name)} - Auswahl des Anliegens`,
    body,
  );
}

/** A service without calendar: the notice the site shows instead of a calendar or a location list. */
export function noCalendarPage(site: string, service: SimTevisService): string {
  const said = service.noCalendar === 'zero' ? undefined : service.noCalendar;
  const notice = said ?? 'Der ausgewählte Kalender existiert nicht';
  return layout(site, 'Hinweis', `<div class="alert alert-danger">${esc(notice)}</div>`);
}

/** Older flow, step 3: the calendar page with its `window.tevis` block (or a notice where the service has none). */
export function calendarPage(site: string, service: SimTevisService, week: string): string {
  if (service.noCalendar && service.noCalendar !== 'zero') return noCalendarPage(site, service);
  const calendar = service.noCalendar === 'zero' ? 0 : Number(service.calendars[0]);
  const script = `<script type="text/javascript">
window.tevis = window.tevis || {};
window.tevis = window.tevis || {
    lang: 'de',
    calendar: ${calendar},
    week: ${week},
    cnc: '${service.key}'
};
</script>`;
  return layout(
    site,
    'Schritt 3<span class="visuallyhidden"> von 6</span>: Terminauswahl',
    `${script}\n<div id="caldiv" class="caldiv"></div>`,
  );
}

/** Wizard, step 2: `form#cnc-select-form` with the services in accordion sections. */
export function wizardServicePage(
  site: string,
  department: SimTevisDepartment,
  variant: TevisVariant,
  action: string,
): string {
  // Accordion sections in page order: each run of services listed under one heading.
  const sections: SimTevisService[][] = [];
  for (const [i, s] of department.services.entries()) {
    if (i > 0 && department.services[i - 1]?.section === s.section) sections[sections.length - 1]?.push(s);
    else sections.push([s]);
  }
  const items = sections
    .map((services, n) => {
      const lis = services
        .map((s, i) => {
          const title = i % 2 === 1 ? `${s.title.replace(' ', '  ')}   ` : s.title;
          const locations =
            s.attribute === undefined ? '' : ` data-tevis-locations="${s.locations.map((l) => l.loc).join('|')}"`;
          return (
            `<li id="li-${s.key}" class="liConcernsChecklist">` +
            `<label class="labelConcerns" for="input-${s.key}"><b>${esc(s.title)}</b></label>\n` +
            `<input id="input-${s.key}" type="number" name="${s.key}"` +
            ' class="cnc-item form-control cnc-number input-number" data-tevis-type="mdc"' +
            `${locations}${calendarAttribute(s, variant)} data-tevis-cncname="${esc(title)}"` +
            ' value="0" min="0" max="8"></li>'
          );
        })
        .join('\n');
      const section = esc(services[0]?.section ?? '');
      const header = `<h3 id="header_concerns_accordion-${n}" class="ui-accordion-header">${section}</h3>`;
      return `<div id="concerns_accordion-${n}" class="ui-accordion">${header}
<div id="content_concerns_accordion-${n}" class="ui-accordion-content"><ul class="ulConcerns">${lis}</ul></div></div>`;
    })
    .join('\n');
  const body =
    '<details id="details_infobox"><summary>Übersicht zu Ihrem Termin</summary><div id="infobox_content">' +
    '<dl class="grid"><dt><span class="infobox_text">Funktionseinheit</span></dt>' +
    `<dd>${esc(department.name)}</dd></dl></div></details>\n` +
    `<form action="${esc(action)}" method="get" id="cnc-select-form">` +
    `<input type="hidden" value="${department.mdt}" name="mdt"><input type="hidden" value="1" name="select_cnc">
${items}
<input type="submit" class="btn btn-primary" id="WeiterButton" value="Weiter"></form>`;
  return layout(
    site,
    `Schritt 2<span class="visuallyhidden"> von 6</span>: ${esc(department.name)} - Auswahl des Anliegens`,
    body,
  );
}

/** Wizard, step 3: the office locations, each a POST form (map marker and panel, as on the real page). */
export function locationPage(site: string, service: SimTevisService): string {
  const fields = (l: SimTevisLocation, n: number) =>
    `<input type="hidden" name="loc" value="${l.loc}" />` +
    `<input type="hidden" name="gps_lat" value="51.${4300 + n}" />` +
    `<input type="hidden" name="gps_long" value="6.${8800 + n}" />`;
  const markers = service.locations
    .map(
      (l, n) =>
        `<div style="display: none;" id="map_marker_content-${l.loc}">` +
        `<div><b>${esc(l.name)}</b><br/>Rathausplatz ${n + 1}<br/></div>\n` +
        `<form method="post">${fields(l, n)}` +
        '<input type="submit" name="select_location" class="btn btn-primary map_loc_btn" value="Standort auswählen"/>' +
        '</form></div>',
    )
    .join('\n');
  const panels = service.locations
    .map(
      (l, n) =>
        `<div class="suggest_location_panel"><form method="post">${fields(l, n)}
<dl class="grid suggest_location_tbl"><dt>Name</dt><dd>${esc(l.name)}</dd>` +
        `<dt>Anschrift</dt><dd>Rathausplatz ${n + 1}</dd></dl>
<input type="submit" class="sel_button btn btn-primary" value="Weiter" name="select_location" /></form></div>`,
    )
    .join('\n');
  return layout(
    site,
    'Schritt 3<span class="visuallyhidden"> von 6</span>: Terminvorschläge - Standortauswahl',
    `<div id="loc_map">${markers}</div>\n${panels}`,
  );
}

export interface SuggestDay {
  day: string;
  weekdayName: string;
  week: string;
  weekday: number;
  /** Minutes after midnight, free and taken. */
  free: number[];
  taken: number[];
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A suggestion's checksum field: 64 hex digits, as on the real page. */
const checksum = (minutes: number, calendar: string) =>
  (minutes * 7919 + Number(calendar)).toString(16).padStart(64, '0');

/** Wizard, step 4: one day of free times (or the "no times" notice), with the filter form. */
export function suggestPage(
  site: string,
  service: SimTevisService,
  location: SimTevisLocation,
  shown: SuggestDay | undefined,
  range: { from: string; to: string },
): string {
  if (!shown) {
    const body =
      '<div class="row"><h2 class="h1like">Kein freier Termin verfügbar</h2>' +
      '<span>Für die aktuelle Anliegenauswahl ist leider kein Termin verfügbar.</span></div>';
    return layout(
      site,
      'Schritt 4<span class="visuallyhidden"> von 6</span>: Terminvorschläge - Keine Zeiten verfügbar',
      body,
    );
  }
  const filter =
    `<form action="" method="get" id="suggest_filter_form"><input type="hidden" name="loc" value="${location.loc}">
<input type="hidden" name="mdt" value="0" /><input type="hidden" name="${service.key}" value="1" />
<input type="text" name="filter_date_from" id="filter_date_from" class="suggest_date" value="${range.from}"/>
<input type="text" name="filter_date_to" id="filter_date_to" class="suggest_date" value="${range.to}"/>
<input type="checkbox" value="${shown.weekday}" name="filter_day[]" />` +
    '<input title="Filtern" type="submit" value="Filtern" name="suggest_filter" /></form>';
  const minutes = [...new Set([...shown.free, ...shown.taken])].sort((a, b) => a - b);
  const hours = [...new Set(minutes.map((m) => Math.floor(m / 60)))];
  const rows = hours
    .map((hour) => {
      const cells = minutes
        .filter((m) => Math.floor(m / 60) === hour)
        .map((m, block) =>
          shown.free.includes(m)
            ? '<td><form method="post" class="suggestion_form">' +
              `<input type="hidden" name="start" value="${m}" />` +
              `<input type="hidden" name="end" value="${m + 15}" />\n` +
              `<input type="hidden" name="day" value="${shown.weekday}" />` +
              `<input type="hidden" name="block" value="${block + 1}" />` +
              `<input type="hidden" name="hour" value="${hour}" />\n` +
              `<input type="hidden" name="week" value="${shown.week}" />` +
              `<input type="hidden" name="date" value="${shown.day.replace(/-/g, '')}" />` +
              `<input type="hidden" name="cal" value="${location.calendar}" />\n` +
              `<input type="hidden" name="checksum" value="${checksum(m, location.calendar)}" />` +
              '<input type="hidden" name="pow_token" value="" /><input type="hidden" name="pow_nonce" value="" />\n' +
              `<button type="submit" class="suggest_btn btn btn-primary " title="${hhmm(m)}">` +
              `${hhmm(m)}</button ></form></td>`
            : `<td><button type="button" class="suggest_btn btn btn-primary " disabled>${hhmm(m)}</button></td>`,
        )
        .join('\n');
      const hourSpan = `<span aria-hidden="true">${hhmm(hour * 60)} - ${hhmm(hour * 60 + 60)}</span>`;
      return `<tr><th scope="row">${hourSpan}</th>\n${cells}\n</tr>`;
    })
    .join('\n');
  const [y, mo, d] = shown.day.split('-');
  const body =
    '<details id="details_vorschlage"><summary id="vorschlag_summary">Vorschläge filtern</summary>' +
    `<div>${filter}</div></details>
<details id="details_suggest_times" isOpen><summary id="suggest_details_summary">
    ${shown.weekdayName}, ${d}.${mo}.${y}
</summary><div class="suggest_details_panel"><table class="sugg_table ">${rows}</table></div></details>`;
  return layout(site, 'Schritt 4<span class="visuallyhidden"> von 6</span>: Terminvorschläge - Auswahl der Zeit', body);
}
