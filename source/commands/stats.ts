import { sanitize } from '../sanitize.js';
import { shortStatus, statusesOf } from '../site-statuses.js';
import { terminalJson } from '../terminal-json.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';
import { formatTable } from '../format-table.js';

export const statsCommand = defineCommand({
  name: 'stats',
  summary: 'per source: snapshots, locations, changed rows, appointments, cancellations, first, last and status',
  help: `
  Usage
    $ office-watch stats [--json] [--db PATH]
`,
  flags: { json: { type: 'boolean', default: false } },
  async run({ flags, stdout }) {
    const { stats, statuses } = await withStore(flags.db, { readOnly: true }, async (store) => {
      const stats = await store.stats();
      return {
        stats,
        statuses: await statusesOf(
          store,
          stats.map((s) => s.sourceId),
        ),
      };
    });
    if (flags.json) {
      const records = stats.map((s) => ({ ...s, status: statuses.get(s.sourceId) ?? { state: 'new' } }));
      stdout.write(`${terminalJson(records)}\n`);
      return 0;
    }
    if (stats.length === 0) {
      stdout.write('the database holds no snapshots yet.\n');
      return 0;
    }
    const header = [
      'source',
      'snapshots',
      'locations',
      'changed',
      'appointments',
      'cancellations',
      'first',
      'last',
      'status',
    ];
    const rows = stats.map((s) => {
      const status = sanitize(shortStatus(statuses.get(s.sourceId) ?? { state: 'new' }), 60);
      return [
        sanitize(s.sourceId, 40),
        s.snapshots,
        s.locations,
        s.changedRows,
        s.appointments,
        s.cancellations,
        s.first ?? '',
        s.last ?? '',
        status,
      ].map(String);
    });
    stdout.write(formatTable(header, rows, [false, true, true, true, true, true, false, false, false]));
    return 0;
  },
});
