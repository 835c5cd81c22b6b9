import { toBerlinWallTime } from '../core/berlin-time.js';
import { cleanName } from './etermin-parse.js';
import { ScrapeError } from './failure.js';
import type { WallTime } from './types.js';

/** An office (a DLDB/ZMS provider) as /offices-and-services/ lists it. */
export interface ZmsOffice {
  id: number;
  name: string;
  /** Offices without a scope cannot be booked (the calendar answers 404 noAppointmentForThisScope). */
  scope: boolean;
  /** `scope.captchaActivatedRequired`: every calendar read of this office needs a solved captcha. */
  captcha: boolean;
  /** `sharedBookingOfficeIds`: asked together, shared times show under one of them only. */
  peers: number[];
}

export interface ZmsService {
  id: number;
  name: string;
}

export interface ZmsRelation {
  officeId: number;
  serviceId: number;
  /** Slot units the service takes at the office; 0 never yields times. */
  slots: number;
}

export interface ZmsCatalog {
  offices: ZmsOffice[];
  services: ZmsService[];
  relations: ZmsRelation[];
}

/** One bookable day of an /available-calendar/ answer; `offices` is filled for the day of the slot window only. */
export interface ZmsDay {
  date: string;
  offices: { officeId: number; times: number[] }[];
}

export interface ZmsCalendar {
  /** The day the times belong to: not always the one asked for (the API snaps to a bookable day). */
  slotsStartDate: string;
  slotsEndDate: string;
  prevBookableDate: string | null;
  nextBookableDate: string | null;
  /** The bookable days of the painted month. */
  days: ZmsDay[];
}

type Entry = Record<string, unknown>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** /offices-and-services/ → offices, services and relations (ids as numbers, names cleaned). */
export function parseCatalog(json: unknown): ZmsCatalog {
  const body = object(json, 'the offices-and-services answer');
  const offices = list(body.offices, 'offices').flatMap((o): ZmsOffice[] => {
    const id = integer(o.id);
    if (id === undefined) return [];
    const scope = typeof o.scope === 'object' && o.scope !== null ? (o.scope as Entry) : undefined;
    const peers = Array.isArray(o.sharedBookingOfficeIds) ? o.sharedBookingOfficeIds.map(integer) : [];
    return [
      {
        id,
        name: cleanName(o.name) || `office ${id}`,
        scope: scope !== undefined,
        captcha: scope?.captchaActivatedRequired === true,
        peers: peers.filter((peer): peer is number => peer !== undefined && peer !== id),
      },
    ];
  });
  const services = list(body.services, 'services').flatMap((s): ZmsService[] => {
    const id = integer(s.id);
    return id === undefined ? [] : [{ id, name: cleanName(s.name) || `service ${id}` }];
  });
  const relations = list(body.relations, 'relations').flatMap((r): ZmsRelation[] => {
    const [officeId, serviceId] = [integer(r.officeId), integer(r.serviceId)];
    if (officeId === undefined || serviceId === undefined || r.public === false) return [];
    return [{ officeId, serviceId, slots: integer(r.slots) ?? 1 }];
  });
  return { offices, services, relations };
}

/** /available-calendar/ (muc46 on): bare JSON, officeId a string, times Unix seconds. */
export function parseCalendar(json: unknown): ZmsCalendar {
  const body = object(json, 'the available-calendar answer');
  return {
    slotsStartDate: day(body.slotsStartDate, 'slotsStartDate'),
    slotsEndDate: day(body.slotsEndDate, 'slotsEndDate'),
    prevBookableDate: body.prevBookableDate == null ? null : day(body.prevBookableDate, 'prevBookableDate'),
    nextBookableDate: body.nextBookableDate == null ? null : day(body.nextBookableDate, 'nextBookableDate'),
    days: list(body.availableDays, 'availableDays').map((d) => ({
      date: day(d.date, 'availableDays[].date'),
      offices: d.offices == null ? [] : parseOffices(d.offices),
    })),
  };
}

/** Legacy (≤ muc45) /available-days-by-office/ `[{time, providerIDs}]`, or /available-days/ `["YYYY-MM-DD"]`. */
export function parseLegacyDays(json: unknown): string[] {
  const days = object(json, 'the available-days answer').availableDays;
  if (!Array.isArray(days)) throw markup('availableDays is not a list');
  return days.map((d) => day(typeof d === 'string' ? d : (d as Entry | null)?.time, 'availableDays[].time'));
}

/** Legacy /available-appointments-by-office/: `{offices: [{officeId: int, appointments}]}`. */
export function parseLegacyOffices(json: unknown): ZmsDay['offices'] {
  return parseOffices(object(json, 'the available-appointments answer').offices ?? []);
}

/** The `errorCode`s of an error envelope `{errors: [{errorCode, statusCode, errorMessage, errorType}]}`. */
export function errorCodes(json: unknown): string[] {
  const errors = typeof json === 'object' && json !== null ? (json as Entry).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e) =>
    typeof (e as Entry | null)?.errorCode === 'string' ? [(e as Entry).errorCode as string] : [],
  );
}

/** A free time (Unix seconds) as Berlin wall clock, DST included, whatever the process time zone. */
export function unixToWallTime(seconds: number): WallTime {
  return toBerlinWallTime(new Date(seconds * 1000));
}

function parseOffices(json: unknown): ZmsDay['offices'] {
  return list(json, 'offices').map((o) => {
    const officeId = integer(o.officeId);
    if (officeId === undefined) throw markup(`not an office id: ${JSON.stringify(o.officeId)}`);
    const times = Array.isArray(o.appointments) ? o.appointments : [];
    if (!times.every((t) => Number.isSafeInteger(t)))
      throw markup(`office ${officeId} has times that are not Unix seconds`);
    return { officeId, times: times as number[] };
  });
}

/** An id as the API sends it: an int, or a numeric string where the calendar answer has one. */
function integer(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

function day(value: unknown, field: string): string {
  if (typeof value !== 'string' || !DAY.test(value)) throw markup(`${field} is not a date: ${JSON.stringify(value)}`);
  return value;
}

function object(json: unknown, what: string): Entry {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw markup(`${what} is not a JSON object`);
  return json as Entry;
}

function list(json: unknown, what: string): Entry[] {
  if (!Array.isArray(json)) throw markup(`${what} is not a list`);
  return json.filter((entry): entry is Entry => typeof entry === 'object' && entry !== null);
}

function markup(problem: string): ScrapeError {
  return new ScrapeError('markup', `zms: ${problem}`);
}
