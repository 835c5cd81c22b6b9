import { writeFileSync } from 'node:fs';
import { toBerlinWallTime } from '../../core/berlin-time.js';
import type { Demo } from '../../scrapers/simulator/demo.js';
import { startChangedSites } from '../../scrapers/simulator/site-changes.js';
import { SYSTEMS } from '../../scrapers/types.js';
import { UserError } from '../user-error.js';
import type { AnyFlags } from 'meow';
import { defineCommand, type CommandContext } from './command.js';

/** `office-watch simulate`: the demo's simulated offices served on 127.0.0.1 in the foreground, until Ctrl-C. */

const SIMULATE_FLAGS = {
  port: { type: 'number', default: 0 },
  speed: { type: 'number', default: 60 },
  seed: { type: 'number', default: 1 },
  sitesOut: { type: 'string' },
  siteChanges: { type: 'boolean', default: false },
  score: { type: 'boolean', default: false },
  days: { type: 'number', default: 2 },
  json: { type: 'boolean', default: false },
} as const satisfies AnyFlags;

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'serve simulated offices on 127.0.0.1 (the demo world), until Ctrl-C',
  help: `
  Usage
    $ office-watch simulate [--port P] [--speed N] [--seed N] [--sites-out FILE] [--site-changes]
    $ office-watch simulate --score [--json] [--days N] [--seed N]

  Serves the demo's simulated offices, one server per booking system, and prints
  one line per office: system, id, site URL (and its parameters).

  Flags
    --port P          first of five consecutive ports (tevis, netappoint, etermin,
                      tempus, zms); 0 picks free ones (default 0)
    --speed N         simulated time per real time (default 60: 15 minutes per 15 s)
    --seed N          seed of the simulated bookings (default 1)
    --site-changes    also sites that changed as real ones do: umzug (301 to another host),
                      wechsel (its page is now another system), verschwunden (no such host
                      name), abgeschaltet (connection refused); for office-watch sites check
    --sites-out FILE  write the sites as JSON, for office-watch snapshot --sites FILE
                      (scrapers count weeks from the real date: with --speed 1
                      the simulated offices stay in step with it)

    --score           instead of serving: score the inference. Simulated offices of each
                      publisher behaviour (regular, erratic, slow-updates, gaps in
                      scraping), and a ZMS office (regular), are scraped every 15 simulated
                      minutes through the real scrapers into a temporary store (ZMS paced as
                      its rate limit wants, on simulated time), and the bookings and cancellations
                      inferred by the published and the improved rules are compared with
                      the offices' true ones: precision, recall, F1
    --days N          simulated days to score (default 2, at most 14)
    --json            the score as JSON

  Example
    $ office-watch simulate --port 8300 --sites-out demo-sites.json
    $ office-watch simulate --score --days 2
`,
  flags: SIMULATE_FLAGS,
  async run(context) {
    const { flags, input, stdout, stderr } = context;
    if (input.length > 0) throw new UserError('simulate takes no arguments; see office-watch simulate --help.', 2);
    const port = integerFlag(flags.port, 'port', 0, 65_531);
    const seed = integerFlag(flags.seed, 'seed', 0, 2 ** 32 - 1);
    if (flags.score) return score(context, seed);
    const speed = flags.speed;
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 100_000)
      throw new UserError('--speed must be a number above 0 (at most 100000).', 2);
    const sitesOut = flags.sitesOut;
    if (sitesOut !== undefined && (typeof sitesOut !== 'string' || sitesOut.trim() === ''))
      throw new UserError('--sites-out needs the path of a file to write.', 2);

    const started = await start(port, seed, speed);
    const changed = flags.siteChanges === true ? await startChangedSites(started.origins) : undefined;
    const extra = (changed?.sites ?? []).map(({ expected: _expected, ...site }) => ({ ...site, locations: [] }));
    const demo = { ...started, sites: [...started.sites, ...extra] };
    try {
      if (typeof sitesOut === 'string') writeSites(demo, sitesOut);
      const from = toBerlinWallTime(demo.clock.now()).slice(0, 16);
      stderr.write(
        `office-watch simulate: ${demo.offices.length} offices from ${from} (Berlin), speed ${speed}×, seed ${seed};` +
          ' Ctrl-C stops.\n',
      );
      for (const line of officeLines(demo)) stdout.write(`${line}\n`);
      if (typeof sitesOut === 'string') stderr.write(`sites written to ${sitesOut}\n`);
      await untilInterrupted();
      return 0;
    } finally {
      await changed?.close();
      await demo.close();
    }
  },
});

async function score({ flags, stdout, stderr }: CommandContext<typeof SIMULATE_FLAGS>, seed: number): Promise<number> {
  const days = flags.days;
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > 14)
    throw new UserError('--days must be a number above 0 (at most 14).', 2);
  const { scoreInference } = await import('../simulate/score.js');
  const { formatScore } = await import('../simulate/score-format.js');
  const started = Date.now();
  const tty = Boolean(stderr.isTTY);
  const report = await scoreInference({
    days,
    seed,
    progress: tty ? (f) => stderr.write(`\rscoring… ${Math.round(f * 100)}%`) : undefined,
  });
  if (tty) stderr.write('\r');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  stderr.write(
    `office-watch simulate --score: ${report.rounds} rounds of ${report.roundMinutes} minutes (${days} days),` +
      ` seed ${seed}, in ${seconds} s\n`,
  );
  stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatScore(report));
  return 0;
}

/** One aligned line per office: system, id, URL, parameters. */
export function officeLines(demo: Pick<Demo, 'sites'>): string[] {
  const width = Math.max(...demo.sites.map((site) => site.id.length));
  return demo.sites.map((site) => {
    const params = Object.entries(site.params ?? {}).map(([key, value]) => ` ${key}=${value}`);
    return `${site.system.padEnd(10)} ${site.id.padEnd(width)}  ${site.url}${params.join('')}`;
  });
}

async function start(port: number, seed: number, speed: number): Promise<Demo> {
  const { startDemo } = await import('../../scrapers/simulator/demo.js');
  try {
    return await startDemo({ port, seed, speed });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const ports = `${port}–${port + SYSTEMS.length - 1}`;
      throw new UserError(`ports ${ports} are not all free to use (${code}); choose another --port, or 0 for any.`);
    }
    throw error;
  }
}

function writeSites(demo: Demo, path: string): void {
  try {
    writeFileSync(path, `${JSON.stringify(demo.sites, null, 2)}\n`);
  } catch (error) {
    throw new UserError(`cannot write the sites file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

function integerFlag(value: unknown, flag: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`--${flag} must be a whole number from ${min} to ${max}.`, 2);
  }
  return value;
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
