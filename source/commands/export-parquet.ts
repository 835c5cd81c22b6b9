import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_COLUMNS,
  exportHistory,
  loadParquetTable,
  type ParquetTable,
  SLOT_COLUMNS,
  SNAPSHOT_COLUMNS,
  type Columns,
  type HistorySummary,
  type LevelStore,
  type WeekSink,
} from '../../store/index.js';
import { makeFolder, whyNotWritable } from '../make-folder.js';
import { UserError } from '../user-error.js';

const TABLES = { slots: SLOT_COLUMNS, events: EVENT_COLUMNS, snapshots: SNAPSHOT_COLUMNS } as const;
type TableName = keyof typeof TABLES;

/**
 * The history as hive-style partitions DIR/TABLE/week=YYYY-WW/part-0.parquet. A week that gets rows replaces its
 * partitions of all three tables (a table without rows that week loses its old file); other weeks stay as they were.
 */
export async function exportParquet(
  store: LevelStore,
  dir: string,
  filter: { sources: string[]; from?: string; to?: string },
): Promise<HistorySummary> {
  const Table = await loadParquetTable();
  let open: Partial<Record<TableName, ParquetTable<Columns>>> = {};
  const partition = (table: TableName, week: string) => join(dir, table, `week=${week}`);
  const tableOf = (table: TableName, week: string): ParquetTable<Columns> => {
    let file = open[table];
    if (!file) {
      makeFolder(partition(table, week), 'a partition folder');
      open[table] = file = new Table(join(partition(table, week), 'part-0.parquet'), TABLES[table] as Columns);
    }
    return file;
  };
  const openWeek = (week: string): WeekSink => ({
    slot: (row) => tableOf('slots', week).add(row),
    event: (row) => tableOf('events', week).add(row),
    snapshot: (row) => tableOf('snapshots', week).add(row),
  });
  const closeWeek = (week: string) => {
    const written = open;
    open = {};
    for (const file of Object.values(written)) file.close();
    if (Object.keys(written).length === 0) return;
    for (const table of Object.keys(TABLES) as TableName[]) {
      if (!written[table]) rmSync(join(partition(table, week), 'part-0.parquet'), { force: true });
    }
  };
  try {
    return await exportHistory(store, filter, openWeek, closeWeek);
  } catch (error) {
    for (const file of Object.values(open)) file.abandon();
    if (error instanceof UserError || !(error as NodeJS.ErrnoException).syscall) throw error;
    throw new UserError(`cannot write the Parquet files in ${dir}: ${whyNotWritable(error, dir)}.`);
  }
}
