import { once } from 'node:events';

/** Write with backpressure: wait for 'drain' when the stream's buffer is full. */
export async function writeAll(stream: NodeJS.WritableStream, chunks: Iterable<string | Buffer>): Promise<void> {
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
}
