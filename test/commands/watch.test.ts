import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('office-watch watch / alerts', () => {
  it('watch add, two snapshot --demo rounds, alerts --json: listed, none twice; watch rm', async () => {
    const db = join(dir, 'db');
    const added = await cli('watch', 'add', '--city', 'Bonn', '--office', 'Meldewesen', '--within', '7', '--demo', '--db', db);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^added watch 1 {2}city Bonn, office Meldewesen · within 7 days\n$/);
    for (let round = 0; round < 2; round++) {
      const { code, stdout } = await cli('snapshot', '--demo', '-i', 'bonn', '-w', '2', '--db', db);
      expect(code).toBe(0);
      if (round === 0) expect(stdout).toMatch(/^ALERT {2}Stadt Bonn · Meldewesen · \w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2} · new day · http:\/\/127\.0\.0\.1:\d+\//m);
    }
    const { code, stdout } = await cli('alerts', '--json', '--db', db);
    expect(code).toBe(0);
    const alerts = JSON.parse(stdout) as { id: string; sourceId: string; locationId: string; slot: string; kind: string; url: string; takenAt: string }[];
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.sourceId === 'bonn' && a.locationId === 'meldewesen' && a.url.startsWith('http://127.0.0.1:'))).toBe(true);
    // One alert per slot appearance: a slot alerted in round 1 and still free in round 2 is not alerted again.
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    const bySlot = new Map<string, string[]>();
    for (const a of alerts) bySlot.set(a.slot, [...(bySlot.get(a.slot) ?? []), a.takenAt]);
    // With two rounds a slot alerted in the first is free there, so the second may not alert it again.
    for (const times of bySlot.values()) expect(times).toHaveLength(1);
    expect((await cli('alerts', '--since', '2999-01-01', '--json', '--db', db)).stdout.trim()).toBe('[]');
    expect((await cli('watch', 'list', '--json', '--db', db)).stdout).toContain('"office": "Meldewesen"');
    expect((await cli('watch', 'rm', '1', '--db', db)).code).toBe(0);
    expect((await cli('watch', 'list', '--json', '--db', db)).stdout.trim()).toBe('[]');
  });

  it('bad watch input: one sentence, exit ≠ 0, nothing stored', async () => {
    const db = join(dir, 'bad');
    const cases = [
      ['--city', 'Bonn', '--before', '2001-01-01'],
      ['--city', 'Atlantis', '--within', '7'],
      ['--office', 'no-such-office-anywhere', '--within', '7'],
      ['--city', 'Bonn', '--within', '7', '--hours', '25-3'],
      ['--city', 'Bonn', '--within', '7', '--weekdays', 'mon,funday'],
      ['--within', '7'],
      ['--city', 'Bonn'],
    ];
    for (const args of cases) {
      const { code, stdout, stderr } = await cli('watch', 'add', ...args, '--db', db);
      expect(code, args.join(' ')).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^office-watch: [^\n]+\.\n$/);
    }
    expect((await cli('watch', 'list', '--json', '--db', db)).stdout.trim()).toBe('[]');
    expect((await cli('watch', 'rm', '7', '--db', db)).stderr).toMatch(/^office-watch: there is no watch "7"/);
    expect((await cli('alerts', '--since', 'yesterday', '--db', db)).code).toBe(2);
    expect((await cli('snapshot', '--demo', '--webhook', 'ftp://x', '--db', db)).stderr).toMatch(/--webhook needs an http\(s\) URL/);
  });
});
