import { decodeRollup, ROLLUP } from './day-rollup.js';
import { key, lastPart, PREFIX } from './keys.js';
import type { LevelStore } from './level-store.js';
import type { HourlyCount, WallTime } from './types.js';

/**
 * A source's bookings and cancellations over [from, to] for charts of long spans: each day the range holds whole
 * as one count at its 00:00 hour, read from its day rollup (one record a day instead of one per location and hour);
 * the hours of a day the range takes only in part as they are.
 */
export async function dailyCounts(
  store: LevelStore,
  sourceId: string,
  from: WallTime,
  to: WallTime,
): Promise<HourlyCount[]> {
  const firstDay = from.slice(0, 10);
  const lastDay = to.slice(0, 10);
  const wholeFirst = from.slice(11) === '00:00:00';
  const wholeLast = to.slice(11) >= '23:00:00';
  const counts: HourlyCount[] = [];
  const firstEnd = firstDay === lastDay ? to : `${firstDay} 23:59:59`;
  if (!wholeFirst) counts.push(...(await store.hourly(sourceId, undefined, from, firstEnd)));
  const days = {
    ...(wholeFirst
      ? { gte: key(PREFIX.dayRollup, sourceId, firstDay) }
      : { gt: key(PREFIX.dayRollup, sourceId, firstDay) }),
    ...(wholeLast
      ? { lte: key(PREFIX.dayRollup, sourceId, lastDay) }
      : { lt: key(PREFIX.dayRollup, sourceId, lastDay) }),
  };
  for await (const [k, v] of store.db.iterator(days)) {
    const { counts: values } = decodeRollup(v);
    const appointments = values[ROLLUP.bookings]!;
    const cancellations = values[ROLLUP.cancellations]!;
    if (appointments === 0 && cancellations === 0) continue;
    counts.push({ hour: `${lastPart(k)} 00:00:00`, appointments, cancellations });
  }
  if (!wholeLast && (wholeFirst || firstDay !== lastDay)) {
    counts.push(...(await store.hourly(sourceId, undefined, `${lastDay} 00:00:00`, to)));
  }
  return counts;
}
