import type { BatchOp, Db, RangeOptions } from './db.js';
import { hostDb, IDLE_MS, type DbHost } from './db-host.js';
import { socketPath } from './db-socket.js';
import { busy, openLevel } from './open-level.js';
import { RemoteDb } from './remote-db.js';
import { StoreError } from './store-error.js';

export interface OpenOptions {
  readOnly?: boolean;
  /** Write only shared keys (watches): when another process has the folder, write through it. */
  sharedWrites?: boolean;
  /** Hears of work done once on opening (an older database brought up to date). */
  onNotice?: (message: string) => void;
}

/**
 * How long a reader keeps trying when the folder is locked but its owner does not answer (yet): an owner that is
 * closing stops listening, then lets its connected readers go within IDLE_MS of their last request before it
 * releases the folder, so a reader waits well past that (2 s were too few on a loaded machine).
 */
const PATIENCE_MS = IDLE_MS + 3000;

/**
 * Open the database folder. The process that gets LevelDB's lock owns it and serves reads to others;
 * a read-only opener that finds it locked reads through the owner instead. Writers are told it is busy.
 */
export async function openDb(path: string, options: OpenOptions = {}): Promise<Db> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    let level: Db;
    try {
      level = await openLevel(path, !options.readOnly, options.onNotice);
    } catch (error) {
      const throughOwner = options.readOnly || options.sharedWrites;
      if (!throughOwner || !(error instanceof StoreError) || error.code !== 'BUSY') throw error;
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
  compactRange = (start: string, end: string): Promise<void> => this.level.compactRange!(start, end);

  async close(): Promise<void> {
    await this.host.close();
    await this.level.close();
  }
}
