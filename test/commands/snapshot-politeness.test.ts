import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared-data.js';

const work = mkdtempSync(join(tmpdir(), 'office-watch-polite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync('node', [join(repoRoot, 'bin/office-watch.js'), ...args], { encoding: 'utf8', timeout: 60_000 });

describe('snapshot politeness', () => {
  it('does not scrape a site again within its minimum interval, even from another process', () => {
    const sites = join(work, 'sites.json');
    // Port 9 on loopback refuses connections: a quick, failing but real attempt.
    writeFileSync(
      sites,
      JSON.stringify([
        { id: 'closed', system: 'tevis', name: 'Stadt Closed', city: 'Closed', url: 'http://127.0.0.1:9/tevis' },
      ]),
    );
    const db = join(work, 'db');
    const first = run('snapshot', '--sites', sites, '--db', db, '--json');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual([expect.objectContaining({ sourceId: 'closed', ok: false })]);
    const second = run('snapshot', '--sites', sites, '--db', db, '--json');
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/skipped closed: scraped recently; it may be scraped again in 1[45] min/);
    expect(second.stdout).toBe('');
  });
});
