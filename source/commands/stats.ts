import { sanitize } from '../sanitize.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';
import { formatTable } from '../format-table.js';

export const statsCommand = defineCommand({
  name: 'stats',
  summary: 'per source: snapshots, locations, changed rows, appointments, cancellations, first and last',
  help: `
  Usage
    $ office-watch stats [--json] [--db PATH]
`,
  flags: { json: { type: 'boolean', default: false } },
  async run({ flags, stdout }) {
    const stats = await withStore(flags.db, { readOnly: true }, (store) => store.stats());
    if (flags.json) {
      stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      return 0;
    }
    if (stats.length === 0) {
      stdout.write('the database holds no snapshots yet.\n');
      return 0;
    }
    const header = ['source', 'snapshots', 'locations', 'changed', 'appointments', 'cancellations', 'first', 'last'];
    const rows = stats.map((s) =>
      [
        sanitize(s.sourceId, 40),
        s.snapshots,
        s.locations,
        s.changedRows,
        s.appointments,
        s.cancellations,
        s.first ?? '',
        s.last ?? '',
      ].map(String),
    );
    stdout.write(formatTable(header, rows, [false, true, true, true, true, true, false, false]));
    return 0;
  },
});
