// Runs every bench/*.js except this one, one after another, and prints their output.
//   npm run bench   (builds first)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((name) => name.endsWith('.js') && name !== self)
  .sort();

const failed = [];
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const started = Date.now();
  // Output goes straight through, so long benches show progress as they go.
  const result = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit', cwd: join(here, '..') });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failed.push(script);
  console.log(
    `== ${script}: ${result.status === 0 ? 'done' : `exit ${result.status ?? result.signal}`} in ${seconds} s`,
  );
}
console.log(`\n${scripts.length} bench script(s) run${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
process.exitCode = failed.length > 0 ? 1 : 0;
