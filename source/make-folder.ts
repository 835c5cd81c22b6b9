import { accessSync, constants, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './user-error.js';

/** Why a path cannot hold what we want to write, as the end of a sentence. */
export function whyNotWritable(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space is left on the device';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EISDIR':
      return `${path} is a folder`;
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ELOOP':
      return 'the path loops through symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Make the folder `path` and whichever of its parents are missing, one at a time; the folders made, outermost
 * first. Node's own `mkdir -p` (recursive: true) loops forever where a file system answers ENOENT for a child of
 * a parent that exists (/proc, /sys): it makes the parent again and again. Anything in the way is a UserError
 * that names `path` as `role` and says why.
 */
export function makeFolder(path: string, role: string): string[] {
  const fail = (why: string) => new UserError(`cannot use ${path} as ${role}: ${why}.`);
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    const stat = statOrUndefined(at, fail);
    if (stat?.isDirectory()) break;
    const what = stat?.isFile() ? 'a file, not a folder' : 'not a folder';
    if (stat) throw fail(at === resolve(path) ? `it is ${what}` : `${at} is ${what}`);
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) throw fail(`${at} does not exist`);
    at = parent;
  }
  const made: string[] = [];
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      undoFolders(made);
      // ENOENT beside a parent that exists: a file system that takes no new folders (/proc, /sys).
      const code = (error as NodeJS.ErrnoException).code;
      throw fail(code === 'ENOENT' ? `${dirname(folder)} takes no new folders` : whyNotWritable(error, folder));
    }
    made.push(folder);
  }
  if (made.length === 0) {
    try {
      accessSync(at, constants.W_OK);
    } catch (error) {
      throw fail(whyNotWritable(error, at));
    }
  }
  return made;
}

/** Remove folders `makeFolder` made (innermost first), as far as they are still empty: a failed command leaves none. */
export function undoFolders(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      return; // not empty: something was written after all, and stays
    }
  }
}

function statOrUndefined(path: string, fail: (why: string) => UserError) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file; the walk up finds it and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw fail(whyNotWritable(error, path));
  }
}
