import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { LineSplitter } from './line-splitter.js';
import { StoreError } from './store-error.js';
import { TarFormatError, TarReader } from './tar.js';
import type { WallSeconds } from '../core/wall-clock.js';
import { CsvFormatError, parseHeader, parseRow } from './weekly-csv.js';

/** One snapshot of one source as a weekly file holds it. */
export interface FileSnapshot {
  sourceId: string;
  date: string;
  rows: { locationId: string; slots: WallSeconds[] }[];
  /** The slot columns of the file it came from. */
  columns: ReadonlySet<WallSeconds>;
}

/**
 * Stream the snapshots of a weekly .tar.gz, a .tar, or one source .csv (optionally .gz), a chunk at a
 * time: `onChunk` receives what each chunk completed and may await (to write). Bad input → StoreError.
 */
export async function readWeeklyFile(
  path: string,
  onChunk: (snapshots: FileSnapshot[], bytesRead: number) => Promise<void>,
): Promise<void> {
  const name = basename(path);
  const gzipped = /\.(tgz|gz)$/i.test(name);
  const isTar = /\.(tar\.gz|tgz|tar)$/i.test(name);
  let current = new CsvSnapshots(path);
  let done: FileSnapshot[] = [];
  let bytesRead = 0;
  const tar = new TarReader({
    start: (entry) => void (current = new CsvSnapshots(`${path}: ${entry}`)),
    data: (chunk) => current.push(chunk),
    end: () => current.end(),
  });
  const file = createReadStream(path);
  file.on('data', (chunk) => (bytesRead += chunk.length));
  // 1 MiB chunks: with the default 16 KiB, unpacking a week costs three times as long.
  const stream = gzipped ? file.pipe(createGunzip({ chunkSize: 1 << 20 })) : file;
  file.on('error', (error) => stream.destroy(error));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (isTar) tar.push(chunk);
      else current.push(chunk);
      done = CsvSnapshots.drain();
      if (done.length > 0) await onChunk(done, bytesRead);
    }
    if (isTar) tar.end();
    else current.end();
    done = CsvSnapshots.drain();
    if (done.length > 0) await onChunk(done, bytesRead);
  } catch (error) {
    CsvSnapshots.drain(); // what the bad file completed before the error must not leak into the next read
    throw describe(error, path);
  }
}

function describe(error: unknown, path: string): Error {
  if (error instanceof StoreError) return error;
  if (error instanceof CsvFormatError || error instanceof TarFormatError)
    return new StoreError('BAD_INPUT', `${path}: ${error.message}.`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new StoreError('BAD_INPUT', `${path} does not exist.`);
  if (code === 'EACCES') return new StoreError('BAD_INPUT', `${path} cannot be read (permission denied).`);
  if (code === 'EISDIR') return new StoreError('BAD_INPUT', `${path} is a folder, not a file.`);
  if (code?.startsWith('Z_') && /unexpected end/.test((error as Error).message))
    return new StoreError('BAD_INPUT', `${path} is cut short: the gzip data ends early.`);
  if (code?.startsWith('Z_'))
    return new StoreError('BAD_INPUT', `${path} is not a valid gzip file (${(error as Error).message}).`);
  return error instanceof Error ? error : new Error(String(error));
}

/** Groups the rows of one CSV into snapshots (runs of rows with the same date). */
class CsvSnapshots {
  private static completed: FileSnapshot[] = [];
  private readonly lines: LineSplitter;
  private line = 0;
  private columns: WallSeconds[] | undefined;
  private columnSet: ReadonlySet<WallSeconds> = new Set();
  private open: FileSnapshot | undefined;
  /** Per location, its last parsed row's cells and slots: a repeated row reuses them (the same array). */
  private readonly lastRows = new Map<string, { cells: Buffer; slots: WallSeconds[] }>();

  constructor(private readonly label: string) {
    this.lines = new LineSplitter((line) => this.onLine(line));
  }

  static drain(): FileSnapshot[] {
    const out = CsvSnapshots.completed;
    CsvSnapshots.completed = [];
    return out;
  }

  push(chunk: Buffer): void {
    this.lines.push(chunk);
  }

  end(): void {
    this.lines.end();
    if (this.columns === undefined) throw new StoreError('BAD_INPUT', `${this.label} is empty: no header line.`);
    if (this.open) CsvSnapshots.completed.push(this.open);
    this.open = undefined;
  }

  private onLine(line: Buffer): void {
    this.line++;
    try {
      if (this.columns === undefined) {
        this.columns = parseHeader(line);
        this.columnSet = new Set(this.columns);
        return;
      }
      if (line.length === 0) return;
      // The slot cells as bytes (unquoted rows): equal bytes, equal cells.
      let cells: Buffer | undefined;
      const row = parseRow(line, this.columns.length, (id, bytes) => {
        cells = bytes;
        return this.lastRows.get(id)?.cells.equals(bytes) === true;
      });
      if (this.open && (this.open.date !== row.date || this.open.sourceId !== row.sourceId)) {
        if (row.date < this.open.date)
          throw new CsvFormatError(`the date ${row.date} comes after the later ${this.open.date}`);
        CsvSnapshots.completed.push(this.open);
        this.open = undefined;
      }
      this.open ??= { sourceId: row.sourceId, date: row.date, rows: [], columns: this.columnSet };
      const columns = this.columns;
      let slots = this.lastRows.get(row.locationId)?.slots;
      if (!row.repeated) {
        slots = row.free.map((i) => columns[i]!);
        // A copy: the line is a view into a large chunk that must not stay alive.
        if (cells) this.lastRows.set(row.locationId, { cells: Buffer.from(cells), slots });
      }
      this.open.rows.push({ locationId: row.locationId, slots: slots! });
    } catch (error) {
      if (error instanceof CsvFormatError)
        throw new StoreError('BAD_INPUT', `${this.label} line ${this.line}: ${error.message}.`);
      throw error;
    }
  }
}
