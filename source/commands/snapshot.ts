import type { RegistrySite } from '../../scrapers/registry/registry.js';
import type { Site } from '../../scrapers/types.js';
import { alertOnSnapshots, createAlertDispatcher, messageTerminalText, webhookOptions } from '../alerts/index.js';
import type { WebhookFormat } from '../alerts/webhook-format.js';
import { demoTimeline } from '../demo-timeline.js';
import { sanitize } from '../sanitize.js';
import { terminalJson } from '../terminal-json.js';
import { createScheduler, selectSites, type RunOutcome, type Scheduler } from '../scheduler/index.js';
import { UserError } from '../user-error.js';
import { politeSkips } from '../site-statuses.js';
import { withStore } from '../with-store.js';
import type { AnyFlags } from 'meow';
import { defineCommand, type CommandContext } from './command.js';
import { loadSites, systemFlag } from './list.js';

/** One source's line of the summary (and its --json record). */
export interface SnapshotSummary {
  sourceId: string;
  system: string;
  ok: boolean;
  locations?: number;
  freeSlots?: number;
  durationMs: number;
  requests: number;
  error?: { kind: string; message: string; status?: number };
  /** What a successful scrape left unread (offices behind a captcha). */
  notice?: { kind: string; message: string };
  storeError?: string;
}

export function summarize(outcome: RunOutcome): SnapshotSummary {
  const { run, site } = outcome;
  const summary: SnapshotSummary = {
    sourceId: site.id,
    system: site.system,
    ok: run.ok,
    durationMs: run.durationMs,
    requests: run.requests,
  };
  if (run.locations !== undefined) summary.locations = run.locations;
  if (run.freeSlots !== undefined) summary.freeSlots = run.freeSlots;
  if (run.error) summary.error = { ...run.error, message: sanitize(run.error.message, 300) };
  if (run.notice) summary.notice = { kind: run.notice.kind, message: sanitize(run.notice.message, 300) };
  if (outcome.storeError) summary.storeError = sanitize(outcome.storeError, 300);
  return summary;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function summaryLine(s: SnapshotSummary): string {
  const id = sanitize(s.sourceId, 64).padEnd(20);
  const detail = s.ok
    ? `${String(s.locations ?? 0).padStart(4)} locations ${String(s.freeSlots ?? 0).padStart(6)} free`
    : `${s.error?.kind ?? 'error'}: ${s.error?.message ?? ''}`;
  const store = s.storeError ? `  (not stored: ${s.storeError})` : '';
  const notice = s.notice ? `  (${s.notice.kind}: ${s.notice.message})` : '';
  return `${s.ok ? 'ok  ' : 'FAIL'}  ${id}  ${detail}  ${seconds(s.durationMs)}${notice}${store}`;
}

function positiveInteger(value: unknown, flag: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new UserError(`--${flag} needs a whole number from 1 to ${max}.`, 2);
  }
  return value;
}

const patterns = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String).filter((p) => p.trim() !== '') : [];

/** `office-watch snapshot`: one round over the chosen sources, stored, with a line per source. */

const SNAPSHOT_FLAGS = {
  weeks: { type: 'number', shortFlag: 'w', default: 4 },
  parallel: { type: 'number', shortFlag: 'p', default: 8 },
  include: { type: 'string', shortFlag: 'i', isMultiple: true },
  exclude: { type: 'string', shortFlag: 'e', isMultiple: true },
  system: { type: 'string' },
  sites: { type: 'string' },
  demo: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  exec: { type: 'string' },
  webhook: { type: 'string' },
  webhookFormat: { type: 'string' },
} as const satisfies AnyFlags;

export const snapshotCommand = defineCommand({
  name: 'snapshot',
  summary: 'scrape the sources once and store the snapshots',
  help: `
  Usage
    $ office-watch snapshot [flags]

  Flags
    -w, --weeks N         lookahead in weeks (default 4)
    -p, --parallel N      scrapes in flight at most (default 8; per host 1, tempus-termine.com 3)
    -i, --include PATTERN only sources whose id or city matches (repeatable; * and ? wildcards)
    -e, --exclude PATTERN leave these out (repeatable)
    --system S            only sources on booking system S
    --sites FILE          your own sites file instead of the built-in registry
    --demo                scrape simulated offices on 127.0.0.1 instead (no network)
    --json                the summary as a JSON array
    --exec CMD            run CMD with each alert message of your watches (one per watch, as JSON on stdin)
    --webhook URL         POST each alert message to URL (ntfy, Gotify, Slack, Discord or Telegram)
    --webhook-format F    ntfy, gotify, slack, discord or telegram (default: from the URL's host, else ntfy)
    --db PATH             the database folder

  A failing source is a line of the summary, not an error: the exit code is 0 when the round ran.
  Without network (several hosts failing as an offline machine's do, nothing getting through) it says
  so in one line and exits 1 at once.
  Politeness: a site scraped less than its minimum interval ago (15 min unless the site asks for
  more) is skipped, with a line on stderr. office-watch never books and never submits a booking form.
  Alerts: one message per watch per round; after the round, deliveries get at most 30 s to finish
  (retries included), and what is still undelivered then is logged on stderr.
`,
  flags: SNAPSHOT_FLAGS,
  async run(context) {
    const { flags } = context;
    const weeks = positiveInteger(flags.weeks, 'weeks', 26);
    const parallel = positiveInteger(flags.parallel, 'parallel', 64);
    if (flags.demo && flags.sites !== undefined)
      throw new UserError('--demo scrapes simulated offices and takes no --sites file.', 2);
    const webhook = webhookOptions(flags);
    if (flags.exec?.trim() === '') throw new UserError('--exec needs a command.', 2);
    if (context.input.length > 0)
      throw new UserError(
        `snapshot takes no arguments ("${sanitize(context.input[0]!, 40)}"); use -i PATTERN to choose sources.`,
        2,
      );
    const choose = (all: RegistrySite[]): Site[] => {
      const { sites, unmatched } = selectSites(all, {
        include: patterns(flags.include),
        exclude: patterns(flags.exclude),
        system: systemFlag(flags.system, all),
      });
      if (unmatched.length > 0)
        throw new UserError(`no source matches "${sanitize(unmatched[0]!, 60)}"; office-watch list shows them.`);
      if (sites.length === 0) throw new UserError('no source is left to scrape after --exclude and --system.');
      return sites;
    };
    if (!flags.demo) return scrapeRound(context, choose(loadSites(flags.sites)), { weeks, parallel, ...webhook });
    const { startDemo } = await import('../../scrapers/simulator/demo.js');
    // The demo db's world goes on where it was (see demoTimeline), so a second run alerts only what really changed.
    const demo = await startDemo(await withStore(flags.db, {}, (store) => demoTimeline(store)));
    try {
      const now = () => demo.clock.now();
      return await scrapeRound(context, choose(demo.sites), { weeks, parallel, now, ...webhook });
    } finally {
      await demo.close();
    }
  },
});

/** How long `snapshot` waits for alert deliveries after its round, retries included. */
const DELIVERY_WAIT_MS = 30_000;

interface RoundOptions {
  weeks: number;
  parallel: number;
  now?: () => Date;
  webhook?: string;
  webhookFormat?: WebhookFormat;
}

async function scrapeRound(
  context: CommandContext<typeof SNAPSHOT_FLAGS>,
  chosen: Site[],
  options: RoundOptions,
): Promise<number> {
  return withStore(context.flags.db, {}, async (store) => {
    const recent = options.now ? new Map<string, string>() : await politeSkips(store, chosen);
    for (const [id, why] of recent) context.stderr.write(`skipped ${sanitize(id, 64)}: ${why}.\n`);
    const sites = chosen.filter((site) => !recent.has(site.id));
    if (sites.length === 0) {
      // Every site skipped for politeness: still a JSON answer for scripts that parse it.
      if (context.flags.json) context.stdout.write('[]\n');
      return 0;
    }
    // The scrapers (cheerio, got) load only when a command scrapes: the other commands start without them.
    const { scraperFor } = await import('../../scrapers/index.js');
    // network: an offline machine is told apart from failing sites (report says so and exits 1).
    const limits = { weeks: options.weeks, parallel: options.parallel, minIntervalMinutes: 0, network: {} };
    const clock = options.now ? { now: options.now } : {};
    const scheduler = createScheduler({ sites, store, scraperFor, ...limits, ...clock });
    const { flags, stdout } = context;
    const dispatcher = createAlertDispatcher({
      exec: flags.exec,
      webhook: options.webhook,
      webhookFormat: options.webhookFormat,
      onMessage: (message) => void (flags.json ? undefined : stdout.write(messageTerminalText(message))),
    });
    const alerts = alertOnSnapshots(scheduler, store, dispatcher);
    let interrupted = false;
    const interrupt = () => {
      interrupted = true;
      void scheduler.stop();
    };
    process.once('SIGINT', interrupt);
    try {
      const code = await report(context, scheduler, sites.length, () => interrupted);
      // The round is over: its messages go out now; deliveries get a bounded time, then what is left is logged.
      await alerts.flush();
      await dispatcher.settle(interrupted ? 0 : DELIVERY_WAIT_MS);
      return code;
    } finally {
      alerts.stop();
      process.removeListener('SIGINT', interrupt);
      await scheduler.stop();
    }
  });
}

/** Run the round, streaming a line per source (or collecting the JSON), then the totals; the exit code. */
async function report(
  { flags, stdout, stderr }: CommandContext<typeof SNAPSHOT_FLAGS>,
  scheduler: Scheduler,
  total: number,
  interrupted: () => boolean,
): Promise<number> {
  let done = 0;
  scheduler.onRun((outcome) => {
    done++;
    if (!flags.json) stdout.write(`${summaryLine(summarize(outcome))}\n`);
    else if (stderr.isTTY) stderr.write(`\rscraped ${done}/${total}`);
  });
  const round = await scheduler.runRound();
  if (round.networkDown && !interrupted()) {
    if (flags.json && stderr.isTTY) stderr.write('\r\u001b[K');
    stderr.write(`office-watch: the network looks down (${sanitize(round.networkDown, 200)}); nothing was scraped.\n`);
    return 1;
  }
  const summaries = round.outcomes.map(summarize);
  if (flags.json) {
    if (stderr.isTTY) stderr.write('\r\u001b[K');
    stdout.write(`${terminalJson(summaries)}\n`);
  } else {
    const ok = summaries.filter((s) => s.ok);
    const free = ok.reduce((sum, s) => sum + (s.freeSlots ?? 0), 0);
    const locations = ok.reduce((sum, s) => sum + (s.locations ?? 0), 0);
    stdout.write(
      `${summaries.length} sources: ${ok.length} ok, ${summaries.length - ok.length} failed` +
        ` · ${locations} locations · ${free} free slots · ${seconds(round.durationMs)}\n`,
    );
  }
  if (interrupted()) {
    stderr.write(`office-watch: interrupted; ${round.skipped.length} sources not scraped.\n`);
    return 130;
  }
  const unstored = summaries.filter((s) => s.storeError);
  if (unstored.length > 0) {
    stderr.write(`office-watch: the database refused ${unstored.length} writes (first: ${unstored[0]!.storeError}).\n`);
    return 1;
  }
  return 0;
}
