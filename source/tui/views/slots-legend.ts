import type { CellMark, SlotGrid } from '../data/slot-grid.js';

/** How each mark of the grid is drawn: a character always, a colour where colours are on. */
export const CELL: Record<CellMark, { text: string; colour?: string }> = {
  free: { text: 'X' },
  freed: { text: '+', colour: 'green' },
  booked: { text: '-', colour: 'red' },
  passed: { text: '·' },
  withdrawn: { text: '/' },
  none: { text: ' ' },
};

/** The marks' counts, then where the view is scrolled to; in short when the words do not fit. */
export function legend(
  grid: SlotGrid,
  first: number,
  shown: number,
  total: number,
  rowStart: number,
  rows: number,
  width = 200,
): string {
  const marks: Exclude<CellMark, 'none'>[] = ['free', 'freed', 'booked'];
  if (grid.passed > 0) marks.push('passed');
  if (grid.withdrawn > 0) marks.push('withdrawn');
  const where: string[] = [];
  if (grid.gap) where.push('gap in scraping: no changes counted');
  if (shown < total) where.push(`cols ${first + 1}-${first + shown}/${total} <>`);
  if (rows < grid.rows.length) where.push(`rows ${rowStart + 1}-${rowStart + rows}/${grid.rows.length}`);
  const long = [...marks.map((mark) => `${CELL[mark].text} ${grid[mark]} ${mark}`), ...where].join('  ');
  if ([...long].length <= width) return long;
  return [...marks.map((mark) => `${CELL[mark].text}${grid[mark]}`), ...where].join('  ');
}
