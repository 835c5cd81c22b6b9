import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { socketPath } from '../../store/db-socket.js';
import { openStore } from '../../store/index.js';
import { hasSharedData, repoRoot, sharedData } from '../helpers/shared-data.js';
import { PtySession } from '../tui/pty-session.js';

// Real processes of the built binary (`npm run build` first) beside a process that owns the database.
const BIN = join(repoRoot, 'bin/office-watch.js');
const dir = mkdtempSync(join(tmpdir(), 'office-watch-concurrent-'));
const db = join(dir, 'db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Result = { code: number; stdout: string; stderr: string };

function cli(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args, '--db', db],
      { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** A process that opens the store (as the app or an import does), says "ready" and holds it until stdin ends. */
async function owner(): Promise<ChildProcess> {
  const script = `import { openStore } from ${JSON.stringify(join(repoRoot, 'dist/store/index.js'))};
    const store = await openStore(${JSON.stringify(db)});
    process.stdin.on('end', async () => { await store.close(); process.exit(0); }).resume();
    console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the owner ended (${code})`)));
  });
  return child;
}

const ended = (child: ChildProcess): Promise<unknown> =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve),
  );

function expectOneSentence(result: Result, mention: string): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^office-watch: [^\n]+\.\n$/);
  expect(result.stderr).not.toMatch(/Error|LOCK|\bat .*:\d+:\d+/);
  expect(result.stderr).toContain(mention);
}

describe.runIf(hasSharedData('raw/2026-29.tar.gz'))('reading while another process has the database open', () => {
  const alone: Record<string, Result> = {};
  const reads = [
    ['export', '--csv'],
    ['stats', '--json'],
    ['insights', '--json'],
  ];

  beforeAll(async () => {
    const imported = await cli('import', sharedData('raw/2026-29.tar.gz')!);
    expect(imported.code, imported.stderr).toBe(0);
    for (const args of reads) alone[args[0]!] = await cli(...args);
  }, 60_000);

  it('export, stats and insights print what they print alone; import says busy', async () => {
    const held = await owner();
    try {
      const [exported, stats, insights, imported] = await Promise.all([
        ...reads.map((args) => cli(...args)),
        cli('import', sharedData('raw/2026-29.tar.gz')!),
      ]);
      for (const [result, args] of [exported, stats, insights].map((r, i) => [r!, reads[i]!] as const)) {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout, args.join(' ')).toBe(alone[args[0]!]!.stdout);
        expect(result.stdout.length).toBeGreaterThan(100);
      }
      expectOneSentence(imported!, 'busy');
    } finally {
      held.stdin!.end();
      await ended(held);
    }
  }, 60_000);

  it('the live app owns it: export and stats read through it, import is busy', async () => {
    const app = new PtySession([BIN, '--no-scrape', '--db', db], {
      cwd: dir,
      env: { NO_COLOR: '1' },
      cols: 100,
      rows: 30,
    });
    try {
      await app.waitFor((screen) => screen.includes('q quit'), 30_000, 'the app');
      const [exported, stats, imported] = await Promise.all([
        cli('export', '--csv'),
        cli('stats', '--json'),
        cli('import', sharedData('raw/2026-29.tar.gz')!),
      ]);
      expect(exported).toEqual(alone.export);
      expect(stats).toEqual(alone.stats);
      expectOneSentence(imported, 'busy');
      app.write('q');
      expect((await app.exited).exitCode).toBe(0);
    } finally {
      app.kill();
    }
  }, 60_000);

  // Linux shows a socket's connections in /proc/net/unix under the listening path: a reader is connected when there are
  // two.
  it.runIf(existsSync('/proc/net/unix'))(
    'a reader whose owner dies mid-read says so in one sentence; the next owner serves again',
    async () => {
      const held = await owner();
      const where = socketPath(db)!;
      held.kill('SIGSTOP');
      const reading = cli('stats', '--json');
      const connections = () =>
        readFileSync('/proc/net/unix', 'utf8')
          .split('\n')
          .filter((line) => line.endsWith(` ${where}`)).length;
      await vi.waitFor(
        () => {
          if (connections() < 2) throw new Error('stats did not connect to the stopped owner in 20 s');
        },
        { timeout: 20_000, interval: 50 },
      );
      held.kill('SIGKILL');
      await ended(held);
      expectOneSentence(await reading, 'the process that had the database open ended; try again.');
      expect(existsSync(where)).toBe(true); // left behind by the killed owner
      const next = await owner();
      try {
        expect(await cli('stats', '--json')).toEqual(alone.stats);
      } finally {
        next.stdin!.end();
        await ended(next);
      }
      expect(existsSync(where)).toBe(false);
    },
    60_000,
  );

  it('an owner that exits without closing the store leaves no socket file', async () => {
    const script = `import { existsSync } from 'node:fs';
      import { openStore } from ${JSON.stringify(join(repoRoot, 'dist/store/index.js'))};
      await openStore(${JSON.stringify(db)});
      process.exit(existsSync(${JSON.stringify(socketPath(db)!)}) ? 0 : 3);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0); // it was there while open
    expect(existsSync(socketPath(db)!)).toBe(false);
  }, 60_000);

  it('a lock held by a process that serves nothing still reads as busy', async () => {
    const store = await openStore(db); // this process, whose host would answer: so hide its socket
    rmSync(socketPath(db)!, { force: true });
    try {
      expectOneSentence(await cli('stats', '--json'), 'busy');
    } finally {
      await store.close();
    }
  }, 60_000);
});
