import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import type { RangeOptions } from './db.js';

/**
 * The wire between the process that has a database open and its readers: one JSON object per line.
 * Values travel as base64; keys as JSON strings (they hold NUL and U+FFFF, which JSON escapes).
 */
export type Request =
  | { id: number; op: 'get'; key: string }
  | { id: number; op: 'getMany'; keys: string[] }
  | { id: number; op: 'range'; range: RangeOptions; values: boolean };

/** `entries` of a range are [key, value], the value null when it was not asked for. */
export type Response = {
  id: number;
  value?: string | null;
  values?: (string | null)[];
  entries?: [string, string | null][];
  error?: string;
  code?: string;
};

/** Entries per range request: a reader streams a large range without holding it whole. */
export const PAGE = 1000;

/**
 * Where the owner of the database folder `path` listens: short (socket paths are limited to ~107
 * bytes), named by the folder's real path and the user, so each user's processes meet theirs; in a
 * folder only this user may enter, so that no other user can listen there in the owner's place.
 * Undefined when there is no such folder.
 */
export function socketPath(path: string): string | undefined {
  const hash = createHash('sha256')
    .update(`${process.getuid?.() ?? ''}:${realpathSync(path)}`)
    .digest('hex')
    .slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\office-watch-${hash}`;
  const dir = privateDir();
  return dir === undefined ? undefined : join(dir, `${hash}.sock`);
}

/** office-watch-UID in the temp folder: made 0700, and used only while it is ours and closed to others. */
function privateDir(): string | undefined {
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `office-watch-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  const stat = lstatSync(dir);
  return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o077) === 0 ? dir : undefined;
}

/** Call `onMessage` with each JSON line that arrives on `socket`; a line that is not JSON ends the connection. */
export function readLines(socket: Socket, onMessage: (message: unknown) => void): void {
  let pending: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, end));
      const line = Buffer.concat(pending).toString('utf8');
      pending = [];
      start = end + 1;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      onMessage(message);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
}

export const sendLine = (socket: Socket, message: Request | Response): boolean =>
  socket.write(`${JSON.stringify(message)}\n`);

export const toBase64 = (value: Uint8Array | undefined): string | null =>
  value === undefined ? null : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');

export const fromBase64 = (value: string | null | undefined): Uint8Array | undefined =>
  value == null ? undefined : Buffer.from(value, 'base64');
