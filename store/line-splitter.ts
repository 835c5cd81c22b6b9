/** Splits a byte stream into lines (LF or CRLF), copying only the lines that straddle chunks. */
export class LineSplitter {
  private carry: Buffer | undefined;

  constructor(private readonly onLine: (line: Buffer) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.carry) {
      data = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    let start = 0;
    for (;;) {
      const newline = data.indexOf(10, start);
      if (newline < 0) break;
      const end = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
      this.onLine(data.subarray(start, end));
      start = newline + 1;
    }
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
  }

  /** The last line when the stream does not end with a newline. */
  end(): void {
    if (this.carry && this.carry.length > 0) {
      const line = this.carry[this.carry.length - 1] === 13 ? this.carry.subarray(0, -1) : this.carry;
      this.onLine(line);
    }
    this.carry = undefined;
  }
}
