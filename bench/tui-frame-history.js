// The terminal app over 52 weeks (issue 13): bench/tui-frame.js --weeks 52, on the db that bench/history-import.js
// leaves in .bench/db-52 (it runs first in `npm run bench`; imported here otherwise). Budgets as for one week:
// first frame ≤ 0.5 s, key → frame p95 ≤ 30 ms; and the timeline's 52-week span (s) as fast as its 7 days.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const run = spawnSync(process.execPath, [join(here, 'tui-frame.js'), '--weeks', '52'], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
