const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Load Ink as interactive, and quickly.
 * - Ink decides once, when it loads, that it runs in CI (CI=true) and then draws no live frames, only the
 *   last one at exit; the live app always has a terminal, so it must not.
 * - Yoga (Ink's layout engine) reads its WebAssembly from a data: URL with `fetch` where there is one, which
 *   loads Node's whole HTTP client first (80 ms of start-up here); without `fetch` it decodes it in place.
 */
export async function loadInteractiveInk(): Promise<void> {
  const saved = CI_VARIABLES.map((name) => process.env[name]);
  for (const name of CI_VARIABLES) process.env[name] = 'false';
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    await import('ink');
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
    CI_VARIABLES.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  }
}
