import type { WallTime } from '../../../scrapers/types.js';
import type { OfficeStore, StoredSnapshot } from '../../../store/index.js';
import type { CityFrame, FrameColumn } from './app-data.js';
import { atOrBefore, cityTimeline } from './cursor.js';
import { LruCache } from './lru-cache.js';
import type { SourceCatalog } from './source-catalog.js';
import { msToWall, wallToMs } from '../../../core/wall-clock.js';

/**
 * Reads what the slots view shows of a city: per source a recent window of snapshot times (read once, then
 * appended to) and the two snapshots around the cursor, kept in a small LRU.
 * A reader per source keeps what it read of each location, so that stepping back reads little.
 */
export class FrameReader {
  readonly #times = new Map<string, Promise<WallTime[]>>();
  readonly #snapshots = new LruCache<Promise<StoredSnapshot | undefined>>(32);
  /** Per source: what was read of each location serves the snapshots before it too. */
  readonly #readers = new Map<string, ReturnType<OfficeStore['snapshotReader']>>();
  readonly #timelines = new LruCache<{ key: string; moments: WallTime[] }>(32);

  constructor(
    private readonly store: OfficeStore,
    private readonly catalog: SourceCatalog,
    private readonly historyMs: number,
  ) {}

  snapshotAt(sourceId: string, takenAt: WallTime): Promise<StoredSnapshot | undefined> {
    const key = `${sourceId}\u0000${takenAt}`;
    let found = this.#snapshots.get(key);
    if (!found) {
      let reader = this.#readers.get(sourceId);
      if (!reader) this.#readers.set(sourceId, (reader = this.store.snapshotReader(sourceId)));
      this.#snapshots.set(key, (found = reader.snapshotAt(takenAt)));
      found.catch(() => this.#snapshots.delete(key));
    }
    return found;
  }

  /** Snapshot times of a source within the history window before its newest one. */
  times(sourceId: string): Promise<WallTime[]> {
    let found = this.#times.get(sourceId);
    if (!found) {
      found = (async () => {
        const latest = this.catalog.latest(sourceId)?.takenAt ?? (await this.catalog.refreshLatest(sourceId))?.takenAt;
        return latest ? this.store.snapshotTimes(sourceId, msToWall(wallToMs(latest) - this.historyMs)) : [];
      })();
      this.#times.set(sourceId, found);
      found.catch(() => this.#times.delete(sourceId));
    }
    return found;
  }

  /**
   * A new snapshot was stored: extend the source's times if they are loaded, and let the oldest go out of the window.
   */
  async append(sourceId: string, takenAt: WallTime): Promise<void> {
    const cached = this.#times.get(sourceId);
    if (!cached) return;
    const list = await cached;
    if (list.length === 0 || list[list.length - 1]! < takenAt) list.push(takenAt);
    const from = msToWall(wallToMs(takenAt) - this.historyMs);
    const outside = list.findIndex((time) => time >= from);
    if (outside > 0) list.splice(0, outside);
  }

  /** The city's time line (cityTimeline), merged again only when one of its sources has new times. */
  async cityTimes(city: string): Promise<WallTime[]> {
    const lists = await Promise.all(this.catalog.inCity(city).map((s) => this.times(s.sourceId)));
    const key = lists.map((list) => `${list.length}\u0001${list[0]}\u0001${list[list.length - 1]}`).join('\u0000');
    const cached = this.#timelines.get(city);
    if (cached?.key === key) return cached.moments;
    const moments = cityTimeline(lists);
    this.#timelines.set(city, { key, moments });
    return moments;
  }

  async frame(city: string, at?: WallTime): Promise<CityFrame> {
    const parts = await Promise.all(this.catalog.inCity(city).map((source) => this.#columns(source.sourceId, at)));
    const columns = parts.flat();
    const shown = columns.map((c) => c.takenAt).filter((t): t is WallTime => t !== undefined);
    const result: CityFrame = { city, columns };
    if (shown.length > 0) result.at = shown.reduce((a, b) => (a > b ? a : b));
    return result;
  }

  async #columns(sourceId: string, at: WallTime | undefined): Promise<FrameColumn[]> {
    const list = await this.times(sourceId);
    const index = at === undefined ? list.length - 1 : atOrBefore(list, at);
    const names = await this.catalog.locationNames(sourceId);
    const takenAt = list[index];
    const previousAt = index > 0 ? list[index - 1] : undefined;
    // The newer first: its reads of the locations serve the one before.
    const current = takenAt ? await this.snapshotAt(sourceId, takenAt) : undefined;
    const previous = previousAt ? await this.snapshotAt(sourceId, previousAt) : undefined;
    const ids = [...(current?.locations.map((l) => l.locationId) ?? [])];
    for (const id of names.keys()) if (!ids.includes(id)) ids.push(id);
    return ids.map((locationId) => {
      const column: FrameColumn = { sourceId, locationId, name: names.get(locationId) ?? locationId, slots: [] };
      if (current && takenAt) {
        column.takenAt = takenAt;
        column.slots = current.locations.find((l) => l.locationId === locationId)?.slots ?? [];
      }
      if (previous && previousAt) {
        column.previousAt = previousAt;
        column.previous = previous.locations.find((l) => l.locationId === locationId)?.slots ?? [];
      }
      return column;
    });
  }
}
