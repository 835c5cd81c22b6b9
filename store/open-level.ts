import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { key, PREFIX } from './keys.js';
import type { Db } from './source-writer.js';
import { StoreError } from './store-error.js';

const FORMAT = 'office-watch-store-1';

/** Open (or create) the LevelDB folder, turning LevelDB's errors into StoreErrors a user can read. */
export async function openLevel(path: string, create: boolean): Promise<Db> {
  const exists = existsSync(path);
  if (exists && !statSync(path).isDirectory())
    throw new StoreError('NOT_A_DATABASE', `${path} is a file, not an office-watch database folder.`);
  const isLevel = exists && existsSync(join(path, 'CURRENT'));
  if (exists && !isLevel && readdirSync(path).length > 0)
    throw new StoreError(
      'NOT_A_DATABASE',
      `${path} is not an office-watch database (a folder with other files in it).`,
    );
  if (!isLevel && !create)
    throw new StoreError(
      'MISSING',
      `there is no office-watch database at ${path} yet (import or scrape first, or pass --db).`,
    );
  const db = new Level<string, Uint8Array>(path, { keyEncoding: 'utf8', valueEncoding: 'view' });
  try {
    await db.open({ createIfMissing: create });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') throw busy(path);
    throw new StoreError(
      'NOT_A_DATABASE',
      `${path} could not be opened as an office-watch database (${(cause as Error | undefined)?.message ?? (error as Error).message}).`,
    );
  }
  const format = await db.get(key(PREFIX.meta, 'format'));
  if (format === undefined) {
    if (isLevel && (await hasAnyKey(db))) return rejectForeign(db, path);
    await db.put(key(PREFIX.meta, 'format'), Buffer.from(FORMAT));
  } else if (Buffer.from(format).toString() !== FORMAT) return rejectForeign(db, path);
  return db;
}

export const busy = (path: string): StoreError =>
  new StoreError(
    'BUSY',
    `the database ${path} is busy: another office-watch process (the live app or an import) has it open; try again when it ends.`,
  );

async function hasAnyKey(db: Db): Promise<boolean> {
  for await (const _ of db.keys({ limit: 1 })) return true;
  return false;
}

async function rejectForeign(db: Db, path: string): Promise<never> {
  await db.close();
  throw new StoreError('NOT_A_DATABASE', `${path} is a LevelDB database, but not one of office-watch.`);
}
