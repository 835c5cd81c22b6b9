import { RollupSums } from './build-rollups.js';
import { rollupProblem } from './check-rollups.js';
import { replayChain, type ChainReplay, type Presence } from './check-chain.js';
import { printable, type Problem, type RepairOp } from './check-problem.js';
import { valueProblem } from './check-values.js';
import { key, lastPart, range, PREFIX } from './keys.js';
import {
  decodeLocation,
  decodeSnapshot,
  emptySourceRecord,
  encodeAggregate,
  encodeLocation,
  sameSlots,
  type LocationRecord,
  type SourceRecord,
} from './records.js';
import { METRIC } from './row-metrics.js';
import type { Db } from './source-writer.js';

/**
 * Check one source: its snapshot records against its dictionary, every location's chain, state and aggregates, its
 * totals.
 */
export async function checkSource(
  db: Db,
  sourceId: string,
  seen: ReadonlySet<string>,
): Promise<{ snapshots: number; problems: Problem[] }> {
  const problems: Problem[] = [];
  const sourceKey = key(PREFIX.source, sourceId);
  const stored = await db.get(sourceKey);
  const valid = stored !== undefined && valueProblem('c', stored) === undefined;
  const meta: SourceRecord = valid
    ? (JSON.parse(Buffer.from(stored).toString('utf8')) as SourceRecord)
    : { ...emptySourceRecord(), locations: await rebuildDictionary(db, sourceId, seen) };
  const totals = { ...emptySourceRecord(), locations: meta.locations, names: meta.names } as SourceRecord;
  // Records past the source record's last snapshot are a write landing while we read (the live app): not ours to judge.
  const upTo = valid ? (meta.last ?? '') : undefined;
  const presences = meta.locations.map((): Presence[] => []);
  const rollups = new RollupSums();
  for await (const [k, v] of db.iterator(range([PREFIX.snapshot, sourceId], undefined, upTo))) {
    if (valueProblem('m', v) !== undefined) continue; // reported with the values
    const takenAt = lastPart(k);
    const record = decodeSnapshot(v);
    rollups.addSnapshot(takenAt, record.locations, record.metrics);
    totals.snapshots++;
    totals.first ??= takenAt;
    totals.last = takenAt;
    record.locations.forEach((index, i) => {
      totals.appointments += record.metrics[i]![METRIC.appointments]!;
      totals.cancellations += record.metrics[i]![METRIC.cancellations]!;
      if (index < presences.length)
        presences[index]!.push({ takenAt, changed: record.metrics[i]![METRIC.changed] === 1 });
      else
        problems.push({
          kind: 'chain',
          key: printable(k),
          message: `the snapshot lists location #${index}, which the source's dictionary lacks`,
          fix: [],
        });
    });
  }
  for (const [index, locationId] of meta.locations.entries()) {
    const {
      rows,
      problems: found,
      aggregates,
    } = await checkLocation(db, sourceId, locationId, presences[index]!, upTo);
    for (const [hour, values] of aggregates) rollups.addHourly(hour, values);
    totals.changedRows += rows;
    problems.push(...found);
  }
  for (const locationId of seen)
    if (!meta.locations.includes(locationId)) problems.push(await dangling(db, sourceId, locationId));
  const rollup = await rollupProblem(db, sourceId, rollups, upTo);
  if (rollup) problems.push(rollup);
  const fields = ['snapshots', 'changedRows', 'appointments', 'cancellations', 'first', 'last'] as const;
  const wrong = fields.filter((f) => meta[f] !== totals[f]);
  if (!valid || wrong.length > 0) {
    const message = valid
      ? `the totals of ${sourceId} disagree with its records (${wrong.join(', ')})`
      : `the source record of ${sourceId} is missing or does not decode (rebuilt from the records, office names lost)`;
    problems.push({
      kind: 'totals',
      key: printable(sourceKey),
      message,
      fix: [{ type: 'put', key: sourceKey, value: Buffer.from(JSON.stringify(totals)) }],
    });
  }
  return { snapshots: totals.snapshots, problems };
}

async function checkLocation(
  db: Db,
  sourceId: string,
  locationId: string,
  presences: Presence[],
  upTo: string | undefined,
): Promise<{ rows: number; problems: Problem[]; aggregates: Map<string, Int32Array> }> {
  const replay = await replayChain(db.iterator(range([PREFIX.row, sourceId, locationId], undefined, upTo)), presences);
  const where = `${sourceId}/${locationId}`;
  const aggregates = replay.aggregates;
  if (replay.problem)
    return {
      rows: replay.rows,
      aggregates,
      problems: [
        {
          kind: 'chain',
          key: printable(key(PREFIX.row, sourceId, locationId)),
          message: `${where}: ${replay.problem}`,
          fix: [],
        },
      ],
    };
  const problems: Problem[] = [];
  const stateKey = key(PREFIX.locationState, sourceId, locationId);
  const stored = await db.get(stateKey);
  const state = stored !== undefined && valueProblem('s', stored) === undefined ? decodeLocation(stored) : undefined;
  if (replay.state && !agrees(state, replay.state)) {
    const fixed: LocationRecord = {
      free: state?.free ?? replay.state.lastRow,
      taken: state?.taken ?? new Set(),
      ...replay.state,
    };
    problems.push({
      kind: 'state',
      key: printable(stateKey),
      message: `${where}: its inference state ${state ? 'disagrees with its last row' : 'is missing'}`,
      fix: [{ type: 'put', key: stateKey, value: encodeLocation(fixed) }],
    });
  } else if (!replay.state && stored !== undefined) {
    problems.push({
      kind: 'dangling',
      key: printable(stateKey),
      message: `${where}: an inference state, but no rows`,
      fix: [{ type: 'del', key: stateKey }],
    });
  }
  const fix = await aggregateFix(db, sourceId, locationId, replay);
  if (fix.length > 0)
    problems.push({
      kind: 'aggregate',
      key: printable(key(PREFIX.hourly, sourceId, locationId)),
      message: `${where}: ${fix.length} hourly aggregate(s) disagree with its rows (first at ${lastPart(fix[0]!.key)})`,
      fix,
    });
  return { rows: replay.rows, problems, aggregates };
}

function agrees(state: LocationRecord | undefined, derived: NonNullable<ChainReplay['state']>): boolean {
  if (!state) return false;
  return (
    state.lastRow !== undefined &&
    sameSlots(state.lastRow, derived.lastRow) &&
    state.lastRowWeek === derived.lastRowWeek &&
    state.sinceFrame === derived.sinceFrame &&
    state.lastQuarter === derived.lastQuarter &&
    state.improvedQuarter === derived.improvedQuarter &&
    sameSlots(state.improvedBooked, derived.improvedBooked)
  );
}

/** The writes that make a location's stored hourly aggregates equal the replayed ones. */
async function aggregateFix(db: Db, sourceId: string, locationId: string, replay: ChainReplay): Promise<RepairOp[]> {
  const ops: RepairOp[] = [];
  const expected = new Map(
    [...replay.aggregates].map(([hour, values]) => [hour, Buffer.from(encodeAggregate(values))]),
  );
  for await (const [k, v] of db.iterator(range([PREFIX.hourly, sourceId, locationId]))) {
    const want = expected.get(lastPart(k));
    expected.delete(lastPart(k));
    if (!want) ops.push({ type: 'del', key: k });
    else if (!want.equals(Buffer.from(v))) ops.push({ type: 'put', key: k, value: want });
  }
  for (const [hour, value] of expected)
    ops.push({ type: 'put', key: key(PREFIX.hourly, sourceId, locationId, hour), value });
  return ops.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Rows, state or aggregates of a location the source's dictionary lacks: dropped by a repair. */
async function dangling(db: Db, sourceId: string, locationId: string): Promise<Problem> {
  const fix: RepairOp[] = [];
  const state = key(PREFIX.locationState, sourceId, locationId);
  if ((await db.get(state)) !== undefined) fix.push({ type: 'del', key: state });
  for (const family of [PREFIX.row, PREFIX.hourly])
    for await (const k of db.keys(range([family, sourceId, locationId]))) fix.push({ type: 'del', key: k });
  return {
    kind: 'dangling',
    key: printable(key(PREFIX.row, sourceId, locationId)),
    message: `${sourceId}/${locationId}: ${fix.length} record(s) of a location its source does not know`,
    fix,
  };
}

/**
 * The dictionary as the writer built it: locations in order of their first row, ties by id (a snapshot adds them
 * sorted).
 */
async function rebuildDictionary(db: Db, sourceId: string, seen: ReadonlySet<string>): Promise<string[]> {
  const first: [string, string][] = [];
  for (const locationId of seen) {
    for await (const k of db.keys({ ...range([PREFIX.row, sourceId, locationId]), limit: 1 }))
      first.push([lastPart(k), locationId]);
  }
  return first.sort(([ta, a], [tb, b]) => (ta !== tb ? (ta < tb ? -1 : 1) : a < b ? -1 : 1)).map(([, id]) => id);
}
