import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { runBin } from '../helpers/run-bin.js';

// --db names a file: a command that opened the database would say so instead of what is tested.
const dir = mkdtempSync(join(tmpdir(), 'office-watch-usage-'));
const notADb = join(dir, 'not-a-db');
writeFileSync(notADb, 'a file, not a database folder\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const result = await runBin(args, 20_000);
  expect(result.timedOut, args.join(' ')).toBe(false);
  return { code: result.code, stdout: result.stdout.toString(), stderr: result.stderr };
}

describe('mistyped commands, flags and subcommands', () => {
  const refused = (sentence: string) => ({ code: 2, stdout: '', stderr: `office-watch: ${sentence}\n` });

  it('an unknown command names the nearest one, exit 2', async () => {
    expect(await run('exprot', '--csv')).toEqual(refused('unknown command exprot; did you mean export?'));
    expect(await run('snapshots')).toEqual(refused('unknown command snapshots; did you mean snapshot?'));
    expect(await run('frobnicate')).toEqual(refused('unknown command frobnicate; see office-watch --help.'));
  });

  it('an unknown flag names the nearest flag of that command, exit 2, before the database', async () => {
    const cases: [string[], string][] = [
      [['snapshot', '--paralel', '3'], 'unknown flag --paralel; did you mean --parallel?'],
      [['export', '--sorce', 'bonn'], 'unknown flag --sorce; did you mean --source?'],
      [['watch', 'list', '--jsn'], 'unknown flag --jsn; did you mean --json?'],
      [['--dmeo'], 'unknown flag --dmeo; did you mean --demo?'],
      [['stats', '--bogus'], 'unknown flag --bogus; see office-watch --help.'],
      [['metrics', '--week', '2021-28', '--outt', 'x'], 'unknown flag --outt; did you mean --out?'],
      [['simulate', '--sites-ot', 'x'], 'unknown flag --sites-ot; did you mean --sites-out?'],
    ];
    for (const [args, sentence] of cases) {
      expect(await run(...args, '--db', notADb), args.join(' ')).toEqual(refused(sentence));
    }
  });

  it('watch without a subcommand: its usage, exit 2, no database opened', async () => {
    const { code, stdout, stderr } = await run('watch', '--db', notADb);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [sentence, ...usage] = stderr.trimEnd().split('\n');
    expect(sentence).toBe('office-watch: watch needs a subcommand: add, list or rm.');
    const starts = usage.map((line) => line.trim().split(' ').slice(0, 4).join(' '));
    expect(starts).toEqual(['$ office-watch watch add', '$ office-watch watch list', '$ office-watch watch rm']);
  });

  it('an unknown watch subcommand names the nearest one, exit 2', async () => {
    expect(await run('watch', 'ad', '--db', notADb)).toEqual(refused('unknown watch subcommand ad; did you mean add?'));
    const zap = refused('unknown watch subcommand zap; it takes add, list or rm.');
    expect(await run('watch', 'zap', '--db', notADb)).toEqual(zap);
  });

  it('every command: --help among others is the help; neither it nor a bad flag opens the database', async () => {
    for (const name of ['', ...commands.map((c) => c.name)]) {
      const command = name === '' ? [] : [name];
      const [alone, amongOthers, bad] = await Promise.all([
        run(...command, '--help'),
        run(...command, '--help', '--db', notADb),
        run(...command, '--bogus-flag', '--db', notADb),
      ]);
      expect(alone.code, name).toBe(0);
      expect(alone.stdout, name).toMatch(/Usage/);
      expect(amongOthers, name).toEqual(alone);
      expect(bad, name).toEqual(refused('unknown flag --bogus-flag; see office-watch --help.'));
    }
  }, 180_000);

  it('metrics: a malformed --week is said before the database is read or a folder made', async () => {
    const out = join(dir, 'metrics-out');
    const result = await run('metrics', '--week', 'yesterday', '--out', out, '--db', notADb);
    expect(result).toEqual(refused('"yesterday" is not an ISO week like 2021-28.'));
    expect(existsSync(out)).toBe(false);
  });
});
