import { LevelStore } from './level-store.js';
import { openDb, type OpenOptions } from './db-handle.js';

export { LevelStore } from './level-store.js';
export { StoreError } from './store-error.js';
export { patternMatcher, sameText } from './text-pattern.js';
export type * from './types.js';

/**
 * Open the store at `path` (created unless readOnly). A read-only store reads through the process that
 * has the folder open, if one has. Errors are StoreErrors with one-sentence messages.
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<LevelStore> {
  return new LevelStore(await openDb(path, options));
}
