import type { WallTime } from './contract.js';

// Made on first use: loading the time zone's data costs 10–15 ms, at start-up of every command otherwise.
let format: Intl.DateTimeFormat | undefined;
const berlinFormat = (): Intl.DateTimeFormat =>
  (format ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }));

/** An instant as Berlin wall clock 'YYYY-MM-DD HH:MM:SS', whatever the process time zone. */
export function toBerlinWallTime(instant: Date): WallTime {
  const parts: Record<string, string> = {};
  for (const part of berlinFormat().formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The instant a Berlin wall-clock time denotes (the earlier one in the autumn overlap). */
export function berlinWallTimeToDate(wall: WallTime): Date {
  const asUtc = Date.parse(`${wall.replace(' ', 'T')}Z`);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${toBerlinWallTime(new Date(guess)).replace(' ', 'T')}Z`);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/** 'YYYY-MM-DD' of a wall time plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
