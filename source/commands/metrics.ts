import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedMetrics } from '../../store/index.js';
import { isoWeekRange } from '../../core/wall-clock.js';
import { makeFolder, undoFolders, whyNotWritable } from '../make-folder.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';

export const metricsCommand = defineCommand({
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
    const { week, out } = flags;
    if (!week) throw new UserError('name the week: --week YYYY-WW.', 2);
    if (!out) throw new UserError('name the folder to write into: --out DIR.', 2);
    if (!isoWeekRange(week)) throw new UserError(`"${sanitize(week, 40)}" is not an ISO week like 2021-28.`, 2);
    // The folder first: a place that cannot be one is said at once, before the week is computed.
    const made = makeFolder(out, 'the output folder');
    const computed = withStore(flags.db, { readOnly: true }, (store) => publishedMetrics(store, week));
    const files = await computed.catch((error: unknown) => (undoFolders(made), Promise.reject(error)));
    let written = 0;
    for (const [name, bytes] of files) {
      const path = join(out, name);
      try {
        writeFileSync(path, bytes);
      } catch (error) {
        throw new UserError(`cannot write ${path}: ${whyNotWritable(error, path)}.`);
      }
      written++;
    }
    stderr.write(`wrote ${written} metrics files for week ${week} to ${out}\n`);
    return 0;
  },
});
