import { describe, expect, it } from 'vitest';
import { ScrapeError } from '../../scrapers/failure.js';
import {
  errorCodes,
  parseCalendar,
  parseCatalog,
  parseLegacyDays,
  parseLegacyOffices,
  unixToWallTime,
} from '../../scrapers/zms-parse.js';

// Fixture snippets of it-at-m/eappointment as protocols-zms.md quotes them, re-typed (paths relative to the repo):
// H = branch next 7b670e4e6f008fbd427b50abada0a5d829961cce (= tag 2.25.00-muc47),
// L = tag 2.25.00-muc45 3d7628218acf92ca0b39b6f8af34998399bada23.

/** zmscitizenapi/tests/Zmscitizenapi/Controllers/Office/OfficesServicesRelationsControllerTest.php::testRendering @H
 * (the test's PHP array as JSON, trimmed where the protocol trims it). */
const OFFICES_AND_SERVICES = {
  offices: [
    {
      id: 9999998,
      name: 'Unittest',
      address: null,
      showAlternativeLocations: false,
      displayNameAlternatives: [],
      organization: null,
      organizationUnit: null,
      slotTimeInMinutes: null,
      geo: { lat: '48.12750898398659', lon: '11.604317899956524' },
      disabledByServices: [],
      priority: 1,
      scope: {
        id: 1,
        provider: {
          id: 9999998,
          name: 'Unittest Source Dienstleister',
          displayName: 'Unittest',
          lat: 48.12750898398659,
          lon: 11.604317899956524,
          source: 'unittest',
          contact: { city: 'Berlin' },
        },
        shortName: 'Scope 1',
        emailFrom: 'no-reply@muenchen.de',
        emailRequired: false,
        captchaActivatedRequired: false,
        infoForAppointment: null,
        infoForAllAppointments: null,
        slotsPerAppointment: null,
        appointmentsPerMail: null,
        whitelistedMails: null,
        reservationDuration: null,
        activationDuration: null,
        hint: null,
      },
      slotsPerAppointment: null,
      parentId: null,
      allowDisabledServicesMix: null,
      sharedBookingOfficeIds: null,
    },
  ],
  services: [
    {
      id: 1,
      name: 'Unittest Source Dienstleistung',
      maxQuantity: 1,
      combinable: [],
      parentId: null,
      variantId: null,
      rootParentId: 1,
      showOnStartPage: true,
    },
  ],
  relations: [
    { officeId: 9999998, serviceId: 1, slots: 2, public: true, maxQuantity: null },
    { officeId: 9999999, serviceId: 1, slots: 1, public: true, maxQuantity: null },
    { officeId: 9999999, serviceId: 2, slots: 1, public: true, maxQuantity: null },
  ],
};

/** zmscitizenapi/tests/Zmscitizenapi/Controllers/Availability/AvailableCalendarControllerTest.php::testRendering @H. */
const CALENDAR = {
  startDate: '2024-08-21',
  endDate: '2024-08-23',
  slotsStartDate: '2024-08-21',
  slotsEndDate: '2024-08-23',
  prevBookableDate: null,
  nextBookableDate: null,
  availableDays: [
    { date: '2024-08-22', providerIDs: '9999998', offices: [{ officeId: '9999998', appointments: [32526616522] }] },
    {
      date: '2024-08-23',
      providerIDs: '9999998',
      offices: [{ officeId: '9999998', appointments: [32526616622, 32526616652] }],
    },
  ],
};

/** …AvailableCalendarControllerTest.php::testEmptyCalendar @H. */
const EMPTY_CALENDAR = {
  startDate: '2024-08-21',
  endDate: '2024-08-23',
  slotsStartDate: '2024-08-21',
  slotsEndDate: '2024-08-23',
  prevBookableDate: null,
  nextBookableDate: null,
  availableDays: [],
};

describe('zms parse: offices-and-services', () => {
  it('reads testRendering: int ids, the scope and its captcha flag, relations with their slot need', () => {
    const catalog = parseCatalog(OFFICES_AND_SERVICES);
    expect(catalog.offices).toEqual([{ id: 9999998, name: 'Unittest', scope: true, captcha: false, peers: [] }]);
    expect(catalog.services).toEqual([{ id: 1, name: 'Unittest Source Dienstleistung' }]);
    // Relations are kept as listed; they may name offices and services the lists lack (the plan intersects).
    expect(catalog.relations).toEqual([
      { officeId: 9999998, serviceId: 1, slots: 2 },
      { officeId: 9999999, serviceId: 1, slots: 1 },
      { officeId: 9999999, serviceId: 2, slots: 1 },
    ]);
  });

  it('reads a captcha scope, a missing scope and shared bookings; refuses what is not the catalog', () => {
    const office = OFFICES_AND_SERVICES.offices[0]!;
    const json = {
      ...OFFICES_AND_SERVICES,
      offices: [
        {
          ...office,
          id: 10,
          name: '  Ausländer<b>behörde</b> ',
          scope: { ...office.scope, captchaActivatedRequired: true },
        },
        { ...office, id: 11, scope: null, sharedBookingOfficeIds: [12, 11] },
      ],
    };
    expect(parseCatalog(json).offices).toEqual([
      { id: 10, name: 'Ausländer behörde', scope: true, captcha: true, peers: [] },
      { id: 11, name: 'Unittest', scope: false, captcha: false, peers: [12] },
    ]);
    for (const bad of [null, [], { offices: [], services: [] }, '{"meta":{},"data":{}}']) {
      expect(() => parseCatalog(bad)).toThrow(ScrapeError);
    }
  });
});

describe('zms parse: available-calendar', () => {
  it('reads testRendering: officeId a string, times Unix seconds, bare JSON', () => {
    expect(parseCalendar(CALENDAR)).toEqual({
      slotsStartDate: '2024-08-21',
      slotsEndDate: '2024-08-23',
      prevBookableDate: null,
      nextBookableDate: null,
      days: [
        { date: '2024-08-22', offices: [{ officeId: 9999998, times: [32526616522] }] },
        { date: '2024-08-23', offices: [{ officeId: 9999998, times: [32526616622, 32526616652] }] },
      ],
    });
  });

  it('reads testEmptyCalendar: 200 with no days', () => {
    expect(parseCalendar(EMPTY_CALENDAR).days).toEqual([]);
  });

  it('refuses the {meta, data} envelope of zmsbackend and times that are not Unix seconds', () => {
    // zmscitizenapi/tests/Zmscitizenapi/fixtures/GET_calendar_availability.json @H: the backend's answer,
    // not the API's.
    const backend = { meta: { error: false, server: 'Zmsapi' }, data: { ...CALENDAR, availableDays: undefined } };
    expect(() => parseCalendar(backend)).toThrow(/slotsStartDate is not a date/);
    const day = { date: '2024-08-22', providerIDs: '1', offices: [{ officeId: '1', appointments: ['15:00'] }] };
    expect(() => parseCalendar({ ...CALENDAR, availableDays: [day] })).toThrow(/not Unix seconds/);
  });

  it('turns zmscitizenview/tests/helpers/calendarAvailability.ts @H into Berlin wall time: 1750165200 is 15:00', () => {
    const day = { date: '2025-06-17', providerIDs: '1', offices: [{ officeId: 1, appointments: [1750165200] }] };
    const { days } = parseCalendar({ ...CALENDAR, availableDays: [day] });
    expect(days[0]!.offices[0]!.times.map(unixToWallTime)).toEqual(['2025-06-17 15:00:00']);
  });
});

describe('zms parse: Unix seconds to Berlin wall time across the clock changes', () => {
  it('2026-03-29: 01:30 CET, then 03:00 CEST an hour of wall clock later but a second after 01:59:59', () => {
    expect(unixToWallTime(Date.UTC(2026, 2, 29, 0, 30) / 1000)).toBe('2026-03-29 01:30:00');
    expect(unixToWallTime(Date.UTC(2026, 2, 29, 0, 59, 59) / 1000)).toBe('2026-03-29 01:59:59');
    expect(unixToWallTime(Date.UTC(2026, 2, 29, 1, 0) / 1000)).toBe('2026-03-29 03:00:00');
  });

  it('2026-10-25: 02:30 comes twice (CEST, then CET)', () => {
    expect(unixToWallTime(Date.UTC(2026, 9, 25, 0, 30) / 1000)).toBe('2026-10-25 02:30:00');
    expect(unixToWallTime(Date.UTC(2026, 9, 25, 1, 30) / 1000)).toBe('2026-10-25 02:30:00');
    expect(unixToWallTime(Date.UTC(2026, 9, 25, 2, 30) / 1000)).toBe('2026-10-25 03:30:00');
  });
});

describe('zms parse: legacy endpoints and errors', () => {
  it('reads the ≤ muc45 shapes', () => {
    // zmscitizenview/tests/unit/Appointment/AppointmentSelection.spec.ts @L (available-days-by-office).
    expect(parseLegacyDays({ availableDays: [{ time: '2025-05-14', providerIDs: '102522,54261,10489' }] })).toEqual([
      '2025-05-14',
    ]);
    // …/Controllers/Availability/AvailableDaysListControllerTest.php::testRendering @L (available-days).
    expect(parseLegacyDays({ availableDays: ['2024-08-22', '2024-08-23', '2024-08-26'] })).toEqual([
      '2024-08-22',
      '2024-08-23',
      '2024-08-26',
    ]);
    // AppointmentSelection.spec.ts @L (available-appointments-by-office): officeId an int.
    expect(parseLegacyOffices({ offices: [{ officeId: 102522, appointments: [1747202400, 1747223100] }] })).toEqual([
      { officeId: 102522, times: [1747202400, 1747223100] },
    ]);
    expect(() => parseLegacyDays({ availableDays: [{ date: '2025-05-14' }] })).toThrow(ScrapeError);
  });

  it('reads the error codes of the envelope, none of anything else', () => {
    // The envelope as ErrorMessages.php @H makes it (protocols-zms.md §3).
    const envelope = {
      errors: [
        {
          errorCode: 'invalidStartDate',
          statusCode: 400,
          errorMessage: 'startDate is required and must be a valid date.',
          errorType: 'warning',
        },
      ],
    };
    expect(errorCodes(envelope)).toEqual(['invalidStartDate']);
    expect(errorCodes({ error: { message: 'An internal error has occurred.', code: 0 } })).toEqual([]);
    expect(errorCodes(undefined)).toEqual([]);
  });
});
