import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('office-watch list', () => {
  it('prints every source as a table row', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+SYSTEM\s+CITY\s+NAME\s+LOCATIONS\s+SUPPORTED$/);
    expect(lines).toHaveLength(223);
    expect(lines.find((line) => line.startsWith('bonn '))).toMatch(/^bonn\s+netappoint\s+Bonn\s+Stadt Bonn\s+3\s+yes$/);
    expect(lines.find((line) => line.startsWith('leipzig '))).toMatch(/\s+custom\s+.*\s+no$/);
  });

  it('filters by pattern (id or city) and system', async () => {
    const bonn = await cli('list', 'bonn');
    expect(
      bonn.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['bonn', 'bonnbau', 'bonnjob']);
    const { stdout } = await cli('list', 'bo*', '--system', 'netappoint');
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['bochumbau', 'bochumkfz', 'bochumzl', 'bochumzl2', 'bonn', 'bonnbau']);
  });

  it('--json prints the site records', async () => {
    const { code, stdout } = await cli('list', '--json', '--system', 'netappoint');
    expect(code).toBe(0);
    const sites = JSON.parse(stdout);
    expect(sites).toHaveLength(22);
    expect(sites.find((site: { id: string }) => site.id === 'bonn')).toMatchObject({
      system: 'netappoint',
      city: 'Bonn',
      params: { company: 'stadtbonn' },
      insecureTls: true,
    });
  });

  it('reads --sites FILE and sanitizes what it prints', async () => {
    const path = join(dir, 'mine.json');
    writeFileSync(
      path,
      JSON.stringify([
        { id: 'evil', system: 'tevis', name: 'Stadt \u001b]0;pwned\u0007Evil\u001b[31m', url: 'https://example.org' },
      ]),
    );
    const { code, stdout } = await cli('list', '--sites', path);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain('evil');
  });

  it.each([
    [['list', 'atlantis'], 1, /no source matches "atlantis"/],
    [['list', '--system', 'nope'], 2, /--system must be one of/],
    [['list', '--sites', '/nonexistent/sites.json'], 1, /sites file \/nonexistent\/sites\.json does not exist/],
    [['list', '--colour'], 2, /unknown flag --colour/],
  ])('%j → exit %i with one sentence', async (args, exit, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(exit);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
