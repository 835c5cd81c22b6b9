import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedMetrics } from '../../store/published-metrics.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';

export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'write the published wide metrics CSVs of a week (slips of the reference included)',
  help: `
  Usage
    $ office-watch metrics --week YYYY-WW --out DIR [--db PATH]

  Writes DIR/changed.csv, appointments.csv, cancellations.csv, free_dates.csv and the
  0–4 h/d/w horizon files, exactly as the published metrics (metrics.md rule 8 included).
`,
  flags: { week: { type: 'string' }, out: { type: 'string' } },
  async run({ flags, stderr }) {
    if (!flags.week) throw new UserError('name the week: --week YYYY-WW.', 2);
    if (!flags.out) throw new UserError('name the folder to write into: --out DIR.', 2);
    const files = await withStore(flags.db, { readOnly: true }, (store) => publishedMetrics(store, String(flags.week)));
    const out = String(flags.out);
    let written = 0;
    try {
      mkdirSync(out, { recursive: true });
      for (const [name, bytes] of files) {
        writeFileSync(join(out, name), bytes);
        written++;
      }
    } catch (error) {
      throw new UserError(`cannot write to ${out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
    stderr.write(`wrote ${written} metrics files for week ${String(flags.week)} to ${out}\n`);
    return 0;
  },
};
