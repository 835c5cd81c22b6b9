import { webhookOptions } from './alerts/webhook-options.js';
import { defineCommand } from './commands/command.js';
import { loadSites } from './commands/list.js';
import { defaultDbPath } from './db-path.js';
import { sanitize } from './sanitize.js';
import { selectSites } from './scheduler/index.js';
import { colourDepth } from './tui/colour-wanted.js';
import { themeBackground, THEMES, type ThemeChoice } from './tui/terminal-background.js';
import { UserError } from './user-error.js';
import { ownSitesPath } from './own-sites.js';

const patterns = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String).filter((p) => p.trim() !== '') : [];

function numberFlag(value: unknown, flag: string, min: number, max: number, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new UserError(`--${flag} needs a ${integer ? 'whole ' : ''}number from ${min} to ${max}.`, 2);
  }
  return value;
}

/** `office-watch` with no command: the live terminal app. */
export const appCommand = defineCommand({
  name: 'app',
  summary: 'the live terminal app',
  help: `
  App flags
    --demo                simulated offices on 127.0.0.1, fast clock (a round every 15 s), no network;
                          uses its own db (${defaultDbPath()}-demo) unless --db is given
    --no-scrape           only view the db, scrape nothing
    --interval MINUTES    between scrape rounds (default 15)
    -w, --weeks N         lookahead in weeks (default 4)
    -i, --include PATTERN only sources whose id or city matches (repeatable; * and ? wildcards)
    -e, --exclude PATTERN leave these out (repeatable)
    --sites FILE          your own sites file instead of the built-in registry
    --exec CMD            run CMD with each alert message of your watches (one per watch per round,
                          as JSON on stdin)
    --webhook URL         POST each alert message to URL (ntfy, Gotify, Slack, Discord or Telegram)
    --webhook-format F    ntfy, gotify, slack, discord or telegram (default: from the URL's host, else ntfy)
    --quiet               no terminal bell on alerts (the banner, the alerts view and the
                          desktop notification stay)
    --theme NAME          dark or light: colours for the terminal's background; auto (the default)
                          takes the terminal's word (COLORFGBG), else colours that read on both

  Alerts: w in the app watches the selected city (office-watch watch add does more). A watch's
  first round says how many wanted slots are free; after that each round's new slots come as one
  message per watch: a banner, the alerts view (6), the bell and, where the desktop has them, a
  notification.

  In the app, ? lists every key.
`,
  flags: {
    demo: { type: 'boolean', default: false },
    scrape: { type: 'boolean', default: true },
    interval: { type: 'number', default: 15 },
    weeks: { type: 'number', shortFlag: 'w', default: 4 },
    include: { type: 'string', shortFlag: 'i', isMultiple: true },
    exclude: { type: 'string', shortFlag: 'e', isMultiple: true },
    sites: { type: 'string' },
    exec: { type: 'string' },
    webhook: { type: 'string' },
    webhookFormat: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    theme: { type: 'string', default: 'auto' },
  },
  async run({ input, flags, stdout }) {
    if (input.length > 0)
      throw new UserError(
        `the app takes no arguments ("${sanitize(input[0]!, 40)}"); office-watch --help lists the commands.`,
        2,
      );
    const interval = numberFlag(flags.interval, 'interval', 1, 1440, false);
    const weeks = numberFlag(flags.weeks, 'weeks', 1, 26, true);
    const demo = flags.demo === true;
    if (demo && flags.sites !== undefined)
      throw new UserError('--demo watches simulated offices and takes no --sites file.', 2);
    const webhook = webhookOptions(flags);
    if (flags.exec?.trim() === '') throw new UserError('--exec needs a command.', 2);
    const theme = flags.theme;
    if (!(THEMES as readonly string[]).includes(theme)) {
      throw new UserError(`--theme is one of auto, dark and light; got "${sanitize(theme, 40)}".`, 2);
    }
    const include = patterns(flags.include);
    const selection = { include, exclude: patterns(flags.exclude) };
    const registry = demo ? [] : loadSites(flags.sites);
    const { sites, unmatched } = selectSites(registry, selection);
    if (!demo && unmatched.length > 0)
      throw new UserError(`no source matches "${sanitize(unmatched[0]!, 60)}"; office-watch list shows them.`);
    if (!demo && flags.scrape !== false && sites.length === 0)
      throw new UserError('no source is left to scrape after --exclude.');
    if (!stdout.isTTY || !process.stdin.isTTY) {
      throw new UserError(
        'the live app needs a terminal; for scripts use the one-shot commands' +
          ' (snapshot, list, stats, export; office-watch --help lists them).',
      );
    }
    const depth = colourDepth();
    const { runWatchSession } = await import('./tui/watch-session.js');
    await runWatchSession({
      db: demo && flags.db === defaultDbPath() ? `${flags.db}-demo` : flags.db,
      sites,
      lookup: registry,
      // The user's own sites file, unless --sites names another: followed while the app runs.
      ...(demo || flags.sites !== undefined
        ? {}
        : { ownSites: { path: ownSitesPath(), reload: () => selectSites(loadSites(undefined), selection).sites } }),
      accept: (site) => selectSites([{ ...site, system: '', name: '', url: '' }], selection).sites.length === 1,
      demo,
      scrape: flags.scrape !== false,
      intervalMs: interval * 60_000,
      weeks,
      inkColours: depth,
      theme: {
        colour: depth !== 'none',
        depth: depth === 'none' ? 'basic' : depth,
        background: themeBackground(theme as ThemeChoice),
      },
      quiet: flags.quiet === true,
      exec: flags.exec,
      webhook: webhook.webhook,
      webhookFormat: webhook.webhookFormat,
    });
    return 0;
  },
});
