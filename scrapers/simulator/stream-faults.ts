import type http from 'node:http';
import { gzipSync } from 'node:zlib';

/** 50 MB: the huge-body fault's length, ten times the scrapers' default size cap. */
export const HUGE_BODY_BYTES = 50 * 1024 * 1024;

const CHUNK = Buffer.from('<div class="termin"><span>08:00</span> frei</div>\n'.repeat(1300));

/**
 * Send `total` bytes of filler markup (Infinity: a stream that never ends), only as fast as the client reads, so a
 * client that stops reading stops the stream; `sent` counts every byte written. Held until the client hangs up.
 */
export function streamFiller(
  res: http.ServerResponse,
  total: number,
  held: Set<http.ServerResponse>,
  sent: (bytes: number) => void,
): void {
  held.add(res);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    ...(Number.isFinite(total) ? { 'content-length': String(total) } : {}),
  });
  let left = total;
  const pump = (): void => {
    while (!res.destroyed && left > 0) {
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      left -= chunk.length;
      sent(chunk.length);
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => held.delete(res));
  pump();
}

let bomb: Buffer | undefined;

/**
 * 50 MB of zeros gzipped into about 50 KB (fifty 1 MB members, which gunzip reads as one stream): small on the wire,
 * huge unpacked.
 */
export function gzipBomb(res: http.ServerResponse): void {
  bomb ??= Buffer.concat(
    Array.from({ length: HUGE_BODY_BYTES / (1024 * 1024) }, () => gzipSync(Buffer.alloc(1024 * 1024), { level: 9 })),
  );
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-encoding': 'gzip',
    'content-length': String(bomb.length),
  });
  res.end(bomb);
}

/** A redirect back to the very URL asked for: followed forever by a client that does not count. */
export function redirectLoop(res: http.ServerResponse, url: string): void {
  res.writeHead(302, { location: url, 'content-type': 'text/html; charset=utf-8' });
  res.end('<html><body>Moved</body></html>');
}
