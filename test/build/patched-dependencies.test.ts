// The dependencies as patched at install time (patches/*.patch, applied by patch-package in postinstall): the tests
// and the bundle run the same patched code. Each patch's reason is in it; the upstream texts are in docs/upstream/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared-data.js';

const patches = readdirSync(join(repoRoot, 'patches')).filter((name) => name.endsWith('.patch'));

/** The lines a patch adds, per file under node_modules. */
function addedLines(patch: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of readFileSync(join(repoRoot, 'patches', patch), 'utf8').split('\n')) {
    const file = /^\+\+\+ b\/(node_modules\/.+)$/.exec(line)?.[1];
    if (file) files.set(file, (current = []));
    else if (line.startsWith('+') && line.slice(1).trim() !== '') current.push(line.slice(1));
  }
  return files;
}

const load = async (file: string) => import(pathToFileURL(join(repoRoot, 'node_modules', file)).href);

describe('dependencies patched at install', () => {
  test.each(patches)('%s is applied to the installed version', (patch) => {
    // patch-package's names: a scope's "/" and a nested package's "/node_modules/" are written "+" and "++".
    const [, file, version] = /^(.+)\+([^+]+)\.patch$/.exec(patch.replace(/\+\+/g, '/'))!;
    const name = file!.replace(/^(@[^+/]+)\+/, '$1/');
    const installed = JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(installed.version).toBe(version);
    const files = addedLines(patch);
    expect(files.size).toBeGreaterThan(0);
    for (const [file, lines] of files) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      for (const line of lines) expect(text, file).toContain(line);
    }
  });

  test("Ink's frames share one set of output caches, started afresh once it holds over a few screens", async () => {
    const { default: Output } = await load('ink/build/output.js');
    const first = new Output({ width: 80, height: 24 });
    const second = new Output({ width: 80, height: 24 });
    expect(second.caches).toBe(first.caches);
    for (let i = 0; i < 301; i++) first.caches.getStyledChars(`line ${i}`);
    const third = new Output({ width: 80, height: 24 });
    expect(third.caches).not.toBe(first.caches);
    expect(third.caches.styledChars.size).toBe(0);
  });

  test("Ink's text sizes are kept, the least recently used going first", async () => {
    const { default: measureText } = await load('ink/build/measure-text.js');
    const kept = measureText('kept text');
    const dropped = measureText('dropped text');
    for (let i = 0; i < 4000; i++) {
      if (i % 1000 === 0) expect(measureText('kept text')).toBe(kept);
      measureText(`text ${i}`);
    }
    expect(measureText('kept text')).toBe(kept);
    expect(measureText('dropped text')).not.toBe(dropped);
    expect(measureText('dropped text')).toEqual(dropped);
  });

  test("a styled run's characters share one styles array; lines read back as they were written", async () => {
    const { styledCharsFromTokens, styledCharsToString, tokenize } = await load(
      '@alcalzone/ansi-tokenize/build/index.js',
    );
    const line = '\u001b[1m\u001b[31mab\u001b[39m\u001b[22mc \u001b[44m d\u001b[49m';
    const chars = styledCharsFromTokens(tokenize(line));
    expect(chars.map((c: { value: string }) => c.value).join('')).toBe('abc  d');
    expect(chars[1].styles).toBe(chars[0].styles);
    expect(chars[2].styles).not.toBe(chars[1].styles);
    expect(chars[5].styles).toBe(chars[4].styles);
    expect(styledCharsToString(chars)).toBe(line);
  });

  test("Ink's empty cells are one blank character, and a frame reads as before", async () => {
    const { default: Output } = await load('ink/build/output.js');
    const output = new Output({ width: 6, height: 2 });
    output.write(1, 1, '\u001b[32mok\u001b[39m', { transformers: [] });
    expect(output.get()).toEqual({ output: '\n \u001b[32mok\u001b[39m', height: 2 });
    expect(new Output({ width: 4, height: 1 }).get()).toEqual({ output: '', height: 1 });
  });

  test('the built bundle carries the patched code', () => {
    const bundle = join(repoRoot, 'dist/bundle');
    const code = readdirSync(bundle)
      .map((file) => readFileSync(join(bundle, file), 'utf8'))
      .join('\n');
    expect(code).toContain('caches = sharedOutputCaches();');
    expect(code).toContain('output.push(new Array(this.width).fill(blankCharacter));');
    expect(code).toContain('} else if (chars[i - 1].styles !== char.styles) {');
    expect(code).toMatch(/const currentWidth = \w+\(text\)\.width;/);
    expect(code).not.toContain('currentWidth = widestLine(text)');
    expect(code).toMatch(
      /normalizePackageData = \(\.\.\.args\) => getDefaultExportFromCjs\(requireNormalize\(\)\)\(\.\.\.args\);/,
    );
    expect(code).not.toContain('= requireNormalize();');
  });
});
