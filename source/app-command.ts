import type { Command } from './commands/command.js';
import { UserError } from './user-error.js';

/** `office-watch` with no command: the live terminal app. */
export const appCommand: Command = {
  name: 'app',
  summary: 'the live terminal app',
  help: `
  App flags
    --demo          simulated offices on 127.0.0.1, fast clock, no network
    --no-scrape     view the db without scraping
`,
  flags: { demo: { type: 'boolean', default: false }, scrape: { type: 'boolean', default: true } },
  async run({ stdout }) {
    if (!stdout.isTTY) throw new UserError('the live app needs a terminal; for scripts use the one-shot commands (office-watch --help lists them).');
    throw new UserError('the live app is not built yet.');
  },
};
