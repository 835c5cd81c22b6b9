import type { SimOffice } from './types.js';

/** An office of a simulated ZMS site. */
export interface ZmsSimOffice {
  id: number;
  name: string;
  /** Its scope has captchaActivatedRequired: every calendar read of it needs a captcha token. */
  captcha?: boolean;
  /** false: no scope (the calendar answers 404 noAppointmentForThisScope). Default true. */
  scope?: boolean;
  sharedBookingOfficeIds?: number[];
  /** false: not public, left out of offices-and-services. */
  public?: boolean;
}

export interface ZmsSimService {
  id: number;
  name: string;
  public?: boolean;
}

export interface ZmsSimRelation {
  officeId: number;
  serviceId: number;
  /** Slot units; 0 never yields times. Default 1. */
  slots?: number;
  public?: boolean;
}

export interface ZmsSimCatalog {
  offices: ZmsSimOffice[];
  services: ZmsSimService[];
  relations: ZmsSimRelation[];
}

/** A location id of the simulated office, `{officeId}-{serviceId}` (what the scraper reports). */
export const ZMS_LOCATION_ID = /^(\d+)-(\d+)$/;

/**
 * The catalog an office's locations make: location `{officeId}-{serviceId}` named "office / service" (a name
 * without " / " names the office; its service is then "Dienstleistung {id}").
 */
export function catalogOf(office: Pick<SimOffice, 'locations'>): ZmsSimCatalog {
  const offices = new Map<number, ZmsSimOffice>();
  const services = new Map<number, ZmsSimService>();
  const relations: ZmsSimRelation[] = [];
  for (const { id, name } of office.locations) {
    const match = ZMS_LOCATION_ID.exec(id);
    if (!match) throw new Error(`a ZMS location id is {officeId}-{serviceId}, not "${id}"`);
    const [officeId, serviceId] = [Number(match[1]), Number(match[2])];
    const cut = name.lastIndexOf(' / ');
    const [officeName, serviceName] =
      cut < 0 ? [name, `Dienstleistung ${serviceId}`] : [name.slice(0, cut), name.slice(cut + 3)];
    if (!offices.has(officeId)) offices.set(officeId, { id: officeId, name: officeName });
    if (!services.has(serviceId)) services.set(serviceId, { id: serviceId, name: serviceName });
    relations.push({ officeId, serviceId });
  }
  return { offices: [...offices.values()], services: [...services.values()], relations };
}

/** Whether an office offers a service (a public relation; the backend checks nothing more). */
export function offers(catalog: ZmsSimCatalog, officeId: number, serviceId: number): boolean {
  return catalog.relations.some((r) => r.officeId === officeId && r.serviceId === serviceId && r.public !== false);
}

/**
 * The /offices-and-services/ body (§2.1): non-public offices and services dropped, and services without a public
 * relation; services by id; relations filtered on their own public flag only (they may name what is not listed).
 */
export function renderCatalog(catalog: ZmsSimCatalog): unknown {
  const relations = catalog.relations.filter((r) => r.public !== false);
  const related = new Set(relations.map((r) => r.serviceId));
  return {
    offices: catalog.offices.filter((o) => o.public !== false).map(renderOffice),
    services: catalog.services
      .filter((s) => s.public !== false && related.has(s.id))
      .sort((a, b) => a.id - b.id)
      .map((s) => ({
        id: s.id,
        name: s.name,
        maxQuantity: 1,
        combinable: [],
        parentId: null,
        variantId: null,
        rootParentId: s.id,
        showOnStartPage: true,
      })),
    relations: relations.map((r) => ({
      officeId: r.officeId,
      serviceId: r.serviceId,
      slots: r.slots ?? 1,
      public: true,
      maxQuantity: 0,
    })),
  };
}

function renderOffice(office: ZmsSimOffice): unknown {
  const scope =
    office.scope === false
      ? null
      : {
          id: office.id % 1000,
          provider: {
            id: office.id,
            name: office.name,
            displayName: office.name,
            lat: 48.1375,
            lon: 11.575,
            source: 'dldb',
            contact: { city: 'München' },
          },
          shortName: office.name,
          emailFrom: 'no-reply@muenchen.de',
          emailRequired: false,
          telephoneActivated: true,
          telephoneRequired: false,
          customTextfieldActivated: false,
          customTextfieldRequired: false,
          customTextfieldLabel: null,
          customTextfield2Activated: false,
          customTextfield2Required: false,
          customTextfield2Label: null,
          captchaActivatedRequired: office.captcha === true,
          infoForAppointment: null,
          infoForAllAppointments: null,
          slotsPerAppointment: null,
          appointmentsPerMail: null,
          whitelistedMails: null,
          reservationDuration: 15,
          activationDuration: null,
          hint: null,
        };
  return {
    id: office.id,
    name: office.name,
    address: null,
    showAlternativeLocations: false,
    displayNameAlternatives: [],
    organization: null,
    organizationUnit: null,
    slotTimeInMinutes: null,
    geo: { lat: '48.1375', lon: '11.575' },
    disabledByServices: [],
    priority: 1,
    scope,
    slotsPerAppointment: null,
    parentId: null,
    allowDisabledServicesMix: null,
    sharedBookingOfficeIds: office.sharedBookingOfficeIds ?? null,
  };
}
