/** Splits a byte stream into lines (LF or CRLF), copying only the lines that straddle chunks. */
export class LineSplitter {
  /** The start of a line that a later chunk ends, in the pieces it came in. */
  private carried: Buffer[] = [];

  constructor(private readonly onLine: (line: Buffer) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    if (this.carried.length > 0) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        this.carried.push(Buffer.from(chunk));
        return;
      }
      this.emit(Buffer.concat([...this.carried, chunk.subarray(0, newline)]));
      this.carried = [];
      start = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) break;
      this.emit(chunk.subarray(start, newline));
      start = newline + 1;
    }
    // Copied: the stream may reuse the chunk's memory.
    if (start < chunk.length) this.carried.push(Buffer.from(chunk.subarray(start)));
  }

  /** The last line when the stream does not end with a newline. */
  end(): void {
    const line = Buffer.concat(this.carried);
    this.carried = [];
    if (line.length > 0) this.emit(line);
  }

  private emit(line: Buffer): void {
    this.onLine(line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, -1) : line);
  }
}
