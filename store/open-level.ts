import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { buildRollups } from './build-rollups.js';
import { key, PREFIX } from './keys.js';
import type { Db } from './source-writer.js';
import { StoreError } from './store-error.js';
import { writeFailure } from './write-failure.js';

/** 2: day rollups ('d' keys). A database of format 1 gets them built once when opened. */
const VERSION = 2;
const FORMAT_PREFIX = 'office-watch-store-';
const FORMAT = `${FORMAT_PREFIX}${VERSION}`;

/** Open (or create) the LevelDB folder, turning LevelDB's errors into StoreErrors a user can read. */
export async function openLevel(
  path: string,
  create: boolean,
  onNotice: (message: string) => void = () => {},
): Promise<Db> {
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
    const failure = writeFailure(error, 'open');
    if (failure) throw failure;
    throw new StoreError(
      'NOT_A_DATABASE',
      `${path} could not be opened as an office-watch database` +
        ` (${(cause as Error | undefined)?.message ?? (error as Error).message}).`,
    );
  }
  const stored = await db.get(key(PREFIX.meta, 'format'));
  const format = stored === undefined ? undefined : Buffer.from(stored).toString();
  const version = format?.startsWith(FORMAT_PREFIX) ? Number(format.slice(FORMAT_PREFIX.length)) : undefined;
  if (format === undefined && isLevel && (await hasAnyKey(db))) return rejectForeign(db, path);
  if (format !== undefined && !Number.isInteger(version)) return rejectForeign(db, path);
  if (version !== undefined && version > VERSION) {
    await db.close();
    throw new StoreError(
      'NEWER_FORMAT',
      `${path} was written by a newer office-watch (store format ${version}, this one reads up to ${VERSION}):` +
        ' update office-watch to open it; it was left as it was.',
    );
  }
  if (version !== undefined && version < VERSION) {
    onNotice(
      `${path}: building the daily rollups once (a database of an older office-watch; insights read them from now on)…`,
    );
    await buildRollups(db);
  }
  if (version !== VERSION) await db.put(key(PREFIX.meta, 'format'), Buffer.from(FORMAT));
  return db;
}

export const busy = (path: string): StoreError =>
  new StoreError(
    'BUSY',
    `the database ${path} is busy: another office-watch process (the live app or an import) has it open;` +
      ' try again when it ends.',
  );

async function hasAnyKey(db: Db): Promise<boolean> {
  for await (const _ of db.keys({ limit: 1 })) return true;
  return false;
}

async function rejectForeign(db: Db, path: string): Promise<never> {
  await db.close();
  throw new StoreError('NOT_A_DATABASE', `${path} is a LevelDB database, but not one of office-watch.`);
}
