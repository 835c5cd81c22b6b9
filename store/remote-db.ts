import { connect, type Socket } from 'node:net';
import type { BatchOp, Db, RangeOptions } from './db.js';
import { PAGE, fromBase64, readLines, sendLine, type Request, type Response } from './db-socket.js';
import { StoreError } from './store-error.js';

type Waiter = { resolve: (response: Response) => void; reject: (error: unknown) => void };
/** A request before it gets its id (each kind of request on its own). */
type Body<R = Request> = R extends Request ? Omit<R, 'id'> : never;

const ended = (): StoreError => new StoreError('ENDED', 'the process that had the database open ended; try again.');
/** What LevelDB says when the owner closed the database under a request. */
const CLOSED = new Set(['LEVEL_DATABASE_NOT_OPEN', 'LEVEL_ITERATOR_NOT_OPEN']);

/** A read-only Db whose reads are served by the process that has the database open (store/db-host.ts). */
export class RemoteDb implements Db {
  private nextId = 1;
  private readonly waiters = new Map<number, Waiter>();
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly busy: () => StoreError,
  ) {
    readLines(socket, (message) => this.settle(message as Response));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.end());
  }

  /** Connect to the owner's socket `where`; rejects when nobody answers there. `busy` is the refusal of writes. */
  static connect(where: string, busy: () => StoreError): Promise<RemoteDb> {
    return new Promise((resolve, reject) => {
      const socket = connect(where);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RemoteDb(socket, busy));
      });
    });
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    return fromBase64((await this.request({ op: 'get', key })).value);
  }

  async getMany(keys: string[]): Promise<(Uint8Array | undefined)[]> {
    return (await this.request({ op: 'getMany', keys })).values!.map(fromBase64);
  }

  put(_key: string, _value: Uint8Array): Promise<void> {
    return Promise.reject(this.busy());
  }

  del(_key: string): Promise<void> {
    return Promise.reject(this.busy());
  }

  batch(_ops: BatchOp[]): Promise<void> {
    return Promise.reject(this.busy());
  }

  async *iterator(options: RangeOptions = {}): AsyncGenerator<[string, Uint8Array]> {
    for await (const [k, v] of this.entries(options, true)) yield [k, v!];
  }

  async *keys(options: RangeOptions = {}): AsyncGenerator<string> {
    for await (const [k] of this.entries(options, false)) yield k;
  }

  async *values(options: RangeOptions = {}): AsyncGenerator<Uint8Array> {
    for await (const [, v] of this.entries(options, true)) yield v!;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.socket.end();
  }

  /** A range page by page, the next page asked for while this one is consumed. */
  private async *entries(options: RangeOptions, values: boolean): AsyncGenerator<[string, Uint8Array | undefined]> {
    let left = options.limit !== undefined && options.limit >= 0 ? options.limit : Infinity;
    let next = this.page(options, values);
    for (;;) {
      const entries = await next;
      left -= entries.length;
      const done = entries.length < PAGE || left <= 0;
      if (!done) next = this.page(after(options, entries.at(-1)![0], left), values);
      for (const [k, v] of entries) yield [k, fromBase64(v)];
      if (done) return;
    }
  }

  private page(range: RangeOptions, values: boolean): Promise<[string, string | null][]> {
    const entries = this.request({ op: 'range', range, values }).then((response) => response.entries!);
    entries.catch(() => undefined); // a page asked for ahead may never be awaited (the reader stopped early)
    return entries;
  }

  private request(body: Body): Promise<Response> {
    if (this.closed || this.socket.destroyed) return Promise.reject(ended());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiters.set(id, { resolve, reject });
      sendLine(this.socket, { ...body, id } as Request);
    });
  }

  private settle(response: Response): void {
    const waiter = this.waiters.get(response.id);
    this.waiters.delete(response.id);
    if (response.error === undefined) waiter?.resolve(response);
    else
      waiter?.reject(
        CLOSED.has(response.code ?? '')
          ? ended()
          : new Error(`the process that has the database open could not read it: ${response.error}`),
      );
  }

  private end(): void {
    for (const waiter of this.waiters.values()) waiter.reject(ended());
    this.waiters.clear();
  }
}

/** The range left after `last`, in the range's direction. */
function after(range: RangeOptions, last: string, left: number): RangeOptions {
  const next: RangeOptions = { ...range };
  if (range.reverse) {
    delete next.lte;
    next.lt = last;
  } else {
    delete next.gte;
    next.gt = last;
  }
  if (Number.isFinite(left)) next.limit = left;
  return next;
}
