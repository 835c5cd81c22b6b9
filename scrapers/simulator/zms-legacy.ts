import { berlinUnixSeconds } from './zms-calendar.js';
import { captchaError, json, officeError, type EndpointContext } from './zms-endpoints.js';
import { csvIntegers, errorResponse, isDay, validCounts } from './zms-errors.js';
import { freeTimes } from './zms-free.js';
import type { SimResponse } from './types.js';

/**
 * The availability endpoints up to 2.25.00-muc45 (removed in muc46): singular parameter names with CSV values,
 * two steps (days, then one day's times), and "nothing free" as a 404 where the new endpoint answers 200.
 */
export const LEGACY_ENDPOINTS: Record<string, (context: EndpointContext) => SimResponse> = {
  'available-days-by-office': (context) =>
    days(context, (free) => ({
      availableDays: free.map(({ day, offices }) => ({ time: day, providerIDs: offices.join(',') })),
    })),
  'available-days': (context) => days(context, (free) => ({ availableDays: free.map(({ day }) => day) })),
  'available-appointments-by-office': (context) =>
    appointments(context, (offices) => json({ offices: offices.filter((o) => o.appointments.length > 0) })),
  'available-appointments': (context) =>
    appointments(context, (offices) => {
      const times = [...new Set(offices.flatMap((o) => o.appointments))].sort((a, b) => a - b);
      return times.length === 0 ? errorResponse(['appointmentNotAvailable']) : json({ appointmentTimestamps: times });
    }),
};

interface Parsed {
  officeIds: number[];
  serviceIds: number[];
}

/** The checks the legacy controllers shared: ids, counts, the days asked, captcha, then the offices. */
function validate({ catalog, query }: EndpointContext, dates: string[]): Parsed | SimResponse {
  const officeIds = csvIntegers(query.get('officeId'));
  const serviceIds = csvIntegers(query.get('serviceId'));
  const errors: string[] = [];
  if (!officeIds) errors.push('invalidOfficeId');
  if (!serviceIds) errors.push('invalidServiceId');
  for (const name of dates) {
    if (!isDay(query.get(name)))
      errors.push(name === 'date' ? 'invalidDate' : name === 'startDate' ? 'invalidStartDate' : 'invalidEndDate');
  }
  if (!validCounts(query.get('serviceCount'))) errors.push('invalidServiceCount');
  const captcha = captchaError(catalog, officeIds ?? [], query.get('captchaToken'));
  if (captcha) errors.push(captcha);
  if (errors.length > 0 || !officeIds || !serviceIds) return errorResponse(errors);
  const refused = officeError(catalog, officeIds, serviceIds);
  return refused ? errorResponse([refused]) : { officeIds, serviceIds };
}

function days(context: EndpointContext, render: (free: { day: string; offices: number[] }[]) => unknown): SimResponse {
  const parsed = validate(context, ['startDate', 'endDate']);
  if (!('officeIds' in parsed)) return parsed;
  const [from, to] = [context.query.get('startDate')!, context.query.get('endDate')!];
  const free = freeTimes(context.office, context.catalog, { ...parsed, from, to });
  const byDay = new Map<string, Set<number>>();
  for (const [officeId, times] of free) {
    for (const time of times)
      (byDay.get(time.slice(0, 10)) ?? byDay.set(time.slice(0, 10), new Set()).get(time.slice(0, 10))!).add(officeId);
  }
  const list = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, offices]) => ({ day, offices: [...offices].sort((a, b) => a - b) }));
  return list.length === 0 ? errorResponse(['noAppointmentForThisDay']) : json(render(list));
}

function appointments(
  context: EndpointContext,
  render: (offices: { officeId: number; appointments: number[] }[]) => SimResponse,
): SimResponse {
  const parsed = validate(context, ['date']);
  if (!('officeIds' in parsed)) return parsed;
  const date = context.query.get('date')!;
  const free = freeTimes(context.office, context.catalog, { ...parsed, from: date, to: date });
  // officeId an int here: PHP turns numeric array keys into integers.
  return render([...free].map(([officeId, times]) => ({ officeId, appointments: times.map(berlinUnixSeconds) })));
}
