// The store's API: the one way in for the app and the commands (dependency-cruiser holds source/ to it).
// A store is a LevelStore (the OfficeStore of types.ts) over a Db (db.ts), which is either the LevelDB this
// process owns or a RemoteDb that reads through the process that owns it; test/store/db-contract.test.ts runs
// one suite over both.
import { checkStore as checkDb, type CheckReport } from './check.js';
import { openDb, type OpenOptions } from './db-handle.js';
import { LevelStore } from './level-store.js';
import { repairStore as repairDb, type RepairReport } from './repair.js';

export { LevelStore } from './level-store.js';
export { StoreError } from './store-error.js';
export { patternMatcher, sameText } from './text-pattern.js';
export type * from './types.js';
export type { Db } from './db.js';

/**
 * Open the store at `path` (created unless readOnly). A read-only store reads through the process that
 * has the folder open, if one has. Errors are StoreErrors with one-sentence messages. `onNotice` hears of
 * work done once on opening (an older database brought up to date).
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<LevelStore> {
  return new LevelStore(await openDb(path, options));
}

// Import and export of the published weekly files.
export { expandInputs, importWeeklyFiles, type ImportSummary } from './import-weeks.js';
export { weeklyCsvs, type WeeklyCsv } from './weekly-export.js';
export { csvField } from './weekly-csv.js';
export { TAR_END, tarHeader, tarPadding } from './tar.js';
export { publishedMetrics } from './published-metrics.js';

// Health of the records: `check` and its repair.
export type { CheckReport } from './check.js';
export type { RepairReport } from './repair.js';
export { PROBLEM_KINDS, type Problem, type ProblemKind } from './check-problem.js';
/** Every problem `check` finds in the store's records; reads only. `progress` hears the share done (0…1). */
export const checkStore = (store: LevelStore, progress?: (fraction: number) => void): Promise<CheckReport> =>
  checkDb(store.db, progress);
/** Apply the fixes of a check's report in one batch, then check again. */
export const repairStore = (store: LevelStore, before: CheckReport): Promise<RepairReport> =>
  repairDb(store.db, before);

// Insights, watches and the alerts they raise, store metadata.
export {
  cityInsights,
  LEAD_BINS,
  type CityInsights,
  type Figures,
  type Insights,
  type SourceInsights,
} from './insights.js';
export { addWatch, listWatches, removeWatch, WatchExistsError } from './watches.js';
export type { IsoWeekday, Watch, WatchSpec } from './watches.js';
export { detectAlerts, listAlerts, type Alert, type AlertKind, type AlertSite } from './alerts.js';
export { readMetadata, writeMetadata } from './metadata.js';

// The inference rules themselves, for the slot grid's marks and the simulator's score.
export { diffSorted } from './records.js';
export { cancellationTest, countsAcross, vanishedClassifier, type Vanished } from './improved-changes.js';
export { emptyImprovedState, inferImproved } from './improved-inference.js';
export { emptyInferenceState, inferRow } from './location-inference.js';
export { newRowMetrics } from './row-metrics.js';

// The history as long tables (export --parquet).
export { exportHistory, type HistorySummary } from './history-export.js';
export { EVENT_COLUMNS, SLOT_COLUMNS, SNAPSHOT_COLUMNS, type WeekSink } from './history-tables.js';
export type { Columns, ParquetTable } from './parquet-table.js';
/** The Parquet writer's class, loaded when used: hyparquet-writer would cost every command's start-up. */
export const loadParquetTable = async () => (await import('./parquet-table.js')).ParquetTable;
