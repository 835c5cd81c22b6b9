import type { ZmsGet } from './zms-api.js';
import { unexpected } from './zms-api.js';
import { parseCalendar, parseLegacyDays, parseLegacyOffices, type ZmsCalendar, type ZmsDay } from './zms-parse.js';
import type { ZmsGroup } from './zms-plan.js';

/** The days to read, 'YYYY-MM-DD', both included. */
export interface Horizon {
  start: string;
  end: string;
}

/** Free times (Unix seconds) per office of a group. */
export type GroupTimes = Map<number, Set<number>>;

/** The site's answer means the catalog read earlier no longer holds (an office stopped offering, or got a captcha). */
export class StaleCatalogError extends Error {
  constructor(readonly codes: string[]) {
    super(`the ZMS API refused a combination of office and service (${codes.join(', ')})`);
    this.name = 'StaleCatalogError';
  }
}

/** This API has no /available-calendar/ (404 notFound): a deployment from before muc46. */
export class LegacyApiError extends Error {
  constructor() {
    super('the ZMS API has no /available-calendar/');
    this.name = 'LegacyApiError';
  }
}

const STALE = new Set(['invalidLocationAndServiceCombination', 'captchaMissing', 'captchaInvalid', 'captchaExpired']);

/**
 * One group's free times through /available-calendar/ (§2.3): ask the first day, which paints its month (the bookable
 * days) and fills one day's times; then each other bookable day of that month; then the month of nextBookableDate,
 * until none is left within the horizon. An answer's times belong to the slotsStartDate it names, which is not always
 * the day asked for. Every request is for a month not yet painted or a day not yet read, so the loop ends.
 */
export async function readCalendar(get: ZmsGet, group: ZmsGroup, horizon: Horizon): Promise<GroupTimes> {
  const times: GroupTimes = new Map(group.officeIds.map((id) => [id, new Set<number>()]));
  const read = new Set<string>();
  const painted = new Set<string>();
  const ask = async (day: string): Promise<ZmsCalendar> => {
    const answer = await get('available-calendar/', {
      startDate: horizon.start,
      endDate: horizon.end,
      officeIds: group.officeIds.join(','),
      serviceIds: String(group.serviceId),
      serviceCounts: '1',
      slotsStartDate: day,
      slotsEndDate: day,
    });
    if (answer.status === 404 && answer.codes.includes('notFound')) throw new LegacyApiError();
    if (answer.status === 400 && answer.codes.some((code) => STALE.has(code)))
      throw new StaleCatalogError(answer.codes);
    // Offices without a scope (the catalog said otherwise): nothing to book there.
    if (answer.status === 404 && answer.codes.includes('noAppointmentForThisScope')) return empty(day);
    if (answer.status !== 200) throw unexpected(answer);
    const calendar = parseCalendar(answer.json);
    read.add(day);
    if (calendar.slotsStartDate === calendar.slotsEndDate) {
      read.add(calendar.slotsStartDate);
      const entry = calendar.days.find((d) => d.date === calendar.slotsStartDate);
      if (entry) take(times, entry.offices);
    }
    return calendar;
  };

  let target: string | null = horizon.start;
  while (target !== null && target <= horizon.end && !painted.has(target.slice(0, 7))) {
    const first = await ask(target);
    const month = first.slotsStartDate.slice(0, 7);
    painted.add(target.slice(0, 7)).add(month);
    const others = first.days
      .map((d) => d.date)
      .filter((d) => d.startsWith(month) && d >= horizon.start && d <= horizon.end);
    for (const day of others) if (!read.has(day)) await ask(day);
    target = first.nextBookableDate;
  }
  return times;
}

/**
 * One group's free times through the legacy endpoints (≤ muc45): the bookable days of the whole horizon at once
 * (404 noAppointmentForThisDay: none), then each day's times per office.
 */
export async function readLegacy(get: ZmsGet, group: ZmsGroup, horizon: Horizon): Promise<GroupTimes> {
  const times: GroupTimes = new Map(group.officeIds.map((id) => [id, new Set<number>()]));
  const common = { officeId: group.officeIds.join(','), serviceId: String(group.serviceId), serviceCount: '1' };
  const answer = await get('available-days-by-office/', { ...common, startDate: horizon.start, endDate: horizon.end });
  if (answer.status === 404 && answer.codes.includes('notFound')) throw new LegacyApiError();
  if (answer.status === 404 && answer.codes.includes('noAppointmentForThisDay')) return times;
  if (answer.status === 400 && answer.codes.some((code) => STALE.has(code))) throw new StaleCatalogError(answer.codes);
  if (answer.status !== 200) throw unexpected(answer);
  const days = [...new Set(parseLegacyDays(answer.json))].filter((d) => d >= horizon.start && d <= horizon.end).sort();
  for (const date of days) {
    const day = await get('available-appointments-by-office/', { ...common, date });
    if (day.status === 404 && day.codes.includes('appointmentNotAvailable')) continue;
    if (day.status !== 200) throw unexpected(day);
    take(times, parseLegacyOffices(day.json));
  }
  return times;
}

/** Keep the times of the group's own offices (an answer naming others is ignored there). */
function take(times: GroupTimes, offices: ZmsDay['offices']): void {
  for (const { officeId, times: list } of offices) {
    const set = times.get(officeId);
    if (set) for (const time of list) set.add(time);
  }
}

function empty(day: string): ZmsCalendar {
  return { slotsStartDate: day, slotsEndDate: day, prevBookableDate: null, nextBookableDate: null, days: [] };
}
