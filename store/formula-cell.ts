/**
 * CSV cells that no spreadsheet runs as a formula. Ids and names come from web sites; a cell starting with
 * `=`, `@`, tab or CR, or with `+`/`-` before anything but a plain number or a tempus-style id of digits,
 * dots, slashes and dashes ("-/3068", "-5"), gets a leading `'` (the OWASP advice). No source or location id
 * of the published data starts with any of these (checked: metadata.json, raw/2021-28 and raw/2026-29), so
 * the published layout stays byte for byte. Leading `'`s are looked through, so that `restoreCell` undoes
 * `neutraliseCell` exactly: an export imported again gives back the ids it came from.
 */
const RUNNABLE = /^(?:[=@\t\r]|[+-](?![\d./-]*$))/;

const runnable = (value: string): boolean => RUNNABLE.test(value.replace(/^'+/, ''));

export const neutraliseCell = (value: string): string => (runnable(value) ? `'${value}` : value);

/** The id a neutralised cell stood for (39 is `'`). */
export const restoreCell = (cell: string): string =>
  cell.charCodeAt(0) === 39 && runnable(cell) ? cell.slice(1) : cell;
