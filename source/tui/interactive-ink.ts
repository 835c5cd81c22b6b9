const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Load Ink as interactive. Ink decides once, when it loads, that it runs in CI (CI=true) and then draws
 * no live frames, only the last one at exit; the live app always has a terminal, so it must not.
 */
export async function loadInteractiveInk(): Promise<void> {
  const saved = CI_VARIABLES.map((name) => process.env[name]);
  for (const name of CI_VARIABLES) process.env[name] = 'false';
  try {
    await import('ink');
  } finally {
    CI_VARIABLES.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  }
}
