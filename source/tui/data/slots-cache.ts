import type { WallTime } from '../../../scrapers/types.js';
import type { CitySlots } from './app-data.js';
import { stepCursor } from './cursor.js';
import { LruCache } from './lru-cache.js';
import { slotDays } from './slot-grid.js';

const keyOf = (city: string, at: WallTime | undefined) => `${city}\u0000${at ?? 'live'}`;

/**
 * The slots of cities as read, kept resolved: a key that comes back to one, or that steps back one snapshot
 * (read ahead), renders at once instead of after a load. Entries are kept with the city's version (its sources'
 * versions, SourceVersions): one read at an older version is stale.
 */
export class SlotsCache {
  readonly #entries = new LruCache<{ version: string; slots: CitySlots }>(24);

  constructor(
    private readonly read: (city: string, at: WallTime | undefined) => Promise<CitySlots>,
    private readonly versionOf: (city: string) => string,
  ) {}

  peek(city: string, at: WallTime | undefined): CitySlots | undefined {
    const entry = this.#entries.get(keyOf(city, at));
    return entry?.version === this.versionOf(city) ? entry.slots : undefined;
  }

  /**
   * Read the city at the cursor and keep it, its days worked out (slotDays); then, unless told not to, read the
   * snapshot before it ahead.
   */
  async load(city: string, at: WallTime | undefined, readAhead = true): Promise<CitySlots> {
    const version = this.versionOf(city);
    const slots = await this.read(city, at);
    slotDays(slots.frame);
    // A read that ran while the city changed is not kept.
    if (version === this.versionOf(city)) this.#entries.set(keyOf(city, at), { version, slots });
    const before = stepCursor(slots.times, at, -1);
    if (readAhead && before !== undefined && before !== at && !this.peek(city, before)) {
      // After the frame just read has been drawn.
      setTimeout(() => this.load(city, before, false).catch(() => undefined), 20);
    }
    return slots;
  }
}
