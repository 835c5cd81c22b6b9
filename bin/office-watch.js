#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { Socket } from 'node:net';

// `import` streams any number of weeks with a small live heap, but V8 lets a heap that allocates this fast grow
// far past what it holds (measured, 52 weeks: peak RSS 348 MB unbounded, under 250 MB with these limits; README).
// So import runs in a child with a bounded heap, unless the user chose heap flags of their own.
const IMPORT_HEAP = ['--max-semi-space-size=8', '--max-old-space-size=160'];
const PARENT_PIPE = 'OFFICE_WATCH_PARENT_PIPE';
const heapFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
const chosen = heapFlags.some((flag) => /max-(old|semi)-space-size/.test(flag));
if (process.argv[2] === 'import' && !chosen && !process.env[PARENT_PIPE]) {
  const env = { ...process.env, [PARENT_PIPE]: '3' };
  const argv = [...process.execArgv, ...IMPORT_HEAP, ...process.argv.slice(1)];
  const child = spawnSync(process.execPath, argv, { stdio: ['inherit', 'inherit', 'inherit', 'pipe'], env });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}
if (process.env[PARENT_PIPE]) {
  // Killed, the parent closes its end of this pipe: the import ends with it, as if it had been killed itself.
  const pipe = new Socket({ fd: Number(process.env[PARENT_PIPE]), readable: true });
  pipe.on('close', () => process.exit(137)).on('error', () => {}).resume().unref();
  delete process.env[PARENT_PIPE];
}
// The program as one bundle (npm run build makes dist/bundle): Node loads it in a fraction of the time
// the several hundred modules of the app and its libraries take one by one.
await import('../dist/bundle/main.js');
