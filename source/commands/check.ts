import {
  checkStore,
  PROBLEM_KINDS,
  repairStore,
  type CheckReport,
  type Problem,
  type ProblemKind,
} from '../../store/index.js';
import { progressBar } from '../progress-bar.js';
import { sanitize } from '../sanitize.js';
import { UserError } from '../user-error.js';
import { withStore } from '../with-store.js';
import { defineCommand } from './command.js';

const LABELS: Record<ProblemKind, [string, string]> = {
  key: ['undecodable key', 'undecodable keys'],
  value: ['undecodable value', 'undecodable values'],
  chain: ['broken change chain', 'broken change chains'],
  dangling: ['dangling record', 'dangling records'],
  state: ['wrong inference state', 'wrong inference states'],
  aggregate: ['location with wrong hourly aggregates', 'locations with wrong hourly aggregates'],
  rollup: ['source with wrong day rollups', 'sources with wrong day rollups'],
  totals: ['wrong source record', 'wrong source records'],
};
const DETAIL_LINES = 50;
const number = (n: number): string => n.toLocaleString('en-US');
const count = (n: number, [one, many]: [string, string]): string => `${number(n)} ${n === 1 ? one : many}`;

/** "2 broken change chains, 1 undecodable key" */
function tally(problems: Problem[]): string {
  return PROBLEM_KINDS.map((kind) => [kind, problems.filter((p) => p.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => count(n, LABELS[kind]))
    .join(', ');
}

function verdict(report: CheckReport): string {
  const snapshots = count(report.snapshots, ['snapshot', 'snapshots']);
  const sizes = `${count(report.sources, ['source', 'sources'])}, ${snapshots}`;
  const { problems } = report;
  if (problems.length === 0) return `sound: ${sizes}, 0 problems`;
  const hint = problems.some((p) => p.fix.length > 0)
    ? 'run office-watch check --repair'
    : 'import the weeks concerned again';
  return `${count(problems.length, ['problem', 'problems'])} (${sizes}): ${tally(problems)}; ${hint}`;
}

function details(problems: Problem[]): string {
  const lines = problems
    .slice(0, DETAIL_LINES)
    .map((p) => `  ${p.kind.padEnd(9)} ${sanitize(p.message, 300)}${p.fix.length === 0 ? ' (cannot be rebuilt)' : ''}`);
  if (problems.length > DETAIL_LINES)
    lines.push(`  … and ${number(problems.length - DETAIL_LINES)} more (--json lists all)`);
  return lines.map((l) => `${l}\n`).join('');
}

const asJson = (p: Problem) => ({ kind: p.kind, key: p.key, message: p.message, repairable: p.fix.length > 0 });

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'verify the database (keys, change chains, aggregates, totals); --repair rebuilds what it can',
  help: `
  Usage
    $ office-watch check [--repair] [--json] [--db PATH]

  Prints one line: whether the database is sound, and if not, what is wrong; details follow.
  --repair rebuilds aggregates, totals and inference states from the records, drops undecodable
  keys and dangling records, in atomic batches. Lost rows cannot be rebuilt: import their weeks again.
  Exit code 0 when the database is sound (after --repair: when it is sound now), 1 when not.
`,
  flags: { repair: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  async run({ input, flags, stdout, stderr }) {
    if (input.length > 0)
      throw new UserError(`check takes no arguments ("${sanitize(input[0]!, 40)}"); --db PATH names the database.`, 2);
    const repair = flags.repair === true;
    const result = await withStore(flags.db, { readOnly: !repair }, async (store) => {
      const bar = progressBar(stderr, 'checking');
      let before: CheckReport;
      try {
        before = await checkStore(store, (fraction) => bar.update(fraction));
      } finally {
        bar.done();
      }
      return { before, repaired: repair && before.problems.length > 0 ? await repairStore(store, before) : undefined };
    });
    const { before, repaired } = result;
    const now = repaired?.after ?? before;
    if (flags.json) {
      const json = {
        sound: now.problems.length === 0,
        sources: now.sources,
        snapshots: now.snapshots,
        keys: now.keys,
        problems: now.problems.map(asJson),
        ...(repaired ? { repaired: repaired.repaired.map(asJson), found: before.problems.map(asJson) } : {}),
      };
      stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else if (repaired) {
      const done =
        repaired.repaired.length > 0
          ? `repaired ${count(repaired.repaired.length, ['problem', 'problems'])}: ${tally(repaired.repaired)}`
          : 'repaired nothing';
      const outcome = now.problems.length === 0 ? 'sound after repair' : 'still unsound after repair';
      stdout.write(`${outcome}: ${done}\n${verdict(now)}\n${details(now.problems)}`);
    } else {
      stdout.write(`${verdict(before)}\n${details(before.problems)}`);
    }
    return now.problems.length === 0 ? 0 : 1;
  },
});
