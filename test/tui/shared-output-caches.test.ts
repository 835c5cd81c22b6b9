import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { shareOutputCaches } from '../../source/build/ink-output-caches.js';
import { OUTPUT_CACHE_LIMIT, sharedOutputCaches, type OutputCaches } from '../../source/tui/shared-output-caches.js';
import { repoRoot } from '../helpers/shared-data.js';

const emptyCaches = (): OutputCaches => ({ widths: new Map(), blockWidths: new Map(), styledChars: new Map() });

describe("Ink's output caches, kept across frames", () => {
  test('every frame gets the same caches until they hold more than the limit, then fresh ones', () => {
    const first = sharedOutputCaches(emptyCaches);
    expect(sharedOutputCaches(emptyCaches)).toBe(first);
    for (let i = 0; i <= OUTPUT_CACHE_LIMIT; i++) first.styledChars.set(`line ${i}`, []);
    const next = sharedOutputCaches(emptyCaches);
    expect(next).not.toBe(first);
    expect(next.styledChars.size).toBe(0);
  });

  test("the bundle's transform finds the per-frame caches in the installed Ink, and refuses a source without them", () => {
    const inkMain = createRequire(join(repoRoot, 'package.json')).resolve('ink');
    const source = readFileSync(join(inkMain, '..', 'output.js'), 'utf8');
    const shared = shareOutputCaches(source);
    expect(shared).toContain('caches = sharedOutputCaches(() => new OutputCaches());');
    expect(shared).not.toContain('caches = new OutputCaches();');
    expect(shared.split('\n')[0]).toMatch(/^import \{ sharedOutputCaches \} from ".*shared-output-caches\.js";$/);
    expect(() => shareOutputCaches('export default class Output {}')).toThrow(/no longer has/);
  });

  test('the built bundle has the shared caches in place of the per-frame ones', () => {
    const bundle = join(repoRoot, 'dist/bundle');
    const code = readdirSync(bundle).map((file) => readFileSync(join(bundle, file), 'utf8')).join('\n');
    expect(code).toContain('caches = sharedOutputCaches(() => new OutputCaches());');
    expect(code).not.toContain('caches = new OutputCaches();');
  });
});
