import { formatTable } from '../format-table.js';
import type { ScoreReport } from './score.js';
import type { Rates } from './score-match.js';

const figure = (value: number | null): string => (value === null ? '–' : value.toFixed(3));

/** The score as a readable table: one row per behaviour (and system), kind and rules. */
export function formatScore(report: ScoreReport): string {
  const rows: string[][] = [];
  for (const b of report.behaviours) {
    for (const kind of ['bookings', 'cancellations'] as const) {
      for (const rules of ['published', 'improved'] as const) {
        const r: Rates = b[kind][rules];
        const figures = [figure(r.precision), figure(r.recall), figure(r.f1), String(r.inferred), String(r.truth)];
        rows.push([b.behaviour, b.system, kind, rules, ...figures]);
      }
    }
  }
  const head = ['behaviour', 'system', 'kind', 'rules', 'precision', 'recall', 'F1', 'inferred', 'true'];
  const table = formatTable(head, rows, [false, false, false, false, true, true, true, true, true]);
  const label = (b: ScoreReport['behaviours'][number]) => `${b.behaviour} (${b.system})`;
  const disagree = report.behaviours.filter((b) => !b.storeAgrees).map(label);
  const refused = report.behaviours.filter((b) => (b.refusals ?? 0) > 0).map((b) => `${label(b)}: ${b.refusals}`);
  const warnings: string[] = [];
  if (disagree.length > 0) {
    warnings.push(`warning: the store's hourly aggregates differ from the improved rules for ${disagree.join(', ')}`);
  }
  if (refused.length > 0) warnings.push(`warning: requests refused for the rate limit (${refused.join(', ')})`);
  return `${table}${warnings.map((line) => `${line}\n`).join('')}`;
}
