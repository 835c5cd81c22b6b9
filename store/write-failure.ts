import { StoreError } from './store-error.js';

/** The text of an error and of its causes (LevelDB wraps the system's message in its own). */
function messages(error: unknown): string {
  const parts: string[] = [];
  type Failure = { message?: unknown; code?: unknown; cause?: unknown } | undefined;
  for (let e = error as Failure; e && parts.length < 5; e = e.cause as Failure) {
    parts.push(`${String(e.code ?? '')} ${String(e.message ?? '')}`);
  }
  return parts.join(' ');
}

/**
 * A failed write of the database as one sentence (what happened, what to do), or undefined when it is no
 * failure of the disk or the folder. What was written before stays sound: every batch lands whole or not at all.
 */
export function writeFailure(error: unknown, doing: 'import' | 'open'): StoreError | undefined {
  const text = messages(error);
  if (/ENOSPC|No space left|Disk quota exceeded|EDQUOT/i.test(text)) {
    const message =
      doing === 'import'
        ? 'the disk holding the database is full, so the import stopped; the database is sound ' +
          '(whole snapshots only): free some space and run the import again to complete it.'
        : 'the disk holding the database is full, and LevelDB writes to it on opening: free some space and try again.';
    return new StoreError('DISK_FULL', message);
  }
  if (/EROFS|Read-only file system|EACCES|EPERM|Permission denied/i.test(text)) {
    const message =
      'the database folder cannot be written (read-only, or not yours), and LevelDB writes to it even to read: ' +
      'make it writable, or copy it somewhere that is, and try again.';
    return new StoreError('READ_ONLY', message);
  }
  return undefined;
}
