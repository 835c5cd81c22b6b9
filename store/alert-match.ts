import type { Watch } from './watches.js';

/** Where a slot is: what watches match on. */
export interface SlotPlace {
  sourceId: string;
  locationId: string;
  locationName?: string | undefined;
  city: string;
}

/** A user's pattern, the rules of source/id-pattern.ts (store/ imports nothing from source/): * and ? match the whole text, plain text any part; case-insensitive. */
export function patternMatcher(pattern: string): (text: string) => boolean {
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return (text) => text.toLowerCase().includes(lower);
  const regex = new RegExp(
    `^${lower
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  );
  return (text) => regex.test(text.toLowerCase());
}

const day = (wall: string): string => wall.slice(0, 10);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a wall-clock 'YYYY-MM-DD…' (calendar arithmetic, no time zone). */
export function isoWeekday(wall: string): number {
  return ((new Date(`${day(wall)}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** True when the watch's place patterns accept this location. */
export function watchCovers(watch: Watch, place: SlotPlace): boolean {
  if (watch.city !== undefined && !patternMatcher(watch.city)(place.city)) return false;
  if (watch.office !== undefined) {
    const match = patternMatcher(watch.office);
    if (
      !match(`${place.sourceId}/${place.locationId}`) &&
      !(place.locationName !== undefined && match(place.locationName))
    )
      return false;
  }
  return true;
}

/** True when the watch wants this slot (a wall time) as seen in a snapshot taken at `takenAt`. */
export function watchWantsSlot(watch: Watch, slot: string, takenAt: string): boolean {
  if (slot < takenAt) return false;
  if (watch.before !== undefined && day(slot) >= watch.before) return false;
  if (watch.withinDays !== undefined && day(slot) > addDays(day(takenAt), watch.withinDays)) return false;
  if (watch.weekdays !== undefined && !watch.weekdays.includes(isoWeekday(slot) as never)) return false;
  if (watch.hours !== undefined) {
    const hour = Number(slot.slice(11, 13)) + Number(slot.slice(14, 16)) / 60;
    if (hour < watch.hours.from || hour >= watch.hours.to) return false;
  }
  return true;
}
