import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const caches = JSON.stringify(fileURLToPath(new URL('../tui/ink-caches.js', import.meta.url)));

/** A change to one of Ink's modules: `from` replaced by `to`, with `imports` put on top. */
export interface InkPatch {
  module: string;
  from: string;
  to: string;
  imports: string;
}

/** What the bundle changes in Ink so that a key's frame is drawn sooner; source/tui/ink-caches.ts says why. */
export const INK_PATCHES: InkPatch[] = [
  {
    // Every frame got new output caches: now all share one, bounded.
    module: 'output.js',
    from: 'caches = new OutputCaches();',
    to: 'caches = sharedOutputCaches(() => new OutputCaches());',
    imports: `import { sharedOutputCaches } from ${caches};`,
  },
  {
    // Every text was measured anew each frame; layout has just measured it, and measureText keeps the sizes.
    module: 'render-node-to-output.js',
    from: 'const currentWidth = widestLine(text);',
    to: 'const currentWidth = measureText(text).width;',
    imports: "import measureText from './measure-text.js';",
  },
  {
    // The text sizes were kept for as long as the app ran: now bounded.
    module: 'measure-text.js',
    from: 'const cache = new Map();',
    to: 'const cache = new BoundedCache();',
    imports: `import { BoundedCache } from ${caches};`,
  },
];

/** A module's source with its patch applied; throws where Ink's source no longer has what the patch replaces. */
export function applyInkPatch(source: string, patch: InkPatch): string {
  if (!source.includes(patch.from)) throw new Error(`ink/build/${patch.module} no longer has "${patch.from}": check source/build/ink-patches.ts against this Ink`);
  return `${patch.imports}\n${source.replace(patch.from, patch.to)}`;
}

/** The esbuild plugin that applies INK_PATCHES; the build fails if Ink changed what they replace. */
export const inkPatches: Plugin = {
  name: 'ink-patches',
  setup(build) {
    for (const patch of INK_PATCHES) {
      const filter = new RegExp(`[\\\\/]ink[\\\\/]build[\\\\/]${patch.module.replace('.', '\\.')}$`);
      build.onLoad({ filter }, async ({ path }) => ({ contents: applyInkPatch(await readFile(path, 'utf8'), patch), loader: 'js' }));
    }
  },
};
