import { calendarAnswer } from './zms-calendar.js';
import { offers, type ZmsSimCatalog } from './zms-catalog.js';
import { csvIntegers, daysBetween, errorResponse, isDay, validCounts } from './zms-errors.js';
import { freeTimes } from './zms-free.js';
import type { SimOffice, SimResponse } from './types.js';

/** What an endpoint works on: the office (site), its catalog now, the query. */
export interface EndpointContext {
  office: SimOffice;
  catalog: ZmsSimCatalog;
  query: URLSearchParams;
}

export const json = (body: unknown): SimResponse => ({ contentType: 'application/json', body: JSON.stringify(body) });

/**
 * GET /available-calendar/ (muc46 on). Validation as ValidationService::validateGetBookableFreeDays: first every
 * parameter, errors collected (status: the highest); then per office, the first failure wins; then the backend.
 */
export function availableCalendar({ office, catalog, query }: EndpointContext): SimResponse {
  const officeIds = csvIntegers(query.get('officeIds'));
  const serviceIds = csvIntegers(query.get('serviceIds'));
  const [start, end] = [query.get('startDate'), query.get('endDate')];
  const errors: string[] = [];
  if (!officeIds) errors.push('invalidOfficeId');
  if (!serviceIds) errors.push('invalidServiceId');
  if (!isDay(start)) errors.push('invalidStartDate');
  if (!isDay(end)) errors.push('invalidEndDate');
  // The code names keys ErrorMessages lacks (startDateAfterEndDate, dateRangeTooLarge): they come out as unknownError.
  if (isDay(start) && isDay(end) && (start > end || daysBetween(start, end) > 365)) errors.push('unknownError');
  const [slotsStart, slotsEnd] = [query.get('slotsStartDate') ?? start, query.get('slotsEndDate') ?? end];
  if (query.has('slotsStartDate') && !isDay(slotsStart)) errors.push('invalidSlotsStartDate');
  if (query.has('slotsEndDate') && !isDay(slotsEnd)) errors.push('invalidSlotsEndDate');
  const window = query.has('slotsStartDate') && query.has('slotsEndDate');
  if (window && isDay(slotsStart) && isDay(slotsEnd) && slotsStart > slotsEnd)
    errors.push('slotsStartDateAfterEndDate');
  if (!validCounts(query.get('serviceCounts'))) errors.push('invalidServiceCount');
  const captcha = captchaError(catalog, officeIds ?? [], query.get('captchaToken'));
  if (captcha) errors.push(captcha);
  if (errors.length > 0 || !officeIds || !serviceIds || !isDay(start) || !isDay(end)) return errorResponse(errors);
  const refused = officeError(catalog, officeIds, serviceIds);
  if (refused) return errorResponse([refused]);
  if (officeIds.some((id) => catalog.offices.find((o) => o.id === id)?.scope === false)) {
    return errorResponse(['noAppointmentForThisScope']);
  }
  // Backend InvalidFirstDay (a window outside the range) → the undefined key invalidDateRange → unknownError.
  if (!isDay(slotsStart) || !isDay(slotsEnd) || slotsEnd < start || slotsStart > end)
    return errorResponse(['unknownError']);
  const clamped = {
    slotsStartDate: slotsStart < start ? start : slotsStart,
    slotsEndDate: slotsEnd > end ? end : slotsEnd,
  };
  const free = freeTimes(office, catalog, { officeIds, serviceIds, from: start, to: end });
  return json(calendarAnswer({ startDate: start, endDate: end, ...clamped, officeIds }, free));
}

/** Phase 2, per office in order: an id ≤ 0, or an office (known or not) not offering every service. */
export function officeError(catalog: ZmsSimCatalog, officeIds: number[], serviceIds: number[]): string | undefined {
  for (const officeId of officeIds) {
    if (officeId <= 0) return 'invalidOfficeId';
    if (!serviceIds.every((serviceId) => offers(catalog, officeId, serviceId)))
      return 'invalidLocationAndServiceCombination';
  }
  return undefined;
}

/**
 * A read of a captcha-gated office needs a token (even with CAPTCHA_ENABLED off). The simulator hands out no tokens
 * (they come from solving the ALTCHA proof of work), so any token it is given is invalid.
 */
export function captchaError(catalog: ZmsSimCatalog, officeIds: number[], token: string | null): string | undefined {
  if (!officeIds.some((id) => catalog.offices.find((o) => o.id === id)?.captcha === true)) return undefined;
  return token === null || token === '' ? 'captchaMissing' : 'captchaInvalid';
}
