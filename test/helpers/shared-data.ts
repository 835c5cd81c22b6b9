import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the published data lives: OFFICE_WATCH_DATA, default ../shared/data beside the repo. */
export const DATA_DIR = resolve(process.env.OFFICE_WATCH_DATA ?? join(repoRoot, '../shared/data'));

/**
 * The path of a file of the shared data, or undefined (with a one-line reason printed) where it is absent.
 * With OFFICE_WATCH_REQUIRE_DATA=1 (CI) a missing file is an error instead.
 */
export function sharedData(relative: string): string | undefined {
  const path = join(DATA_DIR, relative);
  if (existsSync(path)) return path;
  if (process.env.OFFICE_WATCH_REQUIRE_DATA === '1')
    throw new Error(`shared data file ${path} is missing (OFFICE_WATCH_REQUIRE_DATA=1)`);
  console.warn(`skipping: shared data file ${path} is not here (set OFFICE_WATCH_DATA)`);
  return undefined;
}

/** True when every listed shared file is present; use with describe.runIf. */
export function hasSharedData(...relatives: string[]): boolean {
  return relatives.every((relative) => sharedData(relative) !== undefined);
}

export { repoRoot };
