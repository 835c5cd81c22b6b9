import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { whyNotWritable } from './make-folder.js';
import { UserError } from './user-error.js';

/** Write with backpressure: wait for 'drain' when the stream's buffer is full. */
export async function writeAll(stream: NodeJS.WritableStream, chunks: Iterable<string | Buffer>): Promise<void> {
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Write chunks that share one buffer: each write has finished with its chunk before the next chunk is made. */
export async function writeInTurn(stream: NodeJS.WritableStream, chunks: Iterable<Buffer>): Promise<void> {
  for (const chunk of chunks)
    await new Promise<void>((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));
}

/**
 * Write the file `path` with `fill`, which writes into the stream it is given: the file, or `through` (gzip)
 * piped into it. A file that cannot be written is a UserError naming it, and its error ends the writing at
 * once (a writer waiting for 'drain' from a stream that failed would wait forever).
 */
export async function writeFileFrom(
  path: string,
  fill: (stream: NodeJS.WritableStream) => Promise<void>,
  through?: Transform,
): Promise<void> {
  const file = createWriteStream(path);
  const head = through ?? file;
  const done = through ? pipeline(through, file) : finished(file);
  try {
    await Promise.all([fill(head).then(() => void head.end()), done]);
  } catch (error) {
    head.destroy();
    file.destroy();
    throw error instanceof UserError ? error : new UserError(`cannot write ${path}: ${whyNotWritable(error, path)}.`);
  }
}
