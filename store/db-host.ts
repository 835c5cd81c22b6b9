import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Db, RangeOptions } from './db.js';
import {
  PAGE,
  fromBase64,
  readLines,
  sendLine,
  socketPath,
  toBase64,
  type Request,
  type Response,
} from './db-socket.js';
import { sharedWrite } from './shared-writes.js';

/**
 * Closing lets connected readers finish: it cuts one off once it has asked nothing for IDLE_MS
 * (done, or stalled on a slow pipe), and every one after GRACE_MS.
 */
export const IDLE_MS = 2000;
const GRACE_MS = 60_000;

export interface DbHost {
  close(): Promise<void>;
}

/**
 * Serve reads of `db` (open in this process, at folder `path`) to other office-watch processes on a
 * local socket. Best effort: when the socket cannot be made, readers are told the database is busy.
 */
export async function hostDb(db: Db, path: string): Promise<DbHost> {
  const sockets = new Map<Socket, number>(); // → when it last asked or was answered
  const server = createServer((socket) => {
    sockets.set(socket, Date.now());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    readLines(socket, (message) => {
      sockets.set(socket, Date.now());
      void answer(db, message as Request).then((response) => {
        if (sockets.has(socket)) sockets.set(socket, Date.now());
        if (socket.writable) sendLine(socket, response);
      });
    });
  });
  const where = await listen(server, path);
  if (where === undefined) return { close: async () => undefined };
  server.unref();
  // A process that exits without closing the store leaves no socket file behind.
  const unlink = (): void => void (process.platform !== 'win32' && rmSync(where, { force: true }));
  process.once('exit', unlink);
  return {
    close: async () => {
      process.off('exit', unlink);
      await stop(server, sockets);
    },
  };
}

/** Listen on the folder's socket; its path, or undefined when that failed. */
async function listen(server: Server, path: string): Promise<string | undefined> {
  try {
    const where = socketPath(path);
    if (where === undefined) return undefined;
    // We hold the folder's lock, so a socket file left there is from a process that ended.
    if (process.platform !== 'win32') rmSync(where, { force: true });
    return await new Promise<string | undefined>((resolve) => {
      server.once('error', () => resolve(undefined));
      server.listen(where, () => resolve(where));
    });
  } catch {
    return undefined;
  }
}

async function answer(db: Db, request: Request): Promise<Response> {
  try {
    if (request.op === 'get') return { id: request.id, value: toBase64(await db.get(request.key)) };
    if (request.op === 'getMany') return { id: request.id, values: (await db.getMany(request.keys)).map(toBase64) };
    if (request.op === 'range') return { id: request.id, entries: await page(db, request.range, request.values) };
    if (request.op === 'batch') {
      if (!request.ops.every(([k]) => sharedWrite(k)))
        return { id: request.id, error: 'not a shared key', code: 'BUSY' };
      await db.batch(
        request.ops.map(([k, v]) =>
          v === null ? { type: 'del', key: k } : { type: 'put', key: k, value: fromBase64(v)! },
        ),
      );
      return { id: request.id };
    }
    return { id: (request as { id: number }).id, error: 'unknown request' };
  } catch (error) {
    return { id: request.id, error: (error as Error).message, code: (error as { code?: string }).code };
  }
}

/** One page of a range: at most PAGE entries; the reader asks again after the last key. */
async function page(db: Db, range: RangeOptions, values: boolean): Promise<[string, string | null][]> {
  const options = {
    ...range,
    limit: Math.min(PAGE, range.limit !== undefined && range.limit >= 0 ? range.limit : PAGE),
  };
  const entries: [string, string | null][] = [];
  if (!values) for await (const k of db.keys(options)) entries.push([k, null]);
  else for await (const [k, v] of db.iterator(options)) entries.push([k, toBase64(v)]);
  return entries;
}

/** Stop listening, let connected readers finish while they keep reading, then cut them off. */
async function stop(server: Server, sockets: Map<Socket, number>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const deadline = Date.now() + GRACE_MS;
  while (sockets.size > 0) {
    for (const [socket, last] of sockets) if (Date.now() > Math.min(deadline, last + IDLE_MS)) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await closed;
}
