import { sanitize } from '../../sanitize.js';
import { statusText } from '../../scheduler/index.js';
import type { HealthRow } from '../data/app-data.js';
import { fit } from '../fit.js';
import { duration, hhmm } from '../format-time.js';
import { STATE_MARK } from './cities.js';

/** A column of the health table: its header and cell, both exactly `width` cells wide. */
export interface HealthColumn {
  header: string;
  width: number;
  cell: (row: HealthRow, marked: boolean) => string;
}

interface Spec {
  name: string;
  width: number;
  /** Lower ranks stay longer when the pane narrows. */
  rank: number;
  /** Takes the width left over (at least `width`). */
  rest?: true;
  text: (row: HealthRow, marked: boolean) => string;
  align?: 'right';
}

const percent = (rate: number | undefined) => (rate === undefined ? '–' : `${Math.round(rate * 100)}%`);
/** A failing site's status says since when and how (moved: where to; gone: since when), else its last error. */
const errorText = (row: HealthRow) => {
  if (row.running) return 'scraping…';
  if (row.state !== 'failing') return sanitize(row.notice ?? '', 300);
  if (row.status && row.status.state !== 'ok' && row.status.state !== 'new')
    return sanitize(statusText(row.status), 300);
  return row.lastError ? sanitize(row.lastError, 300) : '';
};

// In the order shown; each cell leaves one space before the next column.
const SPECS: readonly Spec[] = [
  { name: '', width: 3, rank: 0, text: (row, marked) => `${marked ? '▸' : ' '}${STATE_MARK[row.state].mark}` },
  { name: 'SOURCE', width: 16, rank: 0, text: (row) => sanitize(row.sourceId, 64) },
  { name: 'LAST', width: 6, rank: 2, text: (row) => (row.lastRun ? hhmm(row.lastRun) : '–') },
  { name: 'TOOK', width: 8, rank: 5, text: (row) => duration(row.durationMs), align: 'right' },
  { name: 'NEXT', width: 6, rank: 3, text: (row) => (row.nextRun ? hhmm(row.nextRun) : '–') },
  { name: '24H', width: 5, rank: 1, text: (row) => percent(row.successRate), align: 'right' },
  { name: 'LAST ERROR', width: 12, rank: 4, rest: true, text: errorText },
];

/** The columns that fit `width`, most needed first (state, source, success rate, last, next, error, duration). */
export function healthColumns(width: number): HealthColumn[] {
  const kept = new Set<Spec>();
  let used = 0;
  for (const spec of [...SPECS].sort((a, b) => a.rank - b.rank)) {
    if (used + spec.width > width) continue;
    kept.add(spec);
    used += spec.width;
  }
  return SPECS.filter((spec) => kept.has(spec)).map((spec) => {
    const w = spec.rest ? spec.width + width - used : spec.width;
    // The mark column has no gap of its own; the others end in one space.
    const inner = spec.name === '' ? w : w - 1;
    const pad = spec.name === '' ? '' : ' ';
    return {
      header: fit(spec.name, w),
      width: w,
      cell: (row, marked) => fit(spec.text(row, marked), inner, spec.align) + pad,
    };
  });
}
