import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const OUTPUT_MODULE = /[\\/]ink[\\/]build[\\/]output\.js$/;
const PER_FRAME = 'caches = new OutputCaches();';
const runtime = fileURLToPath(new URL('../tui/shared-output-caches.js', import.meta.url));

/** Ink's output.js with its per-frame caches replaced by the shared ones (source/tui/shared-output-caches.ts). */
export function shareOutputCaches(source: string): string {
  if (!source.includes(PER_FRAME)) throw new Error(`ink/build/output.js no longer has "${PER_FRAME}": check source/tui/shared-output-caches.ts against this Ink`);
  const replaced = source.replace(PER_FRAME, 'caches = sharedOutputCaches(() => new OutputCaches());');
  return `import { sharedOutputCaches } from ${JSON.stringify(runtime)};\n${replaced}`;
}

/** The esbuild plugin that applies shareOutputCaches to Ink's output.js; the build fails if Ink changed it. */
export const inkOutputCaches: Plugin = {
  name: 'ink-output-caches',
  setup(build) {
    build.onLoad({ filter: OUTPUT_MODULE }, async ({ path }) => ({ contents: shareOutputCaches(await readFile(path, 'utf8')), loader: 'js' }));
  },
};
