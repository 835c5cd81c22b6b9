import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'office-watch-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('yields a tarball that installs into an empty prefix and runs office-watch --help', () => {
    execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: repoRoot, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^office-watch-.*\.tgz$/);
    const prefix = join(work, 'prefix');
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--omit=dev',
        join(work, tarball!),
      ],
      { stdio: 'pipe' },
    );
    const bin = join(prefix, 'node_modules', '.bin', 'office-watch');
    const help = execFileSync(bin, ['--help'], { encoding: 'utf8' });
    expect(help).toContain('Watch the appointment calendars');
    expect(help).toMatch(/import\s+load published weekly/);
    const list = JSON.parse(execFileSync(bin, ['list', '--json'], { encoding: 'utf8' })) as unknown[];
    expect(list).toHaveLength(222);
    // The store: the bundle requires LevelDB's native binding from the installed classic-level.
    const db = join(work, 'db');
    execFileSync(bin, ['watch', 'add', '--city', 'Bonn', '--within', '7', '--db', db], { encoding: 'utf8' });
    const watches = JSON.parse(execFileSync(bin, ['watch', 'list', '--json', '--db', db], { encoding: 'utf8' })) as {
      city: string;
    }[];
    expect(watches.map((watch) => watch.city)).toEqual(['Bonn']);
  }, 180_000);
});
