/**
 * How a free slot arose: on a day that had no free slot before (or beyond the previous horizon), or freed on a day
 * that had some. 'free now' is a watch's baseline: the slots it wants that were free at its first look at a location
 * (or the first after a gap in scraping), summed up in one alert.
 */
export type AlertKind = 'new day' | 'cancellation' | 'free now';

/** Slots free now and not free in the previous state, each with how it arose. Both lists sorted wall times. */
export function appearedSlots(
  previous: readonly string[],
  current: readonly string[],
): { slot: string; kind: AlertKind }[] {
  const before = new Set(previous);
  const daysBefore = new Set(previous.map((slot) => slot.slice(0, 10)));
  const horizon = previous.reduce((max, slot) => (slot.slice(0, 10) > max ? slot.slice(0, 10) : max), '');
  return current
    .filter((slot) => !before.has(slot))
    .map((slot) => {
      const day = slot.slice(0, 10);
      return { slot, kind: day > horizon || !daysBefore.has(day) ? ('new day' as const) : ('cancellation' as const) };
    });
}
