import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-bin.js';
import { startHostileSetups, type HostileSetup } from '../helpers/hostile-setups.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-hostile-'));
const db = join(dir, 'db');
let setups: HostileSetup[] = [];

/**
 * What must never reach a terminal from a site: ESC and other C0 controls (tab and newline aside), DEL, C1, bidi
 * controls.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
/** A good part of the 10,000-character name: printing it whole would be a name not capped. */
const LONG = 'Sehr langer Name '.repeat(30);

/** The binary's exit code, and stdout and stderr together. */
async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const { code, stdout, stderr } = await cli(...args);
  return { code, out: stdout + stderr };
}

function expectSafe(out: string): void {
  const unsafe = UNSAFE.exec(out);
  expect(
    unsafe
      ? `U+${unsafe[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${unsafe.index}: ` +
          JSON.stringify(out.slice(Math.max(0, unsafe.index - 40), unsafe.index + 40))
      : 'safe',
  ).toBe('safe');
  expect(out.includes(LONG)).toBe(false);
}

const HOSTILE_TEXT = '\u001b[31mBöse\u001b]52;c;ZWNobyBvd25lZA==\u0007\u009b2J\u202eStadt\u2066';

beforeAll(async () => {
  setups = await startHostileSetups({ timeoutMs: 2000, retries: 0, maxBytes: 1024 * 1024 }, new Date());
  for (const setup of setups) setup.office.fault = setup.label === 'tevis-classic' ? 'error-200' : 'hostile-names';
  // The site records are the user's, but their names may be copied from the sites: hostile too.
  const sites = setups.map((s) => ({
    ...s.site,
    name: `${s.site.name} ${HOSTILE_TEXT}`,
    city: `Stadt${HOSTILE_TEXT}${'x'.repeat(3000)}`,
    locations: s.office.locations,
  }));
  writeFileSync(join(dir, 'sites.json'), JSON.stringify(sites));
  expect(
    (
      await run(
        'watch',
        'add',
        '--office',
        'hostile-*',
        '--within',
        '30',
        '--sites',
        join(dir, 'sites.json'),
        '--db',
        db,
      )
    ).code,
  ).toBe(0);
}, 60_000);
afterAll(async () => {
  await Promise.all(setups.map((s) => s.running.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('what sites send never reaches the terminal unsanitized', () => {
  it('snapshot (table): the scrapes succeed, the error page is an error-page failure, output is clean', async () => {
    const { code, out } = await run('snapshot', '--sites', join(dir, 'sites.json'), '--db', db);
    expect(code).toBe(0);
    expectSafe(out);
    expect(out).toMatch(/^FAIL {2}hostile-tevis-classic +error-page: /m);
    expect(out).toContain(`${setups.length} sources: ${setups.length - 1} ok, 1 failed`);
    expect(out).toMatch(/^ALERT /m);
  });

  it('snapshot --json: clean, and the failure kind is error-page', async () => {
    const { code, out } = await run(
      'snapshot',
      '--sites',
      join(dir, 'sites.json'),
      '--json',
      '--db',
      join(dir, 'db-json'),
    );
    expect(code).toBe(0);
    expectSafe(out);
    const failed = (JSON.parse(out) as { sourceId: string; ok: boolean; error?: { kind: string } }[]).filter(
      (s) => !s.ok,
    );
    expect(failed.map((s) => [s.sourceId, s.error?.kind])).toEqual([['hostile-tevis-classic', 'error-page']]);
  });

  for (const args of [
    ['list'],
    ['list', '--json'],
    ['alerts'],
    ['alerts', '--json'],
    ['insights'],
    ['insights', '--json'],
    ['insights', '--csv'],
    ['stats'],
    ['stats', '--json'],
    ['watch', 'list'],
  ]) {
    it(`${args.join(' ')}: clean`, async () => {
      const { code, out } = await run(
        ...args,
        ...(args[0] === 'list' ? ['--sites', join(dir, 'sites.json')] : ['--db', db]),
      );
      expect({ code, out: out.slice(0, 200) }).toEqual({ code: 0, out: expect.any(String) });
      expect(out.length).toBeGreaterThan(0);
      expectSafe(out);
    });
  }
});
