/** How the slots grid fits a pane: the time column, then as many department columns as fit at a readable width. */
export interface SlotsLayout {
  columnWidth: number;
  visibleColumns: number;
  visibleRows: number;
}

export const TIME_WIDTH = 6;
const MIN_COLUMN = 9;
const MAX_COLUMN = 18;

/** Title, column headers and the legend take three lines; the rest are slot rows. */
export function slotsLayout(width: number, height: number, columns: number): SlotsLayout {
  const room = Math.max(MIN_COLUMN, width - TIME_WIDTH);
  const fitting = Math.max(1, Math.floor(room / MIN_COLUMN));
  const visibleColumns = Math.max(1, Math.min(columns, fitting));
  const columnWidth = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, Math.floor(room / visibleColumns)));
  return { columnWidth, visibleColumns, visibleRows: Math.max(1, height - 3) };
}
