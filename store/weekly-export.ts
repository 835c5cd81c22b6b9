import type { LevelStore } from './level-store.js';
import { formatWallTime, isoWeekOf, isoWeekRange, parseWallTime, type WallSeconds } from '../core/wall-clock.js';
import { csvField } from './weekly-csv.js';

/** One source's week in the published CSV layout, produced line by line. */
export interface WeeklyCsv {
  week: string;
  sourceId: string;
  /** Byte length of the whole file (for tar headers). */
  size: number;
  /**
   * The file's bytes in chunks of up to 1 MiB, all written into one buffer: a chunk holds only until the next one is
   * asked for (a copy, or a write that has finished with it, is what keeps it). Fresh memory for every chunk costs
   * more than the export's own work (page faults over the whole file).
   */
  chunks(): Iterable<Buffer>;
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

async function sourceWeek(
  store: LevelStore,
  sourceId: string,
  week: string,
  from: string,
  to: string,
): Promise<WeeklyCsv> {
  const source = (await store.source(sourceId))!;
  const snapshots: [string, number[]][] = [];
  for await (const [time, record] of store.snapshotRecords(sourceId, from, to))
    snapshots.push([time, record.locations]);
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
    const present = locations
      .map((i) => [source.locations[i]!, i] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [id, index] of present) {
      const timeline = timelines.get(index)!;
      let at = cursor.get(index) ?? 0;
      while (at + 1 < timeline.length && timeline[at + 1]![0] <= time) at++;
      cursor.set(index, at);
      rows.push([time, id, timeline[at]![1]]);
    }
  }
  // Unchanged rows share their slot array: the union is taken over the distinct arrays only.
  const columnSet = new Set<WallSeconds>();
  for (const slots of new Set(rows.map((row) => row[2]))) for (const slot of slots) columnSet.add(slot);
  const columns = [...columnSet].sort((a, b) => a - b);
  const position = new Map(columns.map((c, i) => [c, i]));
  // Each distinct slot array is rendered once, as bytes; lines are copied into 1 MiB chunks.
  const cells = new Map<WallSeconds[], Buffer>();
  const cellsOf = (slots: WallSeconds[]): Buffer => {
    let bytes = cells.get(slots);
    if (bytes === undefined)
      cells.set(slots, (bytes = Buffer.from(`${renderCells(slots, position, columns.length)}\r\n`, 'latin1')));
    return bytes;
  };
  const header = Buffer.from(`date,source_id,location_id${columns.map((c) => `,${formatWallTime(c)}`).join('')}\r\n`);
  const prefix = `,${csvField(sourceId)},`;
  const heads = new Map<string, Buffer>();
  const headOf = (time: string, id: string): Buffer => Buffer.from(`${time}${prefix}${csvField(id)}`);
  let size = header.length;
  for (const [time, id, slots] of rows) {
    let head = heads.get(id);
    if (!head) heads.set(id, (head = headOf('', id)));
    size += time.length + head.length + cellsOf(slots).length;
  }
  return {
    week,
    sourceId,
    size,
    *chunks() {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let used = header.copy(chunk);
      for (const [time, id, slots] of rows) {
        const head = heads.get(id)!;
        const body = cellsOf(slots);
        if (used + time.length + head.length + body.length > chunk.length) {
          yield chunk.subarray(0, used);
          used = 0;
          if (time.length + head.length + body.length > chunk.length) {
            yield Buffer.concat([Buffer.from(time, 'latin1'), head, body]);
            continue;
          }
        }
        used += chunk.write(time, used, 'latin1');
        used += head.copy(chunk, used);
        used += body.copy(chunk, used);
      }
      if (used > 0) yield chunk.subarray(0, used);
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
