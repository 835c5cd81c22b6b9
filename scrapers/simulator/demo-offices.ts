import type { LocationSpec, OfficeSpec, OpeningHours } from './office-spec.js';
import { ALL_DAY, CITIZEN, MORNINGS, SATURDAY } from './opening-hours.js';
import type { TevisFlow } from './tevis-server.js';
import type { ZmsSimOffice, ZmsSimService } from './zms-catalog.js';

function at(
  id: string,
  name: string,
  slotMinutes: number,
  hours: OpeningHours,
  more: Partial<LocationSpec> = {},
): LocationSpec {
  return { id, name, slotMinutes, hours, horizonDays: 35, cancellationRate: 0.25, ...more };
}

/**
 * The demo world: 15 offices in 12 cities on all five systems. Location ids follow what each system's scraper
 * reports (tevis/etermin calendar ids, netappoint name slugs, tempus "row/tasks", zms "office-service").
 * Darmstadt fails right away and now and then, so the health view shows a failing scraper within the first minute.
 */
export const DEMO_OFFICES: OfficeSpec[] = [
  {
    sourceId: 'frankfurt',
    system: 'tevis',
    name: 'Stadt Frankfurt am Main',
    city: 'Frankfurt',
    locations: [
      at('101', 'Bürgeramt Innenstadt', 10, SATURDAY, { horizonDays: 42 }),
      at('102', 'Bürgeramt Bornheim', 15, CITIZEN),
      at('103', 'Bürgeramt Höchst', 15, CITIZEN, { demand: 1.1 }),
    ],
  },
  {
    sourceId: 'kassel',
    system: 'tevis',
    name: 'Stadt Kassel',
    city: 'Kassel',
    publisher: { kind: 'erratic', burstDays: 5, hideEveryHours: 2 },
    locations: [
      at('211', 'Meldewesen', 10, CITIZEN),
      at('212', 'Kfz-Zulassungswesen', 15, ALL_DAY),
      at('213', 'Führerscheinwesen', 20, MORNINGS),
    ],
  },
  {
    sourceId: 'darmstadt',
    system: 'tevis',
    name: 'Wissenschaftsstadt Darmstadt',
    city: 'Darmstadt',
    faults: [{ kind: 'http-500', everyMinutes: 180, forMinutes: 40 }],
    locations: [
      at('305', 'Ausländerbehörde', 30, MORNINGS, { demand: 1.2, horizonDays: 42 }),
      at('306', 'Bürger- und Ordnungsamt', 10, CITIZEN),
    ],
  },
  {
    sourceId: 'offenbach',
    system: 'tevis',
    name: 'Stadt Offenbach am Main',
    city: 'Offenbach',
    locations: [at('41', 'Standesamt', 30, MORNINGS, { demand: 0.6 }), at('42', 'Meldewesen', 10, CITIZEN)],
  },
  {
    sourceId: 'bonn',
    system: 'netappoint',
    name: 'Stadt Bonn',
    city: 'Bonn',
    locations: [
      at('fuhrerscheinwesen', 'Führerscheinwesen', 5, ALL_DAY),
      at('kfz-zulassungswesen', 'Kfz-Zulassungswesen', 5, ALL_DAY),
      at('meldewesen', 'Meldewesen', 10, SATURDAY, { cancellationRate: 0.35 }),
    ],
  },
  {
    sourceId: 'wuppertal',
    system: 'netappoint',
    name: 'Stadt Wuppertal',
    city: 'Wuppertal',
    locations: [
      at('einwohnermeldeamt-barmen', 'Einwohnermeldeamt Barmen', 15, CITIZEN),
      at('einwohnermeldeamt-elberfeld', 'Einwohnermeldeamt Elberfeld', 10, CITIZEN),
      at('strassenverkehrsamt', 'Straßenverkehrsamt', 20, ALL_DAY),
    ],
  },
  {
    sourceId: 'muenster',
    system: 'netappoint',
    name: 'Stadt Münster',
    city: 'Münster',
    faults: [{ kind: 'captcha', everyMinutes: 600, forMinutes: 25, offsetMinutes: 420 }],
    locations: [
      at('burgerburo-mitte', 'Bürgerbüro Mitte', 10, SATURDAY),
      at('auslanderbehorde', 'Ausländerbehörde', 30, MORNINGS, { demand: 1.2, horizonDays: 28 }),
    ],
  },
  {
    sourceId: 'dresden',
    system: 'etermin',
    name: 'Landeshauptstadt Dresden',
    city: 'Dresden',
    locations: [
      at('5021', 'Bürgerbüro Altstadt', 10, SATURDAY),
      at('5022', 'Bürgerbüro Neustadt', 15, CITIZEN),
      at('5023', 'Bürgerbüro Prohlis', 15, MORNINGS),
    ],
  },
  {
    sourceId: 'frankfurt-kfz',
    system: 'etermin',
    name: 'Frankfurt am Main – Straßenverkehrsamt',
    city: 'Frankfurt',
    locations: [
      at('7101', 'Kfz-Zulassungswesen', 5, ALL_DAY, { horizonDays: 28 }),
      at('7102', 'Führerscheinwesen', 15, MORNINGS),
    ],
  },
  {
    sourceId: 'halle',
    system: 'etermin',
    name: 'Stadt Halle (Saale)',
    city: 'Halle',
    publisher: { kind: 'slow-updates', refreshHours: 3 },
    faults: [{ kind: 'maintenance', everyMinutes: 480, forMinutes: 30, offsetMinutes: 120 }],
    locations: [
      at('6301', 'Einwohnermeldeamt', 10, CITIZEN),
      at('6302', 'Ausländerbehörde', 20, MORNINGS, { demand: 1.1 }),
    ],
  },
  {
    sourceId: 'leipzig',
    system: 'tempus',
    name: 'Stadt Leipzig',
    city: 'Leipzig',
    locations: [
      at('1201/17', 'Bürgeramt Mitte', 10, SATURDAY, { horizonDays: 42 }),
      at('1202/17', 'Bürgeramt Grünau', 15, CITIZEN),
      at('1203/21', 'Ausländerbehörde', 20, MORNINGS),
    ],
  },
  {
    sourceId: 'landkreis-leipzig',
    system: 'tempus',
    name: 'Landkreis Leipzig – Kfz-Zulassung',
    city: 'Leipzig',
    locations: [
      at('44/900', 'Zulassungsstelle Borna', 15, ALL_DAY),
      at('45/900', 'Zulassungsstelle Grimma', 15, ALL_DAY, { demand: 0.7 }),
    ],
  },
  {
    sourceId: 'augsburg',
    system: 'tempus',
    name: 'Stadt Augsburg',
    city: 'Augsburg',
    locations: [
      at('31/402', 'Bürgerbüro Haunstetten', 15, CITIZEN),
      at('32/402', 'Bürgerbüro Innenstadt', 10, SATURDAY),
      at('33/-', 'Kfz-Zulassung', 20, ALL_DAY),
    ],
  },
  {
    sourceId: 'muenchen',
    system: 'zms',
    name: 'Landeshauptstadt München – Bürgerservice',
    city: 'München',
    locations: [
      at('10489-1063475', 'Bürgerbüro Ruppertstraße / Wohnsitz anmelden', 10, CITIZEN, { demand: 1.2 }),
      at('10489-1063453', 'Bürgerbüro Ruppertstraße / Reisepass', 15, CITIZEN, { demand: 1.2 }),
      at('10470-1063475', 'Bürgerbüro Orleansplatz / Wohnsitz anmelden', 10, MORNINGS),
      at('10470-1063453', 'Bürgerbüro Orleansplatz / Reisepass', 15, MORNINGS),
      at('102522-1063475', 'Bürgerbüro Pasing / Wohnsitz anmelden', 10, SATURDAY, { demand: 1.1 }),
      at('102522-1063453', 'Bürgerbüro Pasing / Reisepass', 15, SATURDAY),
    ],
  },
  {
    sourceId: 'regensburg',
    system: 'tempus',
    name: 'Stadt Regensburg',
    city: 'Regensburg',
    locations: [
      at('7/1450', 'Führerscheinstelle', 20, MORNINGS),
      at('8/1451', 'Einwohnermeldeamt', 10, CITIZEN, { horizonDays: 28 }),
    ],
  },
];

/**
 * München's ZMS site also lists an office whose reads need a captcha (office-watch leaves it unread and says so).
 * Its ids are made up; the Bürgerbüros' ids above are München's own (protocols-zms.md).
 */
export const DEMO_ZMS_GATED: { office: ZmsSimOffice; service: ZmsSimService } = {
  office: { id: 10187259, name: 'Ausländerbehörde', captcha: true },
  service: { id: 1064312, name: 'Aufenthaltserlaubnis' },
};

/** Both tevis front ends are in the demo. */
export const DEMO_TEVIS_FLOWS: Record<string, TevisFlow> = {
  frankfurt: 'wizard',
  kassel: 'classic',
  darmstadt: 'classic',
  offenbach: 'wizard',
};
