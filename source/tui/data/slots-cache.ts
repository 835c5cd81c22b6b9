import type { WallTime } from '../../../scrapers/types.js';
import type { CitySlots } from './app-data.js';
import { stepCursor } from './cursor.js';
import { LruCache } from './lru-cache.js';
import { slotDays } from './slot-grid.js';

const keyOf = (city: string, at: WallTime | undefined) => `${city}\u0000${at ?? 'live'}`;

/**
 * The slots of cities as read, kept resolved: a key that comes back to one, or that steps back one snapshot
 * (read ahead), renders at once instead of after a load. A city's new snapshot makes its entries stale.
 */
export class SlotsCache {
  readonly #entries = new LruCache<{ generation: number; slots: CitySlots }>(24);
  readonly #generations = new Map<string, number>();

  constructor(private readonly read: (city: string, at: WallTime | undefined) => Promise<CitySlots>) {}

  peek(city: string, at: WallTime | undefined): CitySlots | undefined {
    const entry = this.#entries.get(keyOf(city, at));
    return entry?.generation === this.#generation(city) ? entry.slots : undefined;
  }

  /**
   * Read the city at the cursor and keep it, its days worked out (slotDays); then, unless told not to, read the
   * snapshot before it ahead.
   */
  async load(city: string, at: WallTime | undefined, readAhead = true): Promise<CitySlots> {
    const generation = this.#generation(city);
    const slots = await this.read(city, at);
    slotDays(slots.frame);
    if (generation === this.#generation(city)) this.#entries.set(keyOf(city, at), { generation, slots });
    const before = stepCursor(slots.times, at, -1);
    if (readAhead && before !== undefined && before !== at && !this.peek(city, before)) {
      // After the frame just read has been drawn.
      setTimeout(() => this.load(city, before, false).catch(() => undefined), 20);
    }
    return slots;
  }

  /** The city has a new snapshot: what was read of it is stale (loads still running are not kept). */
  forget(city: string): void {
    this.#generations.set(city, this.#generation(city) + 1);
  }

  #generation(city: string): number {
    return this.#generations.get(city) ?? 0;
  }
}
