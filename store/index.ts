import { LevelStore } from './level-store.js';
import { openLevel } from './open-level.js';

export { LevelStore } from './level-store.js';
export { StoreError } from './store-error.js';
export type * from './types.js';

/** Open the store at `path` (created unless readOnly). Errors are StoreErrors with one-sentence messages. */
export async function openStore(path: string, options: { readOnly?: boolean } = {}): Promise<LevelStore> {
  return new LevelStore(await openLevel(path, !options.readOnly));
}
