import { addDays, berlinWallTimeToDate } from '../../core/berlin-time.js';
import type { WallTime } from '../types.js';

export interface CalendarRequest {
  startDate: string;
  endDate: string;
  /** The slot window, already clamped to [startDate, endDate]. */
  slotsStartDate: string;
  slotsEndDate: string;
  /** In request order. */
  officeIds: number[];
}

/** /available-calendar/'s answer, bare JSON as the API sends it. */
export interface CalendarAnswer {
  startDate: string;
  endDate: string;
  slotsStartDate: string;
  slotsEndDate: string;
  prevBookableDate: string | null;
  nextBookableDate: string | null;
  availableDays: { date: string; providerIDs: string; offices: { officeId: string; appointments: number[] }[] }[];
}

/**
 * CalendarAvailability (zmsbackend @H) over the offices' free start times (within the horizon, after now, sorted).
 * One day gets times: a multi-day window narrows to its first bookable day; a single unbookable day D to the first
 * bookable day of D's month (earlier or later than D), or, if that month has none, of the whole horizon. The
 * answer paints that day's month: its bookable days, the others with `offices: []`, and the nearest bookable days
 * before and after the month. Nothing bookable: the window comes back as asked, with no days.
 */
export function calendarAnswer(
  request: CalendarRequest,
  free: ReadonlyMap<number, readonly WallTime[]>,
): CalendarAnswer {
  const byDay = new Map<string, Map<number, WallTime[]>>();
  for (const officeId of request.officeIds) {
    for (const time of free.get(officeId) ?? []) {
      const day = time.slice(0, 10);
      const offices = byDay.get(day) ?? byDay.set(day, new Map()).get(day)!;
      (offices.get(officeId) ?? offices.set(officeId, []).get(officeId)!).push(time);
    }
  }
  const bookable = [...byDay.keys()].filter((d) => d >= request.startDate && d <= request.endDate).sort();
  const { startDate, endDate } = request;
  const day = pickDay(bookable, request);
  if (day === undefined) {
    const { slotsStartDate, slotsEndDate } = request;
    return {
      startDate,
      endDate,
      slotsStartDate,
      slotsEndDate,
      prevBookableDate: null,
      nextBookableDate: null,
      availableDays: [],
    };
  }
  const month = day.slice(0, 7);
  const providers = (d: string) => [...byDay.get(d)!.keys()].map(String).sort();
  const availableDays = bookable
    .filter((d) => d.startsWith(month))
    .map((d) => ({
      date: d,
      providerIDs: providers(d).join(','),
      offices:
        d !== day
          ? []
          : providers(d).map((id) => ({
              officeId: id,
              appointments: [...new Set(byDay.get(d)!.get(Number(id))!.map(berlinUnixSeconds))].sort((a, b) => a - b),
            })),
    }));
  return {
    startDate,
    endDate,
    slotsStartDate: day,
    slotsEndDate: day,
    prevBookableDate: bookable.filter((d) => d < `${month}-01`).at(-1) ?? null,
    nextBookableDate: bookable.find((d) => d.slice(0, 7) > month) ?? null,
    availableDays,
  };
}

function pickDay(bookable: string[], { startDate, slotsStartDate, slotsEndDate }: CalendarRequest): string | undefined {
  if (slotsStartDate < slotsEndDate) {
    const inWindow = bookable.find((d) => d >= slotsStartDate && d <= slotsEndDate);
    if (inWindow) return inWindow;
  } else if (bookable.includes(slotsStartDate)) {
    return slotsStartDate;
  }
  const month = slotsStartDate.slice(0, 7);
  return bookable.find((d) => d.startsWith(month) && d >= startDate) ?? bookable[0];
}

// Berlin's offset per day, for the days without a clock change (most of them): a slot list converts quickly.
const offsets = new Map<string, number | null>();

/** Unix seconds of a Berlin wall time (the earlier instant in the autumn overlap). */
export function berlinUnixSeconds(wall: WallTime): number {
  const day = wall.slice(0, 10);
  let offset = offsets.get(day);
  if (offset === undefined) {
    const at = (w: string) => Date.parse(`${w.replace(' ', 'T')}Z`) - berlinWallTimeToDate(w).getTime();
    const [early, late] = [at(`${day} 00:00:00`), at(`${addDays(day, 1)} 00:00:00`)];
    offset = early === late ? early : null;
    if (offsets.size > 4_000) offsets.clear();
    offsets.set(day, offset);
  }
  const ms = offset === null ? berlinWallTimeToDate(wall).getTime() : Date.parse(`${wall.replace(' ', 'T')}Z`) - offset;
  return Math.floor(ms / 1000);
}
