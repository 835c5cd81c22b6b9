import type { Db } from './db.js';
import { key, PREFIX } from './keys.js';
import { decodeSnapshot, type SourceRecord } from './records.js';
import { readRowChain, type RowChain } from './row-chain.js';
import type { StoredSnapshot, WallTime } from './types.js';
import { formatWallTime } from '../core/wall-clock.js';

/** Chains kept per location: the stretches a reader stepping back and forth comes back to. */
const CHAINS_PER_LOCATION = 3;

/**
 * Reads one source's snapshots. What it read of a location's rows serves every earlier snapshot back to the
 * location's key frame, so that stepping back through the history mostly reads nothing but the snapshot's record.
 * Rows are only ever added after the newest snapshot, so what it keeps stays true.
 */
export class SnapshotReader {
  readonly #chains = new Map<string, Promise<RowChain>[]>();
  #source: SourceRecord | undefined;

  constructor(
    private readonly db: Db,
    readonly sourceId: string,
    private readonly loadSource: () => Promise<SourceRecord | undefined>,
  ) {}

  async snapshotAt(takenAt: WallTime): Promise<StoredSnapshot | undefined> {
    const stored = await this.db.get(key(PREFIX.snapshot, this.sourceId, takenAt));
    if (!stored) return undefined;
    const { locations } = decodeSnapshot(stored);
    // The dictionary only grows: read again when the snapshot names a location it does not have yet.
    if (!this.#source || locations.some((index) => index >= this.#source!.locations.length))
      this.#source = await this.loadSource();
    const names = this.#source?.locations ?? [];
    const states = await Promise.all(locations.map((index) => this.#stateAt(names[index]!, takenAt)));
    return {
      sourceId: this.sourceId,
      takenAt,
      locations: locations
        .map((index, n) => ({ locationId: names[index]!, slots: states[n]!.map(formatWallTime) }))
        .sort((a, b) => (a.locationId < b.locationId ? -1 : 1)),
    };
  }

  async #stateAt(locationId: string, at: WallTime) {
    const chains = this.#chains.get(locationId) ?? [];
    for (const pending of chains) {
      const chain = await pending;
      if (chain.covers(at)) return chain.stateAt(at);
    }
    const read = readRowChain(this.db, this.sourceId, locationId, at);
    read.catch(() =>
      this.#chains.set(
        locationId,
        (this.#chains.get(locationId) ?? []).filter((p) => p !== read),
      ),
    );
    this.#chains.set(locationId, [read, ...chains].slice(0, CHAINS_PER_LOCATION));
    return (await read).stateAt(at);
  }
}
