import type { EventRow, WeekSink } from './history-tables.js';
import type { InferredEvent } from './location-inference.js';
import { LocationReplay } from './location-replay.js';
import { key, PREFIX } from './keys.js';
import type { LevelStore } from './level-store.js';
import type { SourceRecord } from './records.js';
import { METRIC } from './row-metrics.js';
import { SlotRuns } from './slot-runs.js';
import { failedRuns } from './failed-runs.js';
import {
  floorHour,
  floorQuarter,
  formatWallTime,
  isoWeekOf,
  isoWeekRange,
  parseWallTime,
  SECONDS,
  type WallSeconds,
} from '../core/wall-clock.js';
import type { ExportFilter } from './weekly-export.js';

export interface HistorySummary {
  weeks: number;
  slots: number;
  events: number;
  snapshots: number;
  /** Rows whose replayed published counts differ from those the store recorded (0 unless a week was recorded oddly). */
  mismatches: number;
}

interface SourceState {
  id: string;
  record: SourceRecord;
  locations: Map<string, LocationReplay>;
}

/**
 * The history of the chosen sources as long tables, week by week (each week's rows go to `openWeek(week)`'s sink,
 * and `closeWeek` follows). The inference is replayed from each source's first snapshot, since its state before
 * `from` decides what counts after it; rows are given only for snapshots in [from, to].
 */
export async function exportHistory(
  store: LevelStore,
  filter: ExportFilter,
  openWeek: (week: string) => WeekSink,
  closeWeek: (week: string) => void,
): Promise<HistorySummary> {
  const summary: HistorySummary = { weeks: 0, slots: 0, events: 0, snapshots: 0, mismatches: 0 };
  const sources: SourceState[] = [];
  for (const id of filter.sources) {
    const record = await store.source(id);
    // Snapshots after `last` are being written while we read (the live app): they wait for the next export.
    if (record?.first && record.last) sources.push({ id, record, locations: new Map() });
  }
  if (sources.length === 0) return summary;
  const first = sources.reduce((min, s) => (s.record.first! < min ? s.record.first! : min), sources[0]!.record.first!);
  const last = sources.reduce((max, s) => (s.record.last! > max ? s.record.last! : max), sources[0]!.record.last!);
  const lastWeek = isoWeekOf(parseWallTime(filter.to !== undefined && filter.to < last ? filter.to : last));
  const firstShown = filter.from !== undefined && filter.from > first ? filter.from : first;
  if (firstShown > last || (filter.to !== undefined && filter.to < first)) return summary; // nothing to show: no replay
  for (let week = isoWeekOf(parseWallTime(first)); week <= lastWeek; week = nextWeek(week)) {
    const [start, end] = isoWeekRange(week)!;
    const shown = formatWallTime(end - 1) >= firstShown;
    const sink = shown ? openWeek(week) : undefined;
    const before = summary.snapshots;
    for (const source of sources) {
      if (source.record.first! > formatWallTime(end - 1) || source.record.last! < formatWallTime(start)) continue;
      await sourceWeek(store, source, week, [start, end], filter, sink, summary);
    }
    if (sink) {
      closeWeek(week);
      if (summary.snapshots > before) summary.weeks++;
    }
  }
  return summary;
}

const nextWeek = (week: string): string => isoWeekOf(isoWeekRange(week)![1]);

/**
 * Where a location was listed in a week: the snapshot's time, its number among the shown ones (-1: not shown), its
 * stored counts.
 */
interface Presence {
  time: string;
  shown: number;
  appointments: number;
  cancellations: number;
}

/**
 * Replay one source's week location by location (memory holds one location's row at a time), and give the rows of
 * its snapshots in the filter's range to `sink`.
 */
async function sourceWeek(
  store: LevelStore,
  source: SourceState,
  week: string,
  [start, end]: [WallSeconds, WallSeconds],
  filter: ExportFilter,
  sink: WeekSink | undefined,
  summary: HistorySummary,
): Promise<void> {
  const { id, record } = source;
  const weekFrom = formatWallTime(start);
  const weekTo = minTime(formatWallTime(end - 1), record.last!);
  if (sink) await addFailedRuns(store, id, [weekFrom, formatWallTime(end - 1)], filter, sink, summary);
  const inRange = (time: string) =>
    (filter.from === undefined || time >= filter.from) && (filter.to === undefined || time <= filter.to);
  const presences = new Map<number, Presence[]>();
  let shownCount = 0;
  for await (const [time, snapshot] of store.snapshotRecords(id, weekFrom, weekTo)) {
    const shown = sink !== undefined && inRange(time) ? shownCount++ : -1;
    snapshot.locations.forEach((index, i) => {
      const metrics = snapshot.metrics[i]!;
      const presence = {
        time,
        shown,
        appointments: metrics[METRIC.appointments]!,
        cancellations: metrics[METRIC.cancellations]!,
      };
      presences.get(index)?.push(presence) ?? presences.set(index, [presence]);
    });
    if (shown < 0) continue;
    const free = snapshot.metrics.reduce((sum, values) => sum + values[METRIC.freeDates]!, 0);
    const row = {
      source: id,
      taken_at: parseWallTime(time),
      locations: snapshot.locations.length,
      free_slots: free,
      status: 'ok',
      error: '',
    };
    sink!.snapshot(row);
    summary.snapshots++;
  }
  // The week's slot columns as the writer saw them: the whole file's for an imported week; for a live one, those
  // seen so far (a slot is a column from the first snapshot that had it free).
  const live = (await store.db.get(key(PREFIX.week, id, week))) !== undefined;
  const firstSeen = new Map<WallSeconds, string>();
  for (const [index, seen] of presences) {
    let last: WallSeconds[] | undefined;
    for await (const [presence, slots] of statesAt(store, id, record.locations[index]!, seen, [weekFrom, weekTo])) {
      // An unchanged row is the same array: its slots were seen at an earlier time already.
      if (slots !== last)
        for (const slot of slots) if (!(firstSeen.get(slot)! <= presence.time)) firstSeen.set(slot, presence.time);
      last = slots;
    }
  }
  for (const [index, seen] of presences) {
    const locationId = record.locations[index]!;
    let replay = source.locations.get(locationId);
    if (!replay) source.locations.set(locationId, (replay = new LocationReplay()));
    const runs = sink && slotRunsOf(sink, id, locationId, record.names[locationId] ?? '', summary);
    for await (const [presence, slots] of statesAt(store, id, locationId, seen, [weekFrom, weekTo])) {
      const seconds = parseWallTime(presence.time);
      const isColumn = live
        ? (slot: WallSeconds) => firstSeen.get(slot)! <= presence.time
        : (slot: WallSeconds) => firstSeen.has(slot);
      const replayed = replay.step(seconds, week, slots, isColumn, !live);
      if (replayed.appointments !== presence.appointments || replayed.cancellations !== presence.cancellations)
        summary.mismatches++;
      if (presence.shown < 0 || !sink) continue;
      const event = eventRow(id, locationId, seconds);
      for (const e of replayed.published) sink.event(event(e, 'published'));
      for (const e of replayed.improved) sink.event(event(e, 'improved'));
      summary.events += replayed.published.length + replayed.improved.length;
      runs!.see(presence.shown, seconds, slots);
    }
    runs?.end();
    replay.pack();
  }
}

/** A location's free slots at each of its presences, its rows read as a stream. */
async function* statesAt(
  store: LevelStore,
  id: string,
  locationId: string,
  presences: Presence[],
  [from, to]: [string, string],
): AsyncGenerator<[Presence, WallSeconds[]]> {
  const rows = store.locationRows(id, locationId, from, to)[Symbol.asyncIterator]();
  let current = (await rows.next()).value as [string, WallSeconds[]];
  let next = await rows.next();
  for (const presence of presences) {
    while (!next.done && next.value[0] <= presence.time) {
      current = next.value;
      next = await rows.next();
    }
    yield [presence, current[1]];
  }
  await rows.return?.(undefined);
}

/** The source's failed scrapes of the week, as snapshot rows with status 'failed'. */
async function addFailedRuns(
  store: LevelStore,
  id: string,
  [from, to]: [string, string],
  filter: ExportFilter,
  sink: WeekSink,
  summary: HistorySummary,
) {
  for await (const failed of failedRuns(store, id, maxTime(from, filter.from), minTime(to, filter.to))) {
    sink.snapshot(failed.row);
    summary.snapshots++;
  }
}

const maxTime = (a: string, b?: string): string => (b !== undefined && b > a ? b : a);
const minTime = (a: string, b?: string): string => (b !== undefined && b < a ? b : a);

function eventRow(source: string, location: string, seen: WallSeconds) {
  const hour = floorHour(floorQuarter(seen));
  return (event: InferredEvent, rules: string): EventRow => ({
    source,
    location,
    kind: event.kind === 'appointment' ? 'booking' : 'cancellation',
    slot: event.slot,
    seen_at: seen,
    horizon_hours: (floorHour(event.slot) - hour) / SECONDS.HOUR,
    rules,
  });
}

function slotRunsOf(sink: WeekSink, source: string, location: string, name: string, summary: HistorySummary): SlotRuns {
  return new SlotRuns((run) => {
    summary.slots++;
    sink.slot({
      source,
      location,
      location_name: name,
      slot: run.slot,
      free_from: run.from,
      free_to: run.to,
      snapshots: run.snapshots,
    });
  });
}
