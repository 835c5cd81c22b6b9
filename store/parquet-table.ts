import { renameSync, rmSync } from 'node:fs';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';

/** Rows buffered before they are written as one row group: what a table holds in memory at most. */
export const ROW_GROUP_ROWS = 50_000;

/** A column kind: text, a whole number, or a Berlin wall-clock time (a Parquet timestamp, not adjusted to UTC). */
export type ColumnKind = 'text' | 'int' | 'wall-time';
export type Columns = Record<string, ColumnKind>;
/** A row of a table with those columns: wall times as wall seconds. */
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends 'text' ? string : number };

const ELEMENTS = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int: { type: 'INT32' },
  // Wall clock on a naive axis: isAdjustedToUTC false tells readers it is local time, not an instant.
  'wall-time': { type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' } },
} as const;

/**
 * One Parquet file written row group by row group (snappy): memory holds one group, whatever the file's length.
 * It is written as PATH.tmp and renamed to PATH by `close`, so a reader never sees half a file.
 */
export class ParquetTable<C extends Columns> {
  private readonly writer: ParquetWriter;
  private readonly names: string[];
  private readonly kinds: ColumnKind[];
  private buffer: unknown[][];
  /** Text values encoded once per row group: ids and names repeat on most rows. */
  private encoded = new Map<string, Uint8Array>();
  private readonly encoder = new TextEncoder();
  rows = 0;

  constructor(
    private readonly path: string,
    columns: C,
  ) {
    this.names = Object.keys(columns);
    this.kinds = Object.values(columns);
    const schema = [
      { name: 'root', num_children: this.names.length },
      ...this.names.map((name, i) => ({ name, repetition_type: 'REQUIRED' as const, ...ELEMENTS[this.kinds[i]!] })),
    ];
    this.writer = new ParquetWriter({ writer: fileWriter(`${path}.tmp`), schema, createdBy: 'office-watch' });
    this.buffer = this.names.map(() => []);
  }

  add(row: RowOf<C>): void {
    for (let i = 0; i < this.names.length; i++) {
      const value = row[this.names[i]!]!;
      this.buffer[i]!.push(
        this.kinds[i] === 'text'
          ? this.bytes(value as string)
          : this.kinds[i] === 'wall-time'
            ? (value as number) * 1000
            : value,
      );
    }
    this.rows++;
    if (this.buffer[0]!.length >= ROW_GROUP_ROWS) this.flush();
  }

  /** Write what is buffered and the footer, and put the file in place. */
  close(): void {
    this.flush();
    this.writer.finish();
    renameSync(`${this.path}.tmp`, this.path);
  }

  /** Give up on the file (an error while writing): its temporary file goes. */
  abandon(): void {
    rmSync(`${this.path}.tmp`, { force: true });
  }

  private bytes(text: string): Uint8Array {
    let bytes = this.encoded.get(text);
    if (!bytes) this.encoded.set(text, (bytes = this.encoder.encode(text)));
    return bytes;
  }

  private flush(): void {
    if (this.buffer[0]!.length === 0) return;
    const rows = this.buffer[0]!.length;
    const columnData = this.names.map((name, i) => ({
      name,
      data: this.kinds[i] === 'int' ? Int32Array.from(this.buffer[i] as number[]) : (this.buffer[i] as Uint8Array[]),
    }));
    this.writer.write({ columnData, rowGroupSize: rows });
    this.buffer = this.names.map(() => []);
    this.encoded = new Map();
  }
}
