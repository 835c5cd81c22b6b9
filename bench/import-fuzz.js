// Hundreds of damaged copies of the real week 2026-29 imported with the built binary: runs, outcomes and
// failures by kind of damage, and the time taken. The cases and checks are test/reliability/import-fuzz.test.ts
// (npm test runs 20 of them); this runs it at full count.
//   npm run build && node bench/import-fuzz.js   (IMPORT_FUZZ_RUNS, default 300; IMPORT_FUZZ_SEED, default the date)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.IMPORT_FUZZ_RUNS ?? '300';
// A new seed each day finds new cases; the summary prints it, so a failure can be rerun.
const seed = process.env.IMPORT_FUZZ_SEED ?? new Date().toISOString().slice(0, 10).replaceAll('-', '');
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/reliability/import-fuzz.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, IMPORT_FUZZ_RUNS: runs, IMPORT_FUZZ_SEED: seed, FORCE_COLOR: '0' },
  },
);
console.log(
  `import-fuzz: ${runs} runs, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s in all` +
    `, ${result.status === 0 ? 'no failures' : 'FAILURES (see above)'}`,
);
process.exitCode = result.status === 0 ? 0 : 1;
