import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { levelBindingOutside } from './level-binding.js';

// The binary's bundle (dist/bundle): Node loads one file in a fraction of the time that the app's and its
// libraries' several hundred modules take one by one. Run after tsc, from dist/source/build.
const dist = fileURLToPath(new URL('../../', import.meta.url));
const outdir = `${dist}bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${dist}source/main.js`, `${dist}scrapers/simulator/demo-process.js`],
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // The notifier finds its helper programs beside its own files; react-devtools-core is an optional peer of Ink,
  // loaded only in development and not installed.
  external: ['toasted-notifier', 'react-devtools-core'],
  // Libraries written as CommonJS call require, which an ES module lacks.
  banner: {
    js:
      "import { createRequire as __createRequire } from 'node:module';" +
      ' const require = __createRequire(import.meta.url);',
  },
  plugins: [levelBindingOutside],
});
