import { existsSync } from 'node:fs';
import { openStore, type LevelStore } from '../store/index.js';
import { makeFolder } from './make-folder.js';
import { asUserError } from './user-error.js';

/** Open the store for a command, run `task`, always close; store errors become one-sentence UserErrors. */
export async function withStore<T>(
  path: string,
  options: { readOnly?: boolean },
  task: (store: LevelStore) => Promise<T>,
): Promise<T> {
  let store: LevelStore;
  // LevelDB makes a missing folder with node's mkdir -p, which loops forever under /proc: ours says why it cannot.
  if (!options.readOnly && !existsSync(path)) makeFolder(path, 'the database folder');
  try {
    store = await openStore(path, options);
  } catch (error) {
    throw asUserError(error);
  }
  try {
    return await task(store);
  } catch (error) {
    throw asUserError(error);
  } finally {
    await store.close();
  }
}
