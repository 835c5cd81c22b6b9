import type { BatchOp, Db, RangeOptions } from './db.js';
import { hostDb, type DbHost } from './db-host.js';
import { socketPath } from './db-socket.js';
import { busy, openLevel } from './open-level.js';
import { RemoteDb } from './remote-db.js';
import { StoreError } from './store-error.js';

/** How long a reader keeps trying when the folder is locked but its owner does not answer (yet). */
const PATIENCE_MS = 2000;

/**
 * Open the database folder. The process that gets LevelDB's lock owns it and serves reads to others;
 * a read-only opener that finds it locked reads through the owner instead. Writers are told it is busy.
 */
export async function openDb(path: string, options: { readOnly?: boolean } = {}): Promise<Db> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    let level: Db;
    try {
      level = await openLevel(path, !options.readOnly);
    } catch (error) {
      if (!options.readOnly || !(error instanceof StoreError) || error.code !== 'BUSY') throw error;
      // The owner may be between taking the lock and listening, or closing: ask again for a while.
      const where = socketPath(path);
      const remote =
        where === undefined ? undefined : await RemoteDb.connect(where, () => busy(path)).catch(() => undefined);
      if (remote) return remote;
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    return new OwnedDb(level, await hostDb(level, path));
  }
}

/** The open LevelDB, whose close first stops serving the other processes. */
class OwnedDb implements Db {
  constructor(
    private readonly level: Db,
    private readonly host: DbHost,
  ) {}

  get = (key: string): Promise<Uint8Array | undefined> => this.level.get(key);
  getMany = (keys: string[]): Promise<(Uint8Array | undefined)[]> => this.level.getMany(keys);
  put = (key: string, value: Uint8Array): Promise<void> => this.level.put(key, value);
  del = (key: string): Promise<void> => this.level.del(key);
  batch = (ops: BatchOp[]): Promise<void> => this.level.batch(ops);
  iterator = (options: RangeOptions = {}): AsyncIterable<[string, Uint8Array]> => this.level.iterator(options);
  keys = (options: RangeOptions = {}): AsyncIterable<string> => this.level.keys(options);
  values = (options: RangeOptions = {}): AsyncIterable<Uint8Array> => this.level.values(options);

  async close(): Promise<void> {
    await this.host.close();
    await this.level.close();
  }
}
