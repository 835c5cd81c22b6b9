import { formatTable } from '../../source/format-table.js';
import type { ScoreReport } from './score.js';
import type { Rates } from './score-match.js';

const figure = (value: number | null): string => (value === null ? '–' : value.toFixed(3));

/** The score as a readable table: one row per behaviour, kind and rules. */
export function formatScore(report: ScoreReport): string {
  const rows: string[][] = [];
  for (const b of report.behaviours) {
    for (const kind of ['bookings', 'cancellations'] as const) {
      for (const rules of ['published', 'improved'] as const) {
        const r: Rates = b[kind][rules];
        rows.push([b.behaviour, kind, rules, figure(r.precision), figure(r.recall), figure(r.f1), String(r.inferred), String(r.truth)]);
      }
    }
  }
  const table = formatTable(['behaviour', 'kind', 'rules', 'precision', 'recall', 'F1', 'inferred', 'true'], rows, [false, false, false, true, true, true, true, true]);
  const disagree = report.behaviours.filter((b) => !b.storeAgrees).map((b) => b.behaviour);
  return disagree.length > 0 ? `${table}warning: the store's hourly aggregates differ from the improved rules for ${disagree.join(', ')}\n` : table;
}
