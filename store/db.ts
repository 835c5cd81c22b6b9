/** Key range of an iteration, as LevelDB takes it. */
export interface RangeOptions {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
  reverse?: boolean;
  limit?: number;
}

export type BatchOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

/**
 * The part of LevelDB the store uses; a Level instance and a RemoteDb (reads served by the process
 * that has the folder open) both satisfy it. A missing key reads as undefined.
 */
export interface Db {
  get(key: string): Promise<Uint8Array | undefined>;
  getMany(keys: string[]): Promise<(Uint8Array | undefined)[]>;
  put(key: string, value: Uint8Array): Promise<void>;
  del(key: string): Promise<void>;
  batch(ops: BatchOp[]): Promise<void>;
  iterator(options?: RangeOptions): AsyncIterable<[string, Uint8Array]>;
  keys(options?: RangeOptions): AsyncIterable<string>;
  values(options?: RangeOptions): AsyncIterable<Uint8Array>;
  /**
   * Rewrite the files holding keys in [start, end] (LevelDB compaction); absent where reads go through another process.
   */
  compactRange?(start: string, end: string): Promise<void>;
  close(): Promise<void>;
}
