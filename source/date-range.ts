import { UserError } from './user-error.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/;

/** A --from/--to value as a wall-clock bound: a day means its start (from) or its end (to). */
export function wallBound(value: unknown, flag: 'from' | 'to'): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  let wall: string;
  if (DAY.test(text)) wall = `${text} ${flag === 'from' ? '00:00:00' : '23:59:59'}`;
  else if (TIME.test(text)) wall = `${text.replace('T', ' ')}${text.length === 16 ? ':00' : ''}`;
  else throw new UserError(`--${flag} "${text}" is not a date (YYYY-MM-DD or "YYYY-MM-DD HH:MM").`, 2);
  const [date, time] = wall.split(' ') as [string, string];
  const parsed = new Date(`${date}T${time}Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    throw new UserError(`--${flag} "${text}" is not a real date.`, 2);
  return wall;
}

/** Both bounds, checked against each other. */
export function wallRange(flags: { from?: unknown; to?: unknown }): { from?: string; to?: string } {
  const from = wallBound(flags.from, 'from');
  const to = wallBound(flags.to, 'to');
  if (from && to && from > to) throw new UserError(`--from ${from} is after --to ${to}.`, 2);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
