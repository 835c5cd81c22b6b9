#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { Socket } from 'node:net';

// `import` and `export --parquet` stream any number of weeks with a small live heap, but V8 lets a heap that
// allocates this fast grow far past what it holds (measured, 52 weeks: import's peak RSS 348 MB unbounded, under
// 250 MB with these limits; README), and glibc's per-thread malloc arenas add more outside the heap (export of 12
// weeks: 269 MB, 223 MB with one arena). So they run in a child with a bounded heap and one arena, unless the user
// chose heap flags of their own.
const STREAMING_HEAP = ['--max-semi-space-size=8', '--max-old-space-size=160'];
const streaming =
  process.argv[2] === 'import' || (process.argv[2] === 'export' && process.argv.some((a) => a.startsWith('--parquet')));
const PARENT_PIPE = 'OFFICE_WATCH_PARENT_PIPE';
const heapFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
const chosen = heapFlags.some((flag) => /max-(old|semi)-space-size/.test(flag));
if (streaming && !chosen && !process.env[PARENT_PIPE]) {
  const env = { MALLOC_ARENA_MAX: '1', ...process.env, [PARENT_PIPE]: '3' };
  const argv = [...process.execArgv, ...STREAMING_HEAP, ...process.argv.slice(1)];
  const child = spawnSync(process.execPath, argv, { stdio: ['inherit', 'inherit', 'inherit', 'pipe'], env });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}
if (process.env[PARENT_PIPE]) {
  // Killed, the parent closes its end of this pipe: the import ends with it, as if it had been killed itself.
  const pipe = new Socket({ fd: Number(process.env[PARENT_PIPE]), readable: true });
  pipe
    .on('close', () => process.exit(137))
    .on('error', () => {})
    .resume()
    .unref();
  delete process.env[PARENT_PIPE];
}
// The program as one bundle (npm run build makes dist/bundle): Node loads it in a fraction of the time
// the several hundred modules of the app and its libraries take one by one.
await import('../dist/bundle/main.js');
