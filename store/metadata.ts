import { key, PREFIX } from './keys.js';
import type { LevelStore } from './level-store.js';

/** A piece of store metadata (key x NAME): a short text the app keeps beside the data, or undefined. */
export async function readMetadata(store: LevelStore, name: string): Promise<string | undefined> {
  const value = await store.db.get(key(PREFIX.meta, name));
  return value === undefined ? undefined : Buffer.from(value).toString('utf8');
}

export async function writeMetadata(store: LevelStore, name: string, value: string): Promise<void> {
  await store.db.put(key(PREFIX.meta, name), Buffer.from(value));
}
