import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyPatch, DEPENDENCY_PATCHES } from '../../source/build/dependency-patches.js';
import { repoRoot } from '../helpers/shared-data.js';

describe("the bundle's patches of its dependencies", () => {
  test.each(DEPENDENCY_PATCHES)('the installed $file has what the patch replaces', (patch) => {
    const patched = applyPatch(readFileSync(join(repoRoot, 'node_modules', patch.file), 'utf8'), patch);
    expect(patched).toContain(patch.to);
    expect(patched).not.toContain(patch.from);
    if (patch.imports) expect(patched.startsWith(`${patch.imports}\n`)).toBe(true);
  });

  test('a file without it fails the build with a sentence naming the patch', () => {
    expect(() => applyPatch('export default class Output {}', DEPENDENCY_PATCHES[0]!)).toThrow(/^node_modules\/ink\/build\/output\.js no longer has .*dependency-patches\.ts/);
  });

  test('the built bundle carries every patch', () => {
    const bundle = join(repoRoot, 'dist/bundle');
    const code = readdirSync(bundle).map((file) => readFileSync(join(bundle, file), 'utf8')).join('\n');
    // esbuild renames some identifiers (measureText) and turns const into var: the calls are matched, not the names.
    expect(code).toContain('caches = sharedOutputCaches(() => new OutputCaches());');
    expect(code).toMatch(/const currentWidth = \w+\(text\)\.width;/);
    expect(code).toMatch(/var cache\d* = new LruCache\(TEXT_SIZES_KEPT\);/);
    expect(code).toMatch(/var normalizePackageData = \(\.\.\.args\) => getDefaultExportFromCjs\(requireNormalize\(\)\)\(\.\.\.args\);/);
    expect(code).not.toContain('currentWidth = widestLine(text)');
    expect(code).not.toContain('= requireNormalize();');
  });
});
