import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const inkCaches = JSON.stringify(fileURLToPath(new URL('../tui/ink-caches.js', import.meta.url)));
const lruCache = JSON.stringify(fileURLToPath(new URL('../tui/data/lru-cache.js', import.meta.url)));

/** A change to one file of a dependency: `from` replaced by `to`, with `imports` (if any) put on top. */
export interface DependencyPatch {
  /** The file under node_modules. */
  file: string;
  from: string;
  to: string;
  imports?: string;
}

/** What the bundle changes in its dependencies, each for the app's speed or memory (measured in bench/tui-frame.js). */
export const DEPENDENCY_PATCHES: DependencyPatch[] = [
  {
    // Every frame got new, empty output caches: now all share one, bounded (source/tui/ink-caches.ts).
    file: 'ink/build/output.js',
    from: 'caches = new OutputCaches();',
    to: 'caches = sharedOutputCaches(() => new OutputCaches());',
    imports: `import { sharedOutputCaches } from ${inkCaches};`,
  },
  {
    // Every text was measured anew each frame; layout has just measured it, and measureText keeps the sizes.
    file: 'ink/build/render-node-to-output.js',
    from: 'const currentWidth = widestLine(text);',
    to: 'const currentWidth = measureText(text).width;',
    imports: "import measureText from './measure-text.js';",
  },
  {
    // The text sizes were kept for as long as the app ran: now bounded.
    file: 'ink/build/measure-text.js',
    from: 'const cache = new Map();',
    to: 'const cache = new LruCache(TEXT_SIZES_KEPT);',
    imports: `import { LruCache } from ${lruCache};\nimport { TEXT_SIZES_KEPT } from ${inkCaches};`,
  },
  {
    // meow set up its package.json normalizer, license lists and all, on every start (50 ms of CPU); only
    // `cli.pkg` uses it, and office-watch never reads that.
    file: 'meow/build/dependencies.js',
    from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
    to: 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
  },
];

/** A file's source with its patch applied; throws where the file no longer has what the patch replaces. */
export function applyPatch(source: string, patch: DependencyPatch): string {
  if (!source.includes(patch.from)) throw new Error(`node_modules/${patch.file} no longer has ${JSON.stringify(patch.from)}: check source/build/dependency-patches.ts against this version`);
  const patched = source.replace(patch.from, patch.to);
  return patch.imports ? `${patch.imports}\n${patched}` : patched;
}

/** The esbuild plugin that applies DEPENDENCY_PATCHES; the build fails if a dependency changed what they replace. */
export const dependencyPatches: Plugin = {
  name: 'dependency-patches',
  setup(build) {
    for (const patch of DEPENDENCY_PATCHES) {
      const filter = new RegExp(`[\\\\/]node_modules[\\\\/]${patch.file.replace(/\./g, '\\.').replace(/\//g, '[\\\\/]')}$`);
      build.onLoad({ filter }, async ({ path }) => ({ contents: applyPatch(await readFile(path, 'utf8'), patch), loader: 'js' }));
    }
  },
};
