import { listAlerts } from '../../store/index.js';
import { alertLine } from '../alerts/alert-text.js';
import { wallBound } from '../date-range.js';
import { sanitize } from '../sanitize.js';
import { terminalJson } from '../terminal-json.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';

/** `office-watch alerts`: the alerts the watches raised. */
export const alertsCommand = defineCommand({
  name: 'alerts',
  summary: 'the free slots your watches found',
  help: `
  Usage
    $ office-watch alerts [--since DATE] [--json]

  Each alert names the office, the slot, how it arose ("new day": its day had no free slot before;
  "cancellation": freed on a day that was booked) and the booking page. A watch's first look at an
  office (and the first after a gap in scraping of over 3 hours) is one FREE line instead: how many
  wanted slots were free then, and the earliest.

  Flags
    --since DATE   only alerts from snapshots at or after DATE (YYYY-MM-DD or "YYYY-MM-DD HH:MM", Berlin time)
    --json         the alerts as a JSON array
    --demo         the demo database
    --db PATH      the database folder
`,
  flags: {
    since: { type: 'string' },
    json: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
  },
  async run({ input, flags, stdout }) {
    if (input.length > 0) throw new UserError(`alerts takes no arguments ("${sanitize(input[0]!, 40)}").`, 2);
    let since: string | undefined;
    try {
      since = wallBound(flags.since, 'from');
    } catch {
      throw new UserError(
        `--since "${sanitize(flags.since ?? '', 40)}" is not a date (YYYY-MM-DD or "YYYY-MM-DD HH:MM").`,
        2,
      );
    }
    return withStore(flags.db, { readOnly: true }, async (store) => {
      const alerts = await listAlerts(store, since === undefined ? {} : { since });
      // Names come from the sites: capped and cleaned like every line the terminal shows.
      const clean = (a: (typeof alerts)[number]) => ({
        ...a,
        office: sanitize(a.office, 200),
        siteName: sanitize(a.siteName, 200),
        city: sanitize(a.city, 100),
      });
      if (flags.json) stdout.write(`${terminalJson(alerts.map(clean))}\n`);
      else
        stdout.write(
          alerts.length === 0
            ? 'no alerts yet.\n'
            : `${alerts.map((a) => `${a.takenAt.slice(0, 16)}  ${alertLine(a)}`).join('\n')}\n`,
        );
      return 0;
    });
  },
});
