/**
 * The space a finished writer leaves for the next one: a writer's 256 bytes are past the size V8 keeps in its heap,
 * so each was an allocation of its own outside it, and one more to sweep, for every row and snapshot imported.
 * Writers are made, written and finished in one go, and not used after `finish`.
 */
let spare: Uint8Array | undefined;

/** A growable byte writer of unsigned varints (LEB128) and strings. */
export class ByteWriter {
  private bytes: Uint8Array;
  private length = 0;

  constructor() {
    this.bytes = spare ?? new Uint8Array(256);
    spare = undefined;
  }

  uint(value: number): void {
    this.reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  string(value: string): void {
    const encoded = Buffer.from(value, 'utf8');
    this.uint(encoded.length);
    this.reserve(encoded.length);
    this.bytes.set(encoded, this.length);
    this.length += encoded.length;
  }

  finish(): Uint8Array {
    const written = this.bytes.slice(0, this.length);
    spare = this.bytes;
    return written;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  uint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new RangeError('truncated varint');
      const byte = this.bytes[this.offset++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  }

  string(): string {
    const length = this.uint();
    if (this.offset + length > this.bytes.length) throw new RangeError('truncated string');
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, length).toString('utf8');
    this.offset += length;
    return text;
  }
}

/** Sorted seconds as a count and gaps (in minutes when all are whole minutes: 1 byte a 5-minute step). */
export function writeSortedTimes(writer: ByteWriter, times: readonly number[]): void {
  const minutes = times.every((t) => t % 60 === 0);
  writer.uint(times.length * 2 + (minutes ? 1 : 0));
  let previous = 0;
  for (const t of times) {
    const unit = minutes ? t / 60 : t;
    writer.uint(unit - previous);
    previous = unit;
  }
}

export function readSortedTimes(reader: ByteReader): number[] {
  const header = reader.uint();
  const scale = header % 2 === 1 ? 60 : 1;
  const count = Math.floor(header / 2);
  const times = new Array<number>(count);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    previous += reader.uint();
    times[i] = previous * scale;
  }
  return times;
}

/** Counters with runs of zeros folded: even token 2v = value v (> 0), odd token 2n-1 = n zeros. */
export function writeCounters(writer: ByteWriter, values: ArrayLike<number>): void {
  writer.uint(values.length);
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) {
      zeros++;
      continue;
    }
    if (zeros > 0) writer.uint(zeros * 2 - 1);
    zeros = 0;
    writer.uint(v * 2);
  }
  if (zeros > 0) writer.uint(zeros * 2 - 1);
}

export function readCounters(reader: ByteReader): Int32Array {
  const values = new Int32Array(reader.uint());
  let at = 0;
  while (at < values.length) {
    const token = reader.uint();
    if (token % 2 === 1) at += (token + 1) / 2;
    else values[at++] = token / 2;
  }
  return values;
}

/** Add counters as written by writeCounters into `into` from `offset` on: summing without an array per record. */
export function addCounters(reader: ByteReader, into: Int32Array, offset: number): void {
  const end = offset + reader.uint();
  let at = offset;
  while (at < end) {
    const token = reader.uint();
    if (token % 2 === 1) at += (token + 1) / 2;
    else into[at++]! += token / 2;
  }
}
