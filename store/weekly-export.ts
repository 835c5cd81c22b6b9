import type { LevelStore } from './level-store.js';
import { formatWallTime, isoWeekOf, isoWeekRange, parseWallTime, type WallSeconds } from './wall-clock.js';
import { csvField } from './weekly-csv.js';

/** One source's week in the published CSV layout, produced line by line. */
export interface WeeklyCsv {
  week: string;
  sourceId: string;
  /** Byte length of the whole file (for tar headers). */
  size: number;
  lines(): Iterable<string>;
}

export interface ExportFilter {
  sources: string[];
  from?: string;
  to?: string;
}

/** Weekly CSVs of the chosen sources and range, source by source, week by week. */
export async function* weeklyCsvs(store: LevelStore, filter: ExportFilter): AsyncGenerator<WeeklyCsv> {
  for (const sourceId of filter.sources) {
    const times = await store.snapshotTimes(sourceId, filter.from, filter.to);
    const weeks = [...new Set(times.map((t) => isoWeekOf(parseWallTime(t))))];
    for (const week of weeks) {
      const [start, end] = isoWeekRange(week)!;
      const from = maxTime(formatWallTime(start), filter.from);
      const to = minTime(formatWallTime(end - 1), filter.to);
      yield await sourceWeek(store, sourceId, week, from, to);
    }
  }
}

const maxTime = (a: string, b?: string): string => (b !== undefined && b > a ? b : a);
const minTime = (a: string, b?: string): string => (b !== undefined && b < a ? b : a);

async function sourceWeek(store: LevelStore, sourceId: string, week: string, from: string, to: string): Promise<WeeklyCsv> {
  const source = (await store.source(sourceId))!;
  const snapshots: [string, number[]][] = [];
  for await (const [time, record] of store.snapshotRecords(sourceId, from, to)) snapshots.push([time, record.locations]);
  const used = [...new Set(snapshots.flatMap(([, locations]) => locations))];
  const timelines = new Map<number, [string, WallSeconds[]][]>();
  for (const index of used) {
    const timeline: [string, WallSeconds[]][] = [];
    for await (const entry of store.locationRows(sourceId, source.locations[index]!, from, to)) timeline.push(entry);
    timelines.set(index, timeline);
  }
  // Rows in the published order: by snapshot time, then location id.
  const rows: [string, string, WallSeconds[]][] = [];
  const cursor = new Map<number, number>();
  for (const [time, locations] of snapshots) {
    const present = locations.map((i) => [source.locations[i]!, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [id, index] of present) {
      const timeline = timelines.get(index)!;
      let at = cursor.get(index) ?? 0;
      while (at + 1 < timeline.length && timeline[at + 1]![0] <= time) at++;
      cursor.set(index, at);
      rows.push([time, id, timeline[at]![1]]);
    }
  }
  const columns = [...new Set(rows.flatMap(([, , slots]) => slots))].sort((a, b) => a - b);
  const position = new Map(columns.map((c, i) => [c, i]));
  const cells = new Map<WallSeconds[], string>();
  const cellsOf = (slots: WallSeconds[]): string => {
    let text = cells.get(slots);
    if (text === undefined) cells.set(slots, (text = renderCells(slots, position, columns.length)));
    return text;
  };
  const header = `date,source_id,location_id${columns.map((c) => `,${formatWallTime(c)}`).join('')}\r\n`;
  const prefix = `,${csvField(sourceId)},`;
  const line = ([time, id, slots]: [string, string, WallSeconds[]]) => `${time}${prefix}${csvField(id)}${cellsOf(slots)}\r\n`;
  let size = Buffer.byteLength(header);
  for (const row of rows) size += Buffer.byteLength(line(row));
  return {
    week,
    sourceId,
    size,
    *lines() {
      yield header;
      for (const row of rows) yield line(row);
    },
  };
}

/** `,` per column with `1` in the free ones, built from runs of commas. */
function renderCells(slots: readonly WallSeconds[], position: Map<WallSeconds, number>, count: number): string {
  let text = '';
  let next = 0;
  for (const slot of slots) {
    const at = position.get(slot)!;
    text += `${','.repeat(at - next + 1)}1`;
    next = at + 1;
  }
  return text + ','.repeat(count - next);
}
