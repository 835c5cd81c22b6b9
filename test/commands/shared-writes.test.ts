import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { repoRoot } from '../helpers/shared-data.js';

// Real processes of the built binary beside one that owns the database (as the live app does).
const dir = mkdtempSync(join(tmpdir(), 'office-watch-shared-writes-'));
const db = join(dir, 'db');
const env = { XDG_CONFIG_HOME: join(dir, 'config') };
let owner: ChildProcess;
let ownerOut = '';

/** Holds the store open; on each line of stdin prints the watches it sees, as JSON; ends with stdin. */
beforeAll(async () => {
  const script = `import { openStore } from ${JSON.stringify(join(repoRoot, 'dist/store/index.js'))};
    import { listWatches } from ${JSON.stringify(join(repoRoot, 'dist/store/watches.js'))};
    const store = await openStore(${JSON.stringify(db)});
    process.stdin.on('data', async () => console.log(JSON.stringify((await listWatches(store)).map((w) => w.id))));
    process.stdin.on('end', async () => { await store.close(); process.exit(0); });
    console.log('ready');`;
  owner = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  owner.stdout!.on('data', (chunk: Buffer) => (ownerOut += chunk.toString()));
  await answered('ready', 'the owner did not start');
});

/** Resolves once the owner has printed `text`, 20 s at most; then fails with `failure`. */
const answered = (text: string, failure: string) =>
  vi.waitFor(
    () => {
      if (!ownerOut.includes(text)) throw new Error(`${failure} in 20 s`);
    },
    { timeout: 20_000, interval: 20 },
  );

afterAll(async () => {
  owner?.stdin?.end();
  await new Promise((resolve) => (owner.exitCode !== null ? resolve(undefined) : owner.once('exit', resolve)));
  rmSync(dir, { recursive: true, force: true });
});

const ownerSees = async (): Promise<string[]> => {
  ownerOut = '';
  owner.stdin!.write('\n');
  await answered('\n', 'the owner did not print the watches it sees');
  return JSON.parse(ownerOut) as string[];
};

describe('while another process owns the database', () => {
  it('watch add and watch rm go through the owner, which sees them at once; other writes stay busy', async () => {
    const added = await runBin(['watch', 'add', '--office', '*', '--within', '7', '--db', db], 30_000, { env });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.toString()).toMatch(/^added watch 1 /);
    const second = await runBin(['watch', 'add', '--office', '*', '--within', '3', '--db', db], 30_000, { env });
    expect(second.code, second.stderr).toBe(0);
    expect(await ownerSees()).toEqual(['1', '2']);
    const listed = await runBin(['watch', 'list', '--json', '--db', db], 30_000, { env });
    expect((JSON.parse(listed.stdout.toString()) as { id: string }[]).map((w) => w.id)).toEqual(['1', '2']);
    const removed = await runBin(['watch', 'rm', '1', '--db', db], 30_000, { env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(await ownerSees()).toEqual(['2']);
    // A scrape's writes are the owner's own: a second writer is still told the database is busy.
    const sites = join(dir, 'sites.json');
    writeFileSync(
      sites,
      JSON.stringify([{ id: 'closed', system: 'tevis', name: 'Stadt Closed', url: 'http://127.0.0.1:9/tevis' }]),
    );
    const snapshot = await runBin(['snapshot', '--sites', sites, '--db', db], 30_000, { env });
    expect(snapshot.code).toBe(1);
    expect(snapshot.stderr).toMatch(/^office-watch: .*busy.*\.\n$/);
  }, 120_000);
});
