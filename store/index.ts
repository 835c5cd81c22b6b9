import { LevelStore } from './level-store.js';
import { openDb } from './db-handle.js';

export { LevelStore } from './level-store.js';
export { StoreError } from './store-error.js';
export type * from './types.js';

/**
 * Open the store at `path` (created unless readOnly). A read-only store reads through the process that
 * has the folder open, if one has. Errors are StoreErrors with one-sentence messages. `onNotice` hears of
 * work done once on opening (an older database brought up to date).
 */
export async function openStore(path: string, options: { readOnly?: boolean; onNotice?: (message: string) => void } = {}): Promise<LevelStore> {
  return new LevelStore(await openDb(path, options));
}
export { exportHistory, type HistorySummary } from './history-export.js';
export { EVENT_COLUMNS, SLOT_COLUMNS, SNAPSHOT_COLUMNS, type WeekSink } from './history-tables.js';
export { ParquetTable, type Columns } from './parquet-table.js';
