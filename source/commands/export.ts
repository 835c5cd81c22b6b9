import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { TAR_END, tarHeader, tarPadding, weeklyCsvs, type WeeklyCsv } from '../../store/index.js';
import { wallRange } from '../date-range.js';
import { idMatcher } from '../id-pattern.js';
import { makeFolder, undoFolders } from '../make-folder.js';
import { safeFileName } from '../safe-file-name.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import { writeAll, writeFileFrom, writeInTurn } from '../write-stream.js';
import type { LevelStore } from '../../store/index.js';
import { defineCommand } from './command.js';
import { exportParquet } from './export-parquet.js';

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'write snapshots as the published weekly CSVs, or the history as Parquet tables by week',
  help: `
  Usage
    $ office-watch export --csv [--out DIR [--tar]] [--source PATTERN] [--from DATE] [--to DATE] [--db PATH]
    $ office-watch export --parquet DIR [--source PATTERN] [--from DATE] [--to DATE] [--db PATH]

  Flags
    --csv             the published weekly CSV layout (the default)
    --parquet DIR     the history as Parquet tables for DuckDB, Polars, Spark: DIR/slots, DIR/events and
                      DIR/snapshots, one week=YYYY-WW partition per week (the weeks written are replaced)
    --out DIR         write DIR/YYYY-WW/SOURCE.csv instead of printing to stdout
    --tar             with --out: write DIR/YYYY-WW.tar.gz bundles like the published ones
    --source PATTERN  only sources whose id matches (* and ? wildcards; plain text matches a part)
    --from DATE       from this day or time (YYYY-MM-DD or "YYYY-MM-DD HH:MM")
    --to DATE         up to this day (inclusive) or time
`,
  flags: {
    csv: { type: 'boolean', default: true },
    parquet: { type: 'string' },
    out: { type: 'string' },
    tar: { type: 'boolean', default: false },
    source: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run({ flags, stdout }) {
    const range = wallRange(flags as { from?: unknown; to?: unknown });
    const out = flags.out;
    if (flags.parquet !== undefined) return runParquet(flags, range);
    if (flags.tar && !out) throw new UserError('--tar needs --out DIR to write the bundles into.', 2);
    // The folder first: a place that cannot be one is said at once, before the database is read.
    const made = out ? makeFolder(out, 'the output folder') : [];
    const exported = withStore(flags.db, { readOnly: true }, async (store) => {
      const sources = await chosenSources(store, flags.source);
      const csvs = weeklyCsvs(store, { sources, ...range });
      let count = 0;
      if (!out) for await (const csv of csvs) count++, await writeInTurn(stdout, csv.chunks());
      else if (flags.tar) count = await writeBundles(out, csvs);
      else for await (const csv of csvs) count++, await writeCsv(out, csv);
      if (count === 0) throw new UserError('no snapshots in that range.');
      if (out) process.stderr.write(`wrote ${count} weekly CSV file(s) to ${out}\n`);
      return 0;
    });
    // Nothing exported (no data, a bad db): the folders made for it go again.
    return exported.catch((error: unknown) => (undoFolders(made), Promise.reject(error)));
  },
});

/** The flags --parquet reads. */
interface ParquetFlags {
  db: string;
  parquet?: string | undefined;
  out?: string | undefined;
  tar?: boolean;
  source?: string | undefined;
}

async function runParquet(flags: ParquetFlags, range: { from?: string; to?: string }): Promise<number> {
  const dir = flags.parquet ?? '';
  if (dir === '') throw new UserError('--parquet needs the folder to write the tables into: --parquet DIR.', 2);
  if (flags.out !== undefined || flags.tar)
    throw new UserError('--out and --tar are for --csv; --parquet writes into its own DIR.', 2);
  const made = makeFolder(dir, 'the Parquet folder');
  const started = performance.now();
  const written = withStore(flags.db, { readOnly: true }, async (store) => {
    const sources = await chosenSources(store, flags.source);
    const summary = await exportParquet(store, dir, { sources, ...range });
    if (summary.weeks === 0) throw new UserError('no snapshots in that range.');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rows = `${summary.slots} slot runs, ${summary.events} events, ${summary.snapshots} snapshots`;
    process.stderr.write(`wrote ${summary.weeks} week(s) of Parquet tables to ${dir} (${rows}) in ${seconds} s\n`);
    // A week recorded partly by import and partly live can replay differently from how it was counted.
    if (summary.mismatches > 0)
      process.stderr.write(
        `note: at ${summary.mismatches} row(s) the replayed published counts differ from the stored ones\n`,
      );
    return 0;
  });
  return written.catch((error: unknown) => (undoFolders(made), Promise.reject(error)));
}

/** The sources a --source pattern picks (all without one); none is a UserError. */
async function chosenSources(store: LevelStore, pattern: string | undefined): Promise<string[]> {
  const all = await store.listSources();
  const sources = pattern ? all.filter(idMatcher(pattern)) : all;
  if (sources.length === 0)
    throw new UserError(
      pattern ? `no source in the database matches "${pattern}".` : 'the database holds no snapshots yet.',
    );
  return sources;
}

/** OUT/YYYY-WW/SOURCE.csv. */
async function writeCsv(out: string, csv: WeeklyCsv): Promise<void> {
  const week = join(out, csv.week);
  makeFolder(week, 'a week folder');
  await writeFileFrom(join(week, `${safeFileName(csv.sourceId)}.csv`), (file) => writeInTurn(file, csv.chunks()));
}

/** One YYYY-WW.tar.gz per week with a SOURCE.csv entry per source, sources in order. */
async function writeBundles(out: string, csvs: AsyncIterable<WeeklyCsv>): Promise<number> {
  const byWeek = new Map<string, WeeklyCsv[]>();
  for await (const csv of csvs) byWeek.set(csv.week, [...(byWeek.get(csv.week) ?? []), csv]);
  for (const [week, entries] of [...byWeek].sort()) {
    const bundle = (gzip: NodeJS.WritableStream) => writeBundle(gzip, entries, Date.now() / 1000);
    await writeFileFrom(join(out, `${week}.tar.gz`), bundle, createGzip({ chunkSize: 1 << 20 }));
  }
  return [...byWeek.values()].reduce((sum, entries) => sum + entries.length, 0);
}

async function writeBundle(gzip: NodeJS.WritableStream, entries: WeeklyCsv[], mtime: number): Promise<void> {
  for (const csv of entries.sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1))) {
    // A ustar name holds 99 bytes here (tarHeader): 95 and ".csv".
    const header = tarHeader(`${safeFileName(csv.sourceId, 95)}.csv`, csv.size, mtime);
    await writeAll(gzip, [header]);
    await writeInTurn(gzip, csv.chunks());
    await writeAll(gzip, [tarPadding(csv.size)]);
  }
  await writeAll(gzip, [TAR_END]);
}
