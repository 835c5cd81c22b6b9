/** The ustar subset the published weekly bundles use: regular files in one folder. */

export class TarFormatError extends Error {}

export interface TarEntryHandler {
  start(name: string, size: number): void;
  data(chunk: Buffer): void;
  end(): void;
}

/** A push parser: feed it the uncompressed bytes; it calls back per regular file. */
export class TarReader {
  private header = Buffer.alloc(0);
  private remaining = 0;
  private padding = 0;
  private inFile = false;
  private finished = false;

  constructor(private readonly handler: TarEntryHandler) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.finished) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        if (this.inFile) this.handler.data(chunk.subarray(at, at + take));
        this.remaining -= take;
        at += take;
        if (this.remaining === 0 && this.inFile) {
          this.inFile = false;
          this.handler.end();
        }
      } else if (this.padding > 0) {
        const skip = Math.min(this.padding, chunk.length - at);
        this.padding -= skip;
        at += skip;
      } else {
        const take = Math.min(512 - this.header.length, chunk.length - at);
        this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)]);
        at += take;
        if (this.header.length === 512) this.readHeader();
      }
    }
  }

  /** Call at the end of the stream: a file cut short is an error. */
  end(): void {
    if (this.remaining > 0 || (this.header.length > 0 && this.header.length < 512))
      throw new TarFormatError('the archive ends in the middle of a file');
  }

  private readHeader(): void {
    const header = this.header;
    this.header = Buffer.alloc(0);
    if (header.every((b) => b === 0)) {
      this.finished = true;
      return;
    }
    if (!validChecksum(header)) throw new TarFormatError('a tar header has a bad checksum');
    const size = Number.parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new TarFormatError('a tar header has a bad size');
    const type = String.fromCharCode(header[156]!);
    const prefix = header.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const base = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    this.remaining = size;
    this.padding = (512 - (size % 512)) % 512;
    this.inFile = type === '0' || type === '\0';
    if (this.inFile) {
      this.handler.start(prefix ? `${prefix}/${base}` : base, size);
      if (size === 0) {
        this.inFile = false;
        this.handler.end();
      }
    }
  }
}

function validChecksum(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  const stored = Number.parseInt(header.toString('latin1', 148, 156).replace(/\0.*$/s, '').trim(), 8);
  return stored === sum;
}

/** A ustar header for a regular file. */
export function tarHeader(name: string, size: number, mtime: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 99), 0, 'utf8');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write(`${Math.floor(mtime).toString(8).padStart(11, '0')}\0`, 136, 'latin1');
  header.write('        ', 148, 'latin1');
  header.write('0', 156, 'latin1');
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return header;
}

export const tarPadding = (size: number): Buffer => Buffer.alloc((512 - (size % 512)) % 512);
export const TAR_END = Buffer.alloc(1024);
