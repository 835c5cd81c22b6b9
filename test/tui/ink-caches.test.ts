import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyInkPatch, INK_PATCHES } from '../../source/build/ink-patches.js';
import { BoundedCache, INK_CACHE_LIMIT, sharedOutputCaches, type OutputCaches } from '../../source/tui/ink-caches.js';
import { repoRoot } from '../helpers/shared-data.js';

const emptyCaches = (): OutputCaches => ({ widths: new Map(), blockWidths: new Map(), styledChars: new Map() });
const inkBuild = dirname(createRequire(join(repoRoot, 'package.json')).resolve('ink'));

describe("Ink's caches, as the bundle patches them in", () => {
  test('every frame gets the same output caches until they hold more than the limit, then fresh ones', () => {
    const first = sharedOutputCaches(emptyCaches);
    expect(sharedOutputCaches(emptyCaches)).toBe(first);
    for (let i = 0; i <= INK_CACHE_LIMIT; i++) first.styledChars.set(`line ${i}`, []);
    const next = sharedOutputCaches(emptyCaches);
    expect(next).not.toBe(first);
    expect(next.styledChars.size).toBe(0);
  });

  test('a bounded cache starts afresh when full; a known key is updated in place', () => {
    const cache = new BoundedCache<string, number>(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1);
    cache.set('b', 2);
    expect([...cache]).toEqual([['a', 1], ['b', 2], ['c', 1]]);
    cache.set('d', 1);
    expect([...cache.keys()]).toEqual(['d']);
  });

  test.each(INK_PATCHES)("the installed Ink's $module has what the patch replaces", (patch) => {
    const patched = applyInkPatch(readFileSync(join(inkBuild, patch.module), 'utf8'), patch);
    expect(patched.startsWith(`${patch.imports}\n`)).toBe(true);
    expect(patched).toContain(patch.to);
    expect(patched).not.toContain(patch.from);
  });

  test('a module without it fails the build with a sentence naming the patch', () => {
    expect(() => applyInkPatch('export default class Output {}', INK_PATCHES[0]!)).toThrow(/^ink\/build\/output\.js no longer has .*ink-patches\.ts/);
  });

  test('the built bundle carries every patch', () => {
    const bundle = join(repoRoot, 'dist/bundle');
    const code = readdirSync(bundle).map((file) => readFileSync(join(bundle, file), 'utf8')).join('\n');
    // esbuild renames some of Ink's identifiers (measureText): the calls are matched, not the names.
    expect(code).toContain('caches = sharedOutputCaches(() => new OutputCaches());');
    expect(code).toMatch(/const currentWidth = \w+\(text\)\.width;/);
    expect(code).toMatch(/var cache\d* = new BoundedCache\(\);/);
    expect(code).not.toContain('currentWidth = widestLine(text)');
  });
});
