import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { LevelStore } from './level-store.js';
import { SourceWriter } from './source-writer.js';
import { StoreError } from './store-error.js';
import { readWeeklyFile } from './weekly-reader.js';

export interface ImportSummary {
  files: number;
  sources: number;
  snapshots: number;
  /** Snapshots already in the store (or older than what it holds), left as they were. */
  skipped: number;
  rows: number;
  appointments: number;
  cancellations: number;
}

/** Batches stay bounded (memory) and land at snapshot boundaries (a crash leaves whole snapshots). */
const FLUSH_AT_OPS = 20_000;

/** The weekly files named by the user's arguments: files as given, folders by their weekly bundles, in week order. */
export function expandInputs(paths: string[]): string[] {
  if (paths.length === 0)
    throw new StoreError('BAD_INPUT', 'name at least one weekly .tar.gz, folder or .csv to import.');
  return paths.flatMap((path) => {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      throw new StoreError('BAD_INPUT', `${path} does not exist.`);
    }
    if (!stats.isDirectory()) return [path];
    const files = readdirSync(path)
      .filter((f) => /\.(tar\.gz|tgz|csv)$/i.test(f))
      .sort();
    if (files.length === 0) throw new StoreError('BAD_INPUT', `${path} holds no weekly .tar.gz or .csv files.`);
    return files.map((f) => join(path, f));
  });
}

/**
 * Import weekly files, streamed source by source, snapshot by snapshot, inferring as it goes.
 * If any file turns out bad, everything this import wrote is undone: the store is left as it was.
 */
export async function importWeeklyFiles(
  store: LevelStore,
  paths: string[],
  progress?: (fraction: number) => void,
): Promise<ImportSummary> {
  const files = expandInputs(paths);
  const sizes = files.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  const summary: ImportSummary = {
    files: files.length,
    sources: 0,
    snapshots: 0,
    skipped: 0,
    rows: 0,
    appointments: 0,
    cancellations: 0,
  };
  const writers = new Map<string, SourceWriter>();
  let before = 0;
  try {
    for (const [i, file] of files.entries()) {
      let found = 0;
      await readWeeklyFile(file, async (snapshots, read) => {
        for (const snapshot of snapshots) {
          found++;
          const writer = await writerFor(store, writers, snapshot.sourceId);
          const outcome = writer.record(snapshot.date, snapshot.rows, (slot) => snapshot.columns.has(slot), true);
          if (!outcome.stored) summary.skipped++;
          else {
            summary.snapshots++;
            summary.rows += snapshot.rows.length;
            summary.appointments += outcome.appointments;
            summary.cancellations += outcome.cancellations;
          }
          if (writer.pendingOps >= FLUSH_AT_OPS) await writer.flush();
        }
        progress?.((before + read) / total);
      });
      if (found === 0) throw new StoreError('BAD_INPUT', `${file} holds no snapshots (a week with no data).`);
      for (const writer of writers.values()) await writer.flush();
      for (const writer of writers.values()) await writer.settle();
      before += sizes[i]!;
    }
  } catch (error) {
    for (const writer of writers.values()) await writer.rollback();
    store.forgetWriters();
    throw error;
  }
  store.forgetWriters();
  summary.sources = writers.size;
  return summary;
}

async function writerFor(
  store: LevelStore,
  writers: Map<string, SourceWriter>,
  sourceId: string,
): Promise<SourceWriter> {
  let writer = writers.get(sourceId);
  if (!writer) {
    // A writer of its own, loaded now: what it must restore is the store as this import found it.
    writer = await SourceWriter.load(store.db, sourceId);
    writer.beginUndoable();
    writers.set(sourceId, writer);
  }
  return writer;
}
