import { expandInputs, importWeeklyFiles } from '../../store/index.js';
import { refuseDevice } from '../input-file.js';
import { progressBar } from '../progress-bar.js';
import { withStore } from '../with-store.js';
import { asUserError } from '../user-error.js';
import { defineCommand } from './command.js';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'load published weekly .tar.gz files (or folders of them, or one source .csv)',
  help: `
  Usage
    $ office-watch import FILE… [--db PATH]

  FILE is a published weekly YYYY-WW.tar.gz, a folder of them, or one source CSV.
  Weeks are read in order; each location's state carries from one week into the next.
  Importing the same week twice changes nothing; an interrupted import can be rerun.
  Every file is checked before anything is written: a bad file leaves the store as it was.
`,
  flags: {},
  async run({ input, flags, stdout, stderr }) {
    const started = Date.now();
    for (const path of input) refuseDevice(path);
    try {
      expandInputs(input);
    } catch (error) {
      throw asUserError(error);
    }
    const summary = await withStore(flags.db, {}, async (store) => {
      const bar = progressBar(stderr, 'importing');
      try {
        return await importWeeklyFiles(store, input, (fraction) => bar.update(fraction));
      } finally {
        bar.done();
      }
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stdout.write(
      `imported ${summary.files} file(s): ${summary.sources} sources, ` +
        `${summary.snapshots} snapshots (${summary.rows} rows), ` +
        `${summary.appointments} appointments, ${summary.cancellations} cancellations inferred` +
        `${summary.skipped > 0 ? `; ${summary.skipped} snapshots were already stored` : ''} in ${seconds} s\n`,
    );
    return 0;
  },
});
