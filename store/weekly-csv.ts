import { neutraliseCell, restoreCell } from './formula-cell.js';
import { parseWallTime, type WallSeconds } from '../core/wall-clock.js';

/** One row of a published weekly CSV: a location's free slot columns at one snapshot. */
export interface CsvRow {
  date: string;
  sourceId: string;
  locationId: string;
  /** Indices into the header's slot columns that are free ('1'), ascending. */
  free: number[];
  /** True when `isRepeat` said the cells are those of the location's previous row: `free` is then left unparsed. */
  repeated?: true;
}

export class CsvFormatError extends Error {}

/** The slot columns of a header line (`date,source_id,location_id,…`). */
export function parseHeader(line: Buffer): WallSeconds[] {
  const fields = splitFields(line.toString('utf8'));
  if (fields[0] !== 'date' || fields[1] !== 'source_id' || fields[2] !== 'location_id')
    throw new CsvFormatError('the header does not start with date,source_id,location_id');
  const columns = fields.slice(3).map(parseWallTime);
  const bad = columns.findIndex((c, i) => !Number.isFinite(c) || (i > 0 && c <= columns[i - 1]!));
  if (bad >= 0)
    throw new CsvFormatError(`slot column ${bad + 4} ("${fields[bad + 3]}") is not a time after the one before`);
  return columns;
}

const COMMA = 44;
const ONE = 49;

/**
 * Parse a data row; cells must be empty or `1`, one per slot column. `isRepeat` may spare the parse of cells
 * that are byte for byte a previous row's (most rows of a weekly file repeat their location's previous row).
 */
export function parseRow(
  line: Buffer,
  columnCount: number,
  isRepeat?: (locationId: string, cells: Buffer) => boolean,
): CsvRow {
  if (line.includes(34)) return parseQuotedRow(line.toString('utf8'), columnCount);
  const c1 = line.indexOf(COMMA);
  const c2 = c1 < 0 ? -1 : line.indexOf(COMMA, c1 + 1);
  const c3 = c2 < 0 ? -1 : line.indexOf(COMMA, c2 + 1);
  const end = c3 < 0 ? line.length : c3;
  if (c2 < 0) throw new CsvFormatError('the row has fewer than three fields');
  const row: CsvRow = {
    date: line.toString('latin1', 0, c1),
    sourceId: restoreCell(line.toString('utf8', c1 + 1, c2)),
    locationId: restoreCell(line.toString('utf8', c2 + 1, end)),
    free: [],
  };
  checkIds(row);
  if (isRepeat?.(row.locationId, line.subarray(end))) {
    row.repeated = true;
    return row;
  }
  let column = -1;
  for (let i = end; i < line.length; i++) {
    const byte = line[i];
    if (byte === COMMA) column++;
    else if (byte === ONE && line[i - 1] === COMMA) row.free.push(column);
    else throw new CsvFormatError(`cell ${column + 4} is neither empty nor 1`);
  }
  if (column + 1 !== columnCount)
    throw new CsvFormatError(`the row has ${column + 4} fields, the header ${columnCount + 3}`);
  return row;
}

function parseQuotedRow(text: string, columnCount: number): CsvRow {
  const fields = splitFields(text);
  if (fields.length !== columnCount + 3)
    throw new CsvFormatError(`the row has ${fields.length} fields, the header ${columnCount + 3}`);
  const row: CsvRow = {
    date: fields[0]!,
    sourceId: restoreCell(fields[1]!),
    locationId: restoreCell(fields[2]!),
    free: [],
  };
  checkIds(row);
  fields.slice(3).forEach((cell, i) => {
    if (cell === '1') row.free.push(i);
    else if (cell !== '') throw new CsvFormatError(`cell ${i + 4} is neither empty nor 1`);
  });
  return row;
}

/** The date last found valid: a snapshot's rows share it, so most rows need no parse. */
let validDate = '';

function checkIds(row: CsvRow): void {
  if (row.date !== validDate && !Number.isFinite(parseWallTime(row.date)))
    throw new CsvFormatError(`"${row.date.slice(0, 40)}" is not a date like 2021-07-12 00:03:33`);
  validDate = row.date;
  if (row.sourceId === '' || row.locationId === '') throw new CsvFormatError('the source or location id is empty');
}

/** RFC 4180 fields of one line. */
export function splitFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new CsvFormatError('a quoted field is not closed');
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (i < line.length && line[i] !== ',') throw new CsvFormatError('text after a closing quote');
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    i++;
  }
}

/** One CSV field, quoted where needed, as the published files would; never a spreadsheet formula. */
export function csvField(value: string): string {
  const cell = neutraliseCell(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
