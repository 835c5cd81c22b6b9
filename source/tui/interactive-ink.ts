import type { ColourDepth } from './colour-wanted.js';

const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
const SAVED = [...CI_VARIABLES, 'FORCE_COLOR'] as const;

/**
 * Load Ink as interactive, in colour where the app wants it, and quickly.
 * - Ink decides once, when it loads, that it runs in CI and then draws no live frames, only the last one at
 *   exit; its colour library decides then too, and turns colours off whenever a CI variable exists at all (even
 *   CI=false). The live app always has a terminal: while Ink loads, the CI variables are gone, and FORCE_COLOR
 *   says what `depth` says (0 for none; at least the 16 basic colours otherwise, more where the terminal has them).
 * - Yoga (Ink's layout engine) reads its WebAssembly from a data: URL with `fetch` where there is one, which
 *   loads Node's whole HTTP client first (80 ms of start-up here); without `fetch` it decodes it in place.
 * Everything is put back afterwards: child processes (the demo, --exec commands) see the user's environment.
 */
export async function loadInteractiveInk(depth: ColourDepth): Promise<void> {
  const saved = SAVED.map((name) => process.env[name]);
  for (const name of CI_VARIABLES) delete process.env[name];
  if (depth === 'none') process.env.FORCE_COLOR = '0';
  else if (process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '1';
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    await import('ink');
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
    SAVED.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  }
}
